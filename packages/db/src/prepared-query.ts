import { createHash } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

/**
 * A read that runs on (nearly) every page view. Named once, it is prepared once per database
 * connection and then only executed; and it goes to the driver directly. Through Prisma 6.19 even
 * `$queryRaw` costs about 0.5 ms of CPU per call (its query compiler and executor), the driver
 * alone about 0.15 ms — on pages that are all about speed on cheap hardware, that matters.
 *
 * Rows come back as the driver decodes them, so keep the select list to types both drivers decode
 * alike: text, booleans, int4, float8, text[] and json. Timestamps differ (node-postgres reads a
 * `timestamp` column in the machine's time zone): select them as epoch milliseconds, e.g.
 * `(extract(epoch FROM "at") * 1000)::float8`. Parse every row with a schema.
 */
export type PreparedStatement = { readonly name: string; readonly text: string };

/** Declares a statement; `name` must be unique in the program (it names the prepared statement). */
export function preparedStatement(name: string, text: string): PreparedStatement {
  const existing = declared.get(name);
  if (existing !== undefined && existing !== text) {
    throw new Error(`prepared statement "${name}" is declared twice with different SQL`);
  }
  declared.set(name, text);
  return { name, text };
}

const declared = new Map<string, string>();

type Executor = (statement: PreparedStatement, values: readonly unknown[]) => Promise<unknown[]>;

const executors = new WeakMap<object, Executor>();

/** The `pg` pool behind a client made by `createDb` for a server. */
export function usePoolFor(db: object, pool: pg.Pool): void {
  executors.set(db, async (statement, values) => {
    const result = await pool.query({
      name: statement.name,
      text: statement.text,
      values: [...values],
    });
    return result.rows;
  });
}

/** The PGlite instance behind a client made by `createDb` for the embedded database. */
export function usePgliteFor(db: object, pglite: PGlite): void {
  executors.set(
    db,
    async (statement, values) => (await pglite.query(statement.text, [...values])).rows,
  );
}

/**
 * Runs `statement` with `values` ($1, $2, …) on the database behind `db`. A client that
 * `createDb` did not make (say, a transaction client) runs it through Prisma instead — same SQL,
 * same rows, just not prepared.
 */
export function queryPrepared(
  db: { $queryRawUnsafe: (query: string, ...values: unknown[]) => Promise<unknown> },
  statement: PreparedStatement,
  values: readonly unknown[],
): Promise<unknown[]> {
  const execute = executors.get(db);
  if (execute) return execute(statement, values);
  return db.$queryRawUnsafe(statement.text, ...values) as Promise<unknown[]>;
}

/** Composed statements seen so far, by text (bounded: shapes are few, values are parameters). */
let namesByText = new Map<string, string>();
const NAMED_TEXTS_LIMIT = 500;

/**
 * {@link queryPrepared} for a statement composed with `Prisma.sql` (its `text` uses $1, $2, …):
 * it is prepared under a name derived from its text, so each shape is planned once per
 * connection whatever the values.
 */
export function queryPreparedSql(
  db: Parameters<typeof queryPrepared>[0],
  query: { readonly text: string; readonly values: readonly unknown[] },
): Promise<unknown[]> {
  let name = namesByText.get(query.text);
  if (name === undefined) {
    name = `sql_${createHash("sha256").update(query.text).digest("hex").slice(0, 32)}`;
    if (namesByText.size >= NAMED_TEXTS_LIMIT) namesByText = new Map();
    namesByText.set(query.text, name);
  }
  return queryPrepared(db, { name, text: query.text }, query.values);
}
