import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import { z } from "zod";

/**
 * Raw SQL, with borders (docs/decisions/017-typed-prepared-queries.md). Every raw statement of the
 * program is declared once with {@link definePreparedQuery}, in a file whose name ends in
 * `.sql.ts` (`.sql.server.ts` in the app), so `pnpm run db:statements` lists them all and the
 * statements tests prepare every one against the migrated schema.
 *
 * Why raw SQL at all (docs/decisions/009-hot-path-queries.md): through Prisma 6.19 even
 * `$queryRaw` costs about 0.5 ms of CPU per call (its query compiler and executor), the driver
 * alone about 0.15 ms. A statement is named once, prepared once per database connection and then
 * only executed, and it goes to the driver directly.
 *
 * Rows come back as the driver decodes them, so keep the select list to types both drivers decode
 * alike: text, booleans, int4, float8, text[] and json. Timestamps differ (node-postgres reads a
 * `timestamp` column in the machine's time zone): select them as epoch milliseconds, e.g.
 * `(extract(epoch FROM "at") * 1000)::float8`, and pass them in as ISO strings
 * ({@link timestampParam}).
 */

/** A row schema: a zod object, so the statements test can compare its keys with the columns. */
type RowSchema = z.ZodObject;
/** The values of $1, $2, …, in order. */
type ParamsSchema = z.ZodTuple;

export type PreparedQueryDefinition<Row extends RowSchema, Params extends ParamsSchema> = {
  /** Unique in the program: it names the statement prepared on each server connection. */
  readonly name: string;
  /** One static text with $1, $2, … for the values: never composed per call. */
  readonly sql: string;
  /** Each row, parsed (and transformed, e.g. epoch milliseconds to Date) before it is returned. */
  readonly row: Row;
  /** The values, parsed before they are sent; its length must be the highest $n. Default: none. */
  readonly params?: Params;
  /**
   * `"prepared"` (default): a named statement, planned once per connection and reused — what a
   * statement run on every page wants. `"per-call"`: sent unnamed, so PostgreSQL plans it with the
   * values of each call (their NULLs and constants folded away) — for rare, heavy reads such as
   * reports, whose best plan depends on which filters are set.
   */
  readonly plan?: "prepared" | "per-call";
};

export type PreparedQuery<Row extends RowSchema, Params extends ParamsSchema> = {
  readonly name: string;
  readonly sql: string;
  readonly row: Row;
  readonly params: Params;
  readonly plan: "prepared" | "per-call";
  /** Every row, parsed. */
  all(db: QueryClient, ...values: z.input<Params>): Promise<z.output<Row>[]>;
  /** The row, or null when there is none; more than one row is an error. */
  one(db: QueryClient, ...values: z.input<Params>): Promise<z.output<Row> | null>;
  /** Runs it for its effect (a lock, an update); rows are ignored. */
  run(db: QueryClient, ...values: z.input<Params>): Promise<void>;
};

/** Any Prisma client: one made by `createDb`, or a transaction client inside it. */
export type QueryClient = {
  $queryRawUnsafe: (query: string, ...values: unknown[]) => Promise<unknown>;
};

/** Anything registered, as listed by `db:statements` and checked by the statements tests. */
export type RegisteredQuery = {
  readonly name: string;
  readonly sql: string;
  readonly row: RowSchema;
  readonly params: ParamsSchema;
  readonly plan: "prepared" | "per-call";
  /** The file that defined it (from the stack at definition; for listings only). */
  readonly file: string | undefined;
};

const registry = new Map<string, RegisteredQuery>();

/** Every statement defined so far, in definition order. */
export function registeredQueries(): readonly RegisteredQuery[] {
  return [...registry.values()];
}

/** A statement's row does not match its schema: the schema and the SQL disagree. */
export class PreparedQueryRowError extends Error {
  constructor(
    readonly statement: string,
    readonly index: number,
    cause: z.ZodError,
  ) {
    super(
      `prepared query "${statement}": row ${index} does not match its row schema\n${z.prettifyError(cause)}`,
      { cause },
    );
    this.name = "PreparedQueryRowError";
  }
}

