import { PGlite, type Transaction as PGliteTransaction } from "@electric-sql/pglite";
import { citext } from "@electric-sql/pglite/contrib/citext";
import {
  DriverAdapterError,
  type IsolationLevel,
  isDriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { mapPostgresError } from "./postgres-errors";

/** The extensions every Peacelearn PGlite instance loads (the schema uses citext for e-mails). */
export const PGLITE_EXTENSIONS = { citext } as const;

type PgliteClient = PGlite | PGliteTransaction;

/**
 * Wraps pglite-prisma-adapter 0.6.1 to fix what it gets wrong (STACK.md faults 3 and 4):
 * - it passes raw PostgreSQL errors through, so Prisma never raises P2002/P2003/P2011:
 *   map SQLSTATEs the way @prisma/adapter-pg does;
 * - parameterless SQL is sent as one prepared statement, which PostgreSQL refuses for the
 *   multi-statement migration scripts `migrate dev` replays: send it through `exec` instead;
 * - `executeScript` does not await `exec`, losing errors.
 */
export class PeacelearnPGliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "pglite-prisma-adapter";
  readonly #inner: PrismaPGlite;

  constructor(
    readonly client: PGlite,
    private readonly createShadow: () => Promise<PGlite> = () =>
      PGlite.create({ extensions: PGLITE_EXTENSIONS }),
  ) {
    this.#inner = new PrismaPGlite(client);
  }

  async connect(): Promise<SqlDriverAdapter> {
    return wrapAdapter(await this.#inner.connect(), this.client);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    // The stock shadow database lacks the citext extension and is never closed.
    const shadow = await this.createShadow();
    const adapter = wrapAdapter(await new PrismaPGlite(shadow).connect(), shadow);
    return { ...adapter, dispose: () => shadow.close() };
  }
}

function wrapAdapter(inner: SqlDriverAdapter, client: PGlite): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => mapErrors(() => inner.queryRaw(query)),
    executeRaw: (query) => executeRaw(inner, client, query),
    executeScript: (script) =>
      mapErrors(async () => {
        await client.exec(script);
      }),
    startTransaction: async (isolationLevel?: IsolationLevel) =>
      wrapTransaction(await mapErrors(() => inner.startTransaction(isolationLevel))),
    getConnectionInfo: () => inner.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    dispose: () => inner.dispose(),
  };
}

function wrapTransaction(inner: Transaction): Transaction {
  // pglite-prisma-adapter keeps PGlite's transaction handle on `client` (not in its typings).
  const client = (inner as unknown as { client: PGliteTransaction }).client;
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    options: inner.options,
    queryRaw: (query) => mapErrors(() => inner.queryRaw(query)),
    executeRaw: (query) => executeRaw(inner, client, query),
    commit: () => mapErrors(() => inner.commit()),
    rollback: () => mapErrors(() => inner.rollback()),
  };
}

async function executeRaw(
  inner: { executeRaw(query: SqlQuery): Promise<number> },
  client: PgliteClient,
  query: SqlQuery,
): Promise<number> {
  if (query.args.length > 0) return mapErrors(() => inner.executeRaw(query));
  return mapErrors(async () => {
    const results = await client.exec(query.sql);
    return results.reduce((sum, result) => sum + (result.affectedRows ?? 0), 0);
  });
}

async function mapErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toDriverAdapterError(error);
  }
}

function toDriverAdapterError(error: unknown): unknown {
  // Already-wrapped errors carry the raw SQLSTATE in `cause.code` with kind "postgres".
  if (isAnyDriverAdapterError(error)) {
    const cause = error.cause;
    if (cause.kind !== "postgres") return error;
    const mapped = mapPostgresError(cause);
    return mapped
      ? new DriverAdapterError({
          ...mapped,
          originalCode: cause.code,
          originalMessage: cause.message,
        })
      : error;
  }
  if (isRawPostgresError(error)) {
    const mapped = mapPostgresError(error);
    return new DriverAdapterError(
      mapped
        ? { ...mapped, originalCode: error.code, originalMessage: error.message }
        : {
            kind: "postgres",
            code: error.code,
            severity: error.severity ?? "ERROR",
            message: error.message,
            detail: error.detail,
            column: error.column,
            hint: error.hint,
          },
    );
  }
  return error;
}

type RawPostgresError = {
  code: string;
  message: string;
  severity?: string;
  detail?: string;
  column?: string;
  hint?: string;
  constraint?: string;
};

/**
 * A DriverAdapterError from any copy of @prisma/driver-adapter-utils, recognised by its shape as
 * Prisma's client recognises it (`isDriverAdapterError`: the name and an object `cause`), never by
 * `instanceof`. The production server bundle inlines its own copy of the utilities for this file
 * while pglite-prisma-adapter, kept external in node_modules, throws with the copy installed
 * there: `instanceof` is false for every error it raises, and they would pass through unmapped.
 */
function isAnyDriverAdapterError(error: unknown): error is DriverAdapterError {
  return (
    typeof error === "object" &&
    error !== null &&
    isDriverAdapterError(error) &&
    error.cause !== null &&
    typeof error.cause.kind === "string"
  );
}

/** A PostgreSQL error as PGlite throws it: a five-character SQLSTATE in `code` (by shape too). */
function isRawPostgresError(error: unknown): error is RawPostgresError {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && typeof message === "string";
}
