import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PeacelearnPGliteFactory, PGLITE_EXTENSIONS } from "./adapters/pglite-adapter";
import { connectionParams, redactUrl } from "./connection-params";
import { DatabaseUnreachableError } from "./errors";
import { type Prisma, PrismaClient } from "./generated/prisma/client";
import {
  type MigrationConnection,
  type MigrationMode,
  migrate,
  PRISMA_MIGRATE_LOCK_KEY,
} from "./migrate";
import { acquirePgliteDirLock, resolvePgliteDir } from "./pglite-dir";
import { usePgliteFor, usePoolFor } from "./prepared-query";

/** The Prisma client of Peacelearn's schema. */
export type Db = PrismaClient;

/** The client inside `db.$transaction(async (tx) => …)`. */
export type DbTransaction = Prisma.TransactionClient;

export type CreateDbOptions = {
  /** PostgreSQL server URL. Default: `process.env.DATABASE_URL`; empty/unset → embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Embedded database folder, or "memory://". Default: PGLITE_DIR, else `<repo>/.data/pglite`. */
  pgliteDir?: string | undefined;
  /** Default: "apply" for the embedded database, "check" for a server (`pnpm db:migrate` migrates it). */
  migrate?: MigrationMode;
  /** An already-open PGlite instance (the test helper loads one from a dump). Closed with the client. */
  pglite?: PGlite;
  /** Seconds to wait for a server before giving up. Default 10. */
  connectTimeoutSeconds?: number;
};

/**
 * Opens the database: a PostgreSQL server when a URL is given (through @prisma/adapter-pg),
 * otherwise the embedded PGlite database (persisted in a folder; created and migrated on first
 * start). Throws a {@link DatabaseSetupError} subclass, whose message is meant for the person
 * running the platform, when the database cannot be reached, is locked by another program, or
 * is on a newer migration than this code. `db.$disconnect()` also closes the embedded database.
 */
export async function createDb(options: CreateDbOptions = {}): Promise<Db> {
  const url = "databaseUrl" in options ? options.databaseUrl : process.env.DATABASE_URL;
  if (url && !options.pglite) return createServerDb(url, options);
  return createEmbeddedDb(options);
}

/**
 * Keeps a dropped connection from killing the process. Idle clients dropped by the server
 * (restart, failover) reach the pool's "error" event and are replaced. A client being handed to a
 * waiting `pool.connect()` has, for a moment, no "error" listener at all (pg-pool removes its idle
 * listener first); when one network packet holds the end of a query and the server's 57P01
 * "terminating connection", the error event fires in that gap and Node throws it — measured with
 * bench:fault, 3 crashes in 3 runs. A permanent no-op listener per client closes the gap; the
 * queries running on it still fail with the error, which is what the app answers 503 on.
 */
export function guardPoolClients(pool: pg.Pool): void {
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
}

async function createServerDb(url: string, options: CreateDbOptions): Promise<Db> {
  const target = redactUrl(url);
  let params: ReturnType<typeof connectionParams>;
  try {
    params = connectionParams(url);
  } catch (error) {
    throw new DatabaseUnreachableError(target, (error as Error).message, { cause: error });
  }
  const pool = new pg.Pool({
    ...params,
    connectionTimeoutMillis: (options.connectTimeoutSeconds ?? 10) * 1000,
  });
  guardPoolClients(pool);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseUnreachableError(target, describeConnectError(error), { cause: error });
  }
  try {
    const mode = options.migrate ?? "check";
    if (mode === "apply")
      await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    try {
      await migrate(pgConnection(client), mode);
    } finally {
      if (mode === "apply") {
        await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
      }
    }
  } catch (error) {
    client.release();
    await pool.end().catch(() => {});
    throw error;
  }
  client.release();
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  usePoolFor(db, pool);
  return db;
}

async function createEmbeddedDb(options: CreateDbOptions): Promise<Db> {
  let pglite = options.pglite;
  let release = () => {};
  if (!pglite) {
    const dataDir = resolvePgliteDir(options.pgliteDir);
    release = acquirePgliteDirLock(dataDir);
    try {
      if (!dataDir.startsWith("memory://")) mkdirSync(dirname(dataDir), { recursive: true });
      pglite = await PGlite.create({ dataDir, extensions: PGLITE_EXTENSIONS });
    } catch (error) {
      release();
      throw error;
    }
  }
  const instance = pglite;
  try {
    await migrate(pgliteConnection(instance), options.migrate ?? "apply");
  } catch (error) {
    await instance.close().catch(() => {});
    release();
    throw error;
  }
  const db = new PrismaClient({
    adapter: new PeacelearnPGliteFactory(instance),
    // PGlite has one connection: transactions queue behind each other, so allow longer waits.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
  usePgliteFor(db, instance);
  const disconnect = db.$disconnect.bind(db);
  Object.defineProperty(db, "$disconnect", {
    value: async () => {
      await disconnect();
      if (!instance.closed) await instance.close();
      release();
    },
  });
  return db;
}

/** Runs migrations on an embedded database (used by the test helper's template). */
export function pgliteConnection(pglite: PGlite): MigrationConnection {
  return {
    query: async <Row>(sql: string, params?: unknown[]) =>
      (await pglite.query<Row>(sql, params)).rows,
    exec: async (script) => {
      await pglite.exec(script);
    },
  };
}

export function pgConnection(client: pg.ClientBase): MigrationConnection {
  return {
    query: async <Row>(sql: string, params?: unknown[]) =>
      (await client.query(sql, params)).rows as Row[],
    exec: async (script) => {
      await client.query(script);
    },
  };
}

function describeConnectError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case "ECONNREFUSED":
      return "nothing is listening there — the server is not running";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "the host name is unknown";
    case "ETIMEDOUT":
      return "the connection timed out";
    case "28P01":
    case "28000":
      return "the user name or password was refused";
    case "3D000":
      return "that database does not exist";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