/**
 * A timestamp parameter: a Date sent as its ISO string. A `timestamp` (without time zone) column
 * reads it as the UTC wall-clock time Prisma stores, whatever the machine's time zone (PostgreSQL
 * ignores the zone of a literal typed `timestamp`; node-postgres would send a Date in local time).
 */
export const timestampParam = z.date().transform((date) => date.toISOString());

/** A timestamp column selected as epoch milliseconds, read back as a Date. */
export const epochMsColumn = z.number().transform((ms) => new Date(ms));

/**
 * Declares a statement. `name` must be unique in the program; declaring the same name twice with
 * the same SQL (a module loaded twice) returns the same statement, with different SQL throws.
 */
export function definePreparedQuery<
  Row extends RowSchema,
  Params extends ParamsSchema = z.ZodTuple<[]>,
>(definition: PreparedQueryDefinition<Row, Params>): PreparedQuery<Row, Params> {
  const { name, sql, row } = definition;
  const params = (definition.params ?? z.tuple([])) as Params;
  const plan = definition.plan ?? "prepared";
  if (!/^[a-z][a-z0-9_]*$/.test(name) || name.length > 63) {
    throw new Error(`prepared query "${name}": names are snake_case, at most 63 characters`);
  }
  const existing = registry.get(name);
  if (existing !== undefined && existing.sql !== sql) {
    throw new Error(`prepared statement "${name}" is declared twice with different SQL`);
  }
  const declared = params.def.items.length;
  const highest = highestPlaceholder(sql);
  if (highest !== declared || params.def.rest) {
    throw new Error(
      `prepared query "${name}": its SQL uses $1…$${highest} but params declares ${declared} value(s)`,
    );
  }
  if (existing === undefined) {
    registry.set(name, { name, sql, row, params, plan, file: definingFile() });
  }
  const statement = { name: plan === "prepared" ? name : undefined, text: sql };

  async function rows(db: QueryClient, values: readonly unknown[]): Promise<unknown[]> {
    const sent = params.parse(values) as unknown[];
    const execute = executors.get(db);
    if (execute) return execute(statement, sent);
    return (await db.$queryRawUnsafe(sql, ...sent)) as unknown[];
  }
  function parse(raw: unknown, index: number): z.output<Row> {
    const parsed = row.safeParse(raw);
    if (!parsed.success) throw new PreparedQueryRowError(name, index, parsed.error);
    return parsed.data;
  }

  return {
    name,
    sql,
    row,
    params,
    plan,
    async all(db, ...values) {
      return (await rows(db, values)).map(parse);
    },
    async one(db, ...values) {
      const found = await rows(db, values);
      if (found.length > 1) {
        throw new Error(`prepared query "${name}": expected at most one row, got ${found.length}`);
      }
      return found.length === 0 ? null : parse(found[0], 0);
    },
    async run(db, ...values) {
      await rows(db, values);
    },
  };
}

/** The highest $n in `sql` (0 when there is none). */
function highestPlaceholder(sql: string): number {
  let highest = 0;
  for (const match of sql.matchAll(/\$(\d+)/g)) highest = Math.max(highest, Number(match[1]));
  return highest;
}

/** The first file on the stack outside this one: where the statement is defined. */
function definingFile(): string | undefined {
  const lines = new Error().stack?.split("\n").slice(1) ?? [];
  for (const line of lines) {
    const file = /(?:\(|at )(?:file:\/\/)?([^():]+\.[cm]?[jt]sx?)(?::\d+){0,2}\)?$/.exec(
      line.trim(),
    );
    if (file?.[1] && !file[1].endsWith("prepared-query.ts")) return file[1];
  }
  return undefined;
}

type Statement = { readonly name: string | undefined; readonly text: string };
type Executor = (statement: Statement, values: readonly unknown[]) => Promise<unknown[]>;
type Preparer = (text: string) => Promise<PreparedShape>;

