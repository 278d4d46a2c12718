import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionParams } from "./connection-params";
import { createDb, pgConnection, pgliteConnection } from "./create-db";
import {
  DatabaseNewerThanCodeError,
  DatabaseNotMigratedError,
  DatabaseSetupError,
  MigrationFailedError,
} from "./errors";
import { MIGRATIONS } from "./generated/migrations";
import { type MigrationConnection, migrate } from "./migrate";
import { createTestDb, createTestPglite, type TestDb } from "./testing";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const migrationsDir = join(packageDir, "prisma", "migrations");
const target = process.env.TEST_DATABASE_TARGET === "postgres" ? "postgres" : "pglite";

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test?.close());

/** A raw connection to a second, freshly migrated database of the current target. */
async function rawDatabase(): Promise<{
  connection: MigrationConnection;
  reopen: () => ReturnType<typeof createDb>;
  close: () => Promise<void>;
}> {
  if (target === "pglite") {
    const pglite = await createTestPglite();
    return {
      connection: pgliteConnection(pglite),
      reopen: () => createDb({ pglite }),
      close: async () => {
        if (!pglite.closed) await pglite.close();
      },
    };
  }
  const other = await createTestDb();
  await other.db.$disconnect();
  const client = new pg.Client(connectionParams(other.databaseUrl ?? ""));
  await client.connect();
  return {
    connection: pgConnection(client),
    reopen: () => createDb({ databaseUrl: other.databaseUrl }),
    close: async () => {
      await client.end();
      await other.close();
    },
  };
}

describe("migrations", () => {
  it("the embedded migrations are exactly prisma/migrations (run `pnpm generate` after `migrate dev`)", () => {
    const onDisk = readdirSync(migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(MIGRATIONS.map((migration) => migration.name)).toEqual(onDisk);
    for (const migration of MIGRATIONS) {
      const file = readFileSync(join(migrationsDir, migration.name, "migration.sql"), "utf8");
      expect(migration.checksum).toBe(createHash("sha256").update(file).digest("hex"));
    }
  });

  it("a new database gets every migration, recorded as `prisma migrate deploy` records them", async () => {
    const rows = await test.db.$queryRaw<
      Array<{
        migration_name: string;
        checksum: string;
        finished: boolean;
        applied_steps_count: number;
      }>
    >`SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count
      FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows).toEqual(
      MIGRATIONS.map((migration) => ({
        migration_name: migration.name,
        checksum: migration.checksum,
        finished: true,
        applied_steps_count: 1,
      })),
    );
    expect(await test.db.user.count()).toBe(0);
  });

  it("`prisma migrate status` agrees that the database is up to date", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    let cleanup = async () => {};
    if (target === "postgres") {
      env.DATABASE_URL = test.databaseUrl;
    } else {
      const dir = mkdtempSync(join(tmpdir(), "peacelearn-status-"));
      await (await createTestPglite(join(dir, "pglite"))).close();
      delete env.DATABASE_URL;
      env.PGLITE_DIR = join(dir, "pglite");
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    try {
      const status = spawnSync(
        join(packageDir, "node_modules", ".bin", "prisma"),
        ["migrate", "status"],
        {
          cwd: packageDir,
          env,
          encoding: "utf8",
          timeout: 90_000,
        },
      );
      expect(status.stdout + status.stderr).toContain("Database schema is up to date!");
      expect(status.status).toBe(0);
    } finally {
      await cleanup();
    }
  }, 120_000);

  it("refuses a database on a newer migration than the code, with a plain message", async () => {
    const raw = await rawDatabase();
    try {
      await raw.connection.exec(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
         VALUES ('00000000-0000-0000-0000-000000000001', 'x', '29991231000000_from_the_future', now(), 1)`,
      );
      const error = await raw.reopen().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(DatabaseNewerThanCodeError);
      expect(error).toBeInstanceOf(DatabaseSetupError);
      expect((error as DatabaseSetupError).code).toBe("database-newer-than-code");
      expect((error as Error).message).toMatch(
        /upgraded by a newer version of Peacelearn .*29991231000000_from_the_future.*Nothing was changed\.$/,
      );
    } finally {
      await raw.close();
    }
  });

  it("refuses to start on a migration that failed earlier", async () => {
    const raw = await rawDatabase();
    try {
      await raw.connection.exec(
        `UPDATE "_prisma_migrations" SET finished_at = NULL, logs = 'boom' WHERE migration_name = '${MIGRATIONS[0]?.name}'`,
      );
      await expect(raw.reopen()).rejects.toThrow(MigrationFailedError);
    } finally {
      await raw.close();
    }
  });

  it("reports pending migrations when told only to check (a server migrated by `pnpm db:migrate`)", async () => {
    const raw = await rawDatabase();
    try {
      await raw.connection.exec(`DELETE FROM "_prisma_migrations"`);
      const error = await migrate(raw.connection, "check").catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DatabaseNotMigratedError);
      expect((error as Error).message).toContain("pnpm db:migrate");
    } finally {
      await raw.close();
    }
  });

  it("a migration that fails is rolled back entirely and not recorded", async () => {
    const raw = await rawDatabase();
    try {
      const broken = {
        name: "29990101000000_broken",
        checksum: "0".repeat(64),
        sql: 'CREATE TABLE "HalfDone" (id int);\nSELECT * FROM "NoSuchTable";',
      };
      await expect(migrate(raw.connection, "apply", [...MIGRATIONS, broken])).rejects.toThrow(
        /Updating the database failed at step "29990101000000_broken": .*NoSuchTable/,
      );
      const leftovers = await raw.connection.query<{ halfDone: string | null; recorded: number }>(
        `SELECT to_regclass('"HalfDone"')::text AS "halfDone",
                (SELECT count(*)::int FROM "_prisma_migrations" WHERE migration_name = $1) AS recorded`,
        [broken.name],
      );
      expect(leftovers).toEqual([{ halfDone: null, recorded: 0 }]);
      // The database is still usable and up to date with the real migrations.
      expect(await migrate(raw.connection, "apply")).toEqual({
        applied: [],
        alreadyApplied: MIGRATIONS.length,
      });
    } finally {
      await raw.close();
    }
  });
});
