import { randomUUID } from "node:crypto";
import {
  DatabaseNewerThanCodeError,
  DatabaseNotMigratedError,
  MigrationFailedError,
} from "./errors";
import { MIGRATIONS } from "./generated/migrations";

/** What the migration runner needs from a connection (PGlite or a dedicated `pg` client). */
export type MigrationConnection = {
  /** Parameterised single statement. */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Multi-statement script, sent as a simple query (so `$$` bodies and `;` are fine). */
  exec(script: string): Promise<void>;
};

export type Migration = { name: string; checksum: string; sql: string };

export type MigrationMode =
  /** Apply pending migrations (the embedded database, `migrate: "apply"`). */
  | "apply"
  /** Refuse to start when migrations are pending (a server migrated by `pnpm db:migrate`). */
  | "check"
  /** Do nothing (you know the schema is right). */
  | "skip";

export type MigrationReport = { applied: string[]; alreadyApplied: number };

// Prisma's own table, same definition, so `prisma migrate status/deploy` agree with us.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** The advisory lock key `prisma migrate` takes, so the CLI and this runner never interleave. */
export const PRISMA_MIGRATE_LOCK_KEY = 72707369;

type AppliedRow = {
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
};

/**
 * Brings the database to the code's migrations (prisma/migrations, embedded at `generate` time),
 * recording them in `_prisma_migrations` exactly as `prisma migrate deploy` would. Each migration
 * runs in a transaction together with its bookkeeping row, so a failure leaves the database as it
 * was before that migration. The caller serialises concurrent runners (advisory lock on a server).
 */
export async function migrate(
  connection: MigrationConnection,
  mode: MigrationMode,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationReport> {
  if (mode === "skip") return { applied: [], alreadyApplied: 0 };
  const tableExists = await connection.query<{ exists: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`,
  );
  const rows = tableExists[0]?.exists
    ? await connection.query<AppliedRow>(
        `SELECT "migration_name", "finished_at", "rolled_back_at", "logs" FROM "_prisma_migrations" ORDER BY "started_at"`,
      )
    : [];

  const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    throw new MigrationFailedError(
      failed.migration_name,
      `an earlier attempt did not finish${failed.logs ? ` (${firstLine(failed.logs)})` : ""}; resolve it with \`prisma migrate resolve\``,
    );
  }
  const applied = new Set(
    rows
      .filter((row) => row.finished_at !== null && row.rolled_back_at === null)
      .map((row) => row.migration_name),
  );
  const known = new Set(migrations.map((migration) => migration.name));
  const unknown = [...applied].filter((name) => !known.has(name));
  if (unknown.length > 0) throw new DatabaseNewerThanCodeError(unknown);

  const pending = migrations.filter((migration) => !applied.has(migration.name));
  if (pending.length === 0) return { applied: [], alreadyApplied: applied.size };
  if (mode === "check")
    throw new DatabaseNotMigratedError(pending.map((migration) => migration.name));

  await connection.exec(CREATE_MIGRATIONS_TABLE);
  for (const migration of pending) {
    try {
      await connection.exec(
        `BEGIN;\n${migration.sql}\n;\nINSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count") VALUES ('${randomUUID()}', '${migration.checksum}', '${migration.name.replaceAll("'", "''")}', now(), now(), 1);\nCOMMIT;`,
      );
    } catch (error) {
      await connection.exec("ROLLBACK").catch(() => {});
      throw new MigrationFailedError(migration.name, firstLine(errorMessage(error)), {
        cause: error,
      });
    }
  }
  return { applied: pending.map((migration) => migration.name), alreadyApplied: applied.size };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
