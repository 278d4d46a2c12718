import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { connectionParams } from "../connection-params";

const PG_TYPE_CHAR = 18; // the internal one-byte "char" of the catalogs (relkind, contype…)
const PG_TYPE_NAME = 19;
const PG_TYPE_TEXT = 25;

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> };

/**
 * @prisma/adapter-pg 6.19 cannot deserialize PostgreSQL's `name` type, which the migrate
 * commands read from the catalogs (STACK.md fault 6), nor the catalogs' one-byte `"char"`, which
 * `migrate dev` reads once the schema has extensions (citext). All are strings on the wire, so
 * relabel them as `text` before the adapter looks at them.
 */
class NameAsTextClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; we only post-process.
  override query(...args: any[]): any {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, result: QueryResultLike) => {
        if (result) relabelNameColumns(result);
        last(error, result);
      };
      // biome-ignore lint/suspicious/noExplicitAny: see above.
      return (super.query as any)(...args);
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    const returned = (super.query as any)(...args);
    if (returned && typeof returned.then === "function") {
      return returned.then((result: QueryResultLike) => relabelNameColumns(result));
    }
    return returned;
  }
}

function relabelNameColumns<T extends QueryResultLike>(result: T): T {
  for (const results of Array.isArray(result) ? result : [result]) {
    for (const field of (results as QueryResultLike).fields ?? []) {
      if (field.dataTypeID === PG_TYPE_NAME || field.dataTypeID === PG_TYPE_CHAR) {
        field.dataTypeID = PG_TYPE_TEXT;
      }
    }
  }
  return result;
}

/**
 * The driver-adapter factory the Prisma CLI uses against a PostgreSQL server (prisma.config.ts).
 * - host/port/user/password/database are passed separately: with `connectionString`, adapter-pg
 *   ignores `database`, so its shadow database silently becomes the real one (fault 7);
 * - the shadow database is dropped `WITH (FORCE)` after its pool has ended (the stock cleanup
 *   drops it while the pool still holds it, and leaks it);
 * - `allowExitOnIdle` lets the CLI exit (fault 5);
 * - a migration script is sent whole: adapter-pg splits scripts on every ";", which breaks any
 *   migration with a function body (the content_version triggers). PostgreSQL runs a
 *   multi-statement simple query as one implicit transaction, so a failing migration leaves
 *   nothing half-applied.
 */
export function createServerCliAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const params = connectionParams(url);
  const poolFor = (database: string) =>
    new pg.Pool({ ...params, database, allowExitOnIdle: true, Client: NameAsTextClient });

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => {
      const pool = poolFor(params.database);
      return wholeScripts(await new PrismaPg(pool, { disposeExternalPool: true }).connect(), pool);
    },
    async connectToShadowDb(): Promise<SqlDriverAdapter> {
      const shadowName = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
      const admin = new pg.Client({ ...params });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${shadowName}"`);
      const pool = poolFor(shadowName);
      const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
      return {
        ...wholeScripts(adapter, pool),
        async dispose() {
          await adapter.dispose();
          await admin.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
          await admin.end();
        },
      };
    },
  };
}

/** `adapter` with `executeScript` sending the script in one round trip (see the factory). */
function wholeScripts(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  return {
    ...bindAll(adapter),
    async executeScript(script: string) {
      try {
        await pool.query(script);
      } catch (error) {
        const e = error as pg.DatabaseError;
        throw new DriverAdapterError({
          kind: "postgres",
          code: e.code ?? "N/A",
          severity: e.severity ?? "N/A",
          message: e.message,
          detail: e.detail,
          column: e.column,
          hint: e.hint,
        });
      }
    },
  };
}

/** Spreading a class instance loses its prototype methods; bind them onto a plain object. */
function bindAll(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: adapter.queryRaw.bind(adapter),
    executeRaw: adapter.executeRaw.bind(adapter),
    executeScript: adapter.executeScript.bind(adapter),
    startTransaction: adapter.startTransaction.bind(adapter),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: adapter.dispose.bind(adapter),
  };
}