/**
 * What PostgreSQL made of a statement: how many values it takes and columns it returns (null when
 * the server cannot say: `pg_prepared_statements.result_types` is PostgreSQL 16+).
 */
export type PreparedShape = { parameterCount: number; columnCount: number | null };

const executors = new WeakMap<object, Executor>();
const preparers = new WeakMap<object, Preparer>();

// PREPAREd under a fixed name and deallocated in the same session; pg_prepared_statements says
// what it takes and (PostgreSQL 16+, and PGlite) what it returns — read through to_jsonb, so the
// query also runs on a server without `result_types` (the count is then unknown: null).
const CHECKED = "peacelearn_statement_check";
const shapeQuery = `SELECT coalesce(cardinality(parameter_types), 0)::int AS "parameterCount",
  CASE WHEN NOT (to_jsonb(s) ? 'result_types') THEN NULL
       WHEN jsonb_typeof(to_jsonb(s) -> 'result_types') = 'array'
         THEN jsonb_array_length(to_jsonb(s) -> 'result_types')
       ELSE 0 END AS "columnCount"
  FROM pg_prepared_statements s WHERE name = '${CHECKED}'`;
const ShapeSchema = z.object({ parameterCount: z.number(), columnCount: z.number().nullable() });

/** The `pg` pool behind a client made by `createDb` for a server. */
export function usePoolFor(db: object, pool: pg.Pool): void {
  executors.set(db, async (statement, values) => {
    const result = await pool.query({
      ...(statement.name === undefined ? {} : { name: statement.name }),
      text: statement.text,
      values: [...values],
    });
    return result.rows;
  });
  preparers.set(db, async (text) => {
    const client = await pool.connect();
    try {
      await client.query(`PREPARE ${CHECKED} AS ${text}`);
      try {
        return ShapeSchema.parse((await client.query(shapeQuery)).rows[0]);
      } finally {
        await client.query(`DEALLOCATE ${CHECKED}`);
      }
    } finally {
      client.release();
    }
  });
}

/** The PGlite instance behind a client made by `createDb` for the embedded database. */
export function usePgliteFor(db: object, pglite: PGlite): void {
  executors.set(
    db,
    async (statement, values) => (await pglite.query(statement.text, [...values])).rows,
  );
  preparers.set(db, async (text) => {
    await pglite.exec(`PREPARE ${CHECKED} AS ${text}`);
    try {
      return ShapeSchema.parse((await pglite.query(shapeQuery)).rows[0]);
    } finally {
      await pglite.exec(`DEALLOCATE ${CHECKED}`);
    }
  });
}

/**
 * PREPAREs `sql` on the database behind `db` (a client made by `createDb`) without running it:
 * PostgreSQL parses and analyses it against the schema — an unknown table, column or function, or
 * a type it cannot infer, fails here — and says how many values it takes and columns it returns.
 */
export function prepareOnly(db: object, sql: string): Promise<PreparedShape> {
  const prepare = preparers.get(db);
  if (!prepare) throw new Error("prepareOnly needs a client made by createDb");
  return prepare(sql);
}

/**
 * @deprecated Use {@link definePreparedQuery}. Kept only for tests outside the statement files
 * that need a statement of their own; it is not registered, listed or checked.
 */
export type PreparedStatement = { readonly name: string; readonly text: string };

/** @deprecated Use {@link definePreparedQuery} (see {@link PreparedStatement}). */
export function preparedStatement(name: string, text: string): PreparedStatement {
  return { name, text };
}

/** @deprecated Use a statement's `all`/`one`/`run` (see {@link PreparedStatement}). */
export async function queryPrepared(
  db: QueryClient,
  statement: PreparedStatement,
  values: readonly unknown[],
): Promise<unknown[]> {
  const execute = executors.get(db);
  if (execute) return execute(statement, values);
  return (await db.$queryRawUnsafe(statement.text, ...values)) as unknown[];
}
