import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PGLITE_EXTENSIONS } from "./adapters/pglite-adapter";
import { connectionParams } from "./connection-params";
import { createDb, type Db, pgConnection, pgliteConnection } from "./create-db";
import { MIGRATIONS } from "./generated/migrations";
import { migrate } from "./migrate";

export type TestDbTarget = "pglite" | "postgres";

export type TestDb = {
  db: Db;
  target: TestDbTarget;
  /** The throw-away database's URL (postgres target only). */
  databaseUrl: string | undefined;
  /** Disconnects and deletes the database. */
  close(): Promise<void>;
};

export type CreateTestDbOptions = {
  /** Default: TEST_DATABASE_TARGET, else "pglite". */
  target?: TestDbTarget;
  /**
   * Server to create throw-away databases on (postgres target). Default: TEST_DATABASE_URL, else
   * postgresql://postgres@127.0.0.1:5432/postgres. DATABASE_URL is deliberately never used, so a
   * test run cannot touch the real database.
   */
  serverUrl?: string;
};

/**
 * A fresh, migrated, empty database for one test file — call it in `beforeAll` and `close()` in
 * `afterAll`. PGlite: the migrated template is dumped once per machine and schema version
 * (cached in the OS temp folder) and loaded into a new in-memory instance (~1 s). PostgreSQL:
 * `CREATE DATABASE … TEMPLATE` a migrated template database (~0.1 s), dropped on close.
 */
export async function createTestDb(options: CreateTestDbOptions = {}): Promise<TestDb> {
  const target = options.target ?? parseTarget(process.env.TEST_DATABASE_TARGET);
  if (target === "postgres") {
    return createServerTestDb(
      options.serverUrl ?? process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_SERVER_URL,
    );
  }
  const db = await createDb({ pglite: await createTestPglite(), migrate: "check" });
  return { db, target, databaseUrl: undefined, close: () => db.$disconnect() };
}

/**
 * A migrated PGlite instance (no Prisma client) — in memory, or written into `dataDir` (~3 s,
 * against ~8 s for a first start there) — for tests that need the raw database, e.g. to tamper
 * with `_prisma_migrations` before calling `createDb({ pglite })`.
 */
export async function createTestPglite(dataDir?: string): Promise<PGlite> {
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    loadDataDir: await pgliteTemplate(),
    extensions: PGLITE_EXTENSIONS,
  });
}

const DEFAULT_TEST_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

function parseTarget(value: string | undefined): TestDbTarget {
  if (value === undefined || value === "" || value === "pglite") return "pglite";
  if (value === "postgres") return "postgres";
  throw new Error(`TEST_DATABASE_TARGET must be "pglite" or "postgres", not "${value}"`);
}

/** Changes whenever a migration changes, so stale templates are never reused. */
function schemaFingerprint(): string {
  return createHash("sha256")
    .update(MIGRATIONS.map((migration) => `${migration.name}:${migration.checksum}`).join("\n"))
    .digest("hex")
    .slice(0, 16);
}

let templateDump: Promise<Blob> | undefined;

function pgliteTemplate(): Promise<Blob> {
  templateDump ??= loadOrBuildPgliteTemplate();
  return templateDump;
}

async function loadOrBuildPgliteTemplate(): Promise<Blob> {
  const dir = join(tmpdir(), "peacelearn-db-test");
  const file = join(dir, `pglite-${schemaFingerprint()}.tar.gz`);
  const type = "application/x-gzip";
  try {
    return new Blob([readFileSync(file)], { type });
  } catch {
    // Not built yet on this machine: build it below.
  }
  const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  try {
    await migrate(pgliteConnection(pglite), "apply");
    const dump = await pglite.dumpDataDir("gzip");
    const bytes = Buffer.from(await dump.arrayBuffer());
    mkdirSync(dir, { recursive: true });
    // Write-then-rename: parallel test workers never read a half-written file.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(partial, bytes);
    renameSync(partial, file);
    return new Blob([bytes], { type });
  } finally {
    await pglite.close();
  }
}

async function createServerTestDb(serverUrl: string): Promise<TestDb> {
  const params = connectionParams(serverUrl);
  const admin = new pg.Client({ ...params });
  await admin.connect();
  try {
    const template = await ensureServerTemplate(admin, params);
    const name = `peacelearn_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const db = await createDb({ databaseUrl, migrate: "check" });
    return {
      db,
      target: "postgres",
      databaseUrl,
      async close() {
        await db.$disconnect();
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      },
    };
  } catch (error) {
    await admin.end().catch(() => {});
    throw error;
  }
}

async function ensureServerTemplate(
  admin: pg.Client,
  params: ReturnType<typeof connectionParams>,
): Promise<string> {
  const template = `peacelearn_template_${schemaFingerprint()}`;
  // Parallel test workers: one builds, the others wait and reuse.
  await admin.query("SELECT pg_advisory_lock(hashtext('peacelearn-test-template'))");
  try {
    const existing = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (existing.rowCount) return template;
    const building = `${template}_building`;
    await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${building}"`);
    const client = new pg.Client({ ...params, database: building });
    await client.connect();
    try {
      await migrate(pgConnection(client), "apply");
    } finally {
      await client.end();
    }
    // Renamed only once complete, so a half-built template is never used.
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
    return template;
  } finally {
    await admin.query("SELECT pg_advisory_unlock(hashtext('peacelearn-test-template'))");
  }
}

export {
  checkStatements,
  findStatementFiles,
  loadStatementFiles,
  rawSqlOutsideStatementFiles,
  STATEMENT_FILE,
} from "./statement-files";
