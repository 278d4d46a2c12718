import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { prepareOnly, type RegisteredQuery, registeredQueries } from "./prepared-query";

/**
 * The naming rule of statement files (docs/decisions/017-typed-prepared-queries.md): every
 * `definePreparedQuery` lives in a file ending in `.sql.ts` — `.sql.server.ts` in the app, whose
 * server-only files must say so — and nowhere else.
 */
export const STATEMENT_FILE = /\.sql(\.server)?\.ts$/;

const SKIPPED_DIRS = new Set([
  "node_modules",
  ".git",
  "build",
  "dist",
  "generated",
  ".turbo",
  ".react-router",
  ".data",
  "coverage",
]);

/** Source files under `root` (skipping dependencies and build output), sorted. */
function sourceFiles(root: string, accept: (file: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(join(dir, entry.name));
      } else if (accept(entry.name)) {
        found.push(join(dir, entry.name));
      }
    }
  };
  walk(root);
  return found.sort();
}

/** Every statement file under `root`. */
export function findStatementFiles(root: string): string[] {
  return sourceFiles(root, (name) => STATEMENT_FILE.test(name));
}

/** Imports every statement file under `root` and returns what they registered, by file. */
export async function loadStatementFiles(
  root: string,
): Promise<{ files: string[]; queries: readonly RegisteredQuery[] }> {
  const files = findStatementFiles(root);
  for (const file of files) await import(pathToFileURL(file).href);
  const loaded = new Set(files);
  const queries = registeredQueries().filter(
    (query) => query.file !== undefined && loaded.has(query.file),
  );
  return { files, queries };
}

/**
 * Raw SQL outside the statement files: calls of Prisma's raw API and `Prisma.sql` templates in
 * production sources under `root` (tests, and the files `allowed` names, excepted). Each is a
 * statement the listing and the statements tests would not see.
 */
export function rawSqlOutsideStatementFiles(
  root: string,
  allowed: (file: string) => boolean = () => false,
): string[] {
  const raw = /\$(queryRaw|executeRaw)(Unsafe)?\b|\bPrisma\.(sql|raw|join)\b/;
  return sourceFiles(
    root,
    (name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !STATEMENT_FILE.test(name),
  )
    .filter((file) => !allowed(file) && raw.test(readFileSync(file, "utf8")))
    .map((file) => relative(root, file));
}

/**
 * PREPAREs each statement on the database behind `db` (a client made by `createDb`, on the
 * migrated schema) and returns what is wrong with each, naming the statement: SQL PostgreSQL
 * rejects (an unknown table or column, a type it cannot infer), a number of $n other than its
 * `params`, or a number of columns other than its row schema's keys (where the server says how
 * many it returns: PostgreSQL 16+ and PGlite).
 */
export async function checkStatements(
  db: object,
  queries: readonly RegisteredQuery[],
): Promise<string[]> {
  const problems: string[] = [];
  for (const query of queries) {
    const where = `statement "${query.name}"${query.file ? ` (${query.file})` : ""}`;
    try {
      const shape = await prepareOnly(db, query.sql);
      const params = query.params.def.items.length;
      if (shape.parameterCount !== params) {
        problems.push(
          `${where}: takes ${shape.parameterCount} value(s), params declares ${params}`,
        );
      }
      const keys = Object.keys(query.row.shape).length;
      if (keys > 0 && shape.columnCount !== null && shape.columnCount !== keys) {
        problems.push(
          `${where}: returns ${shape.columnCount} column(s), its row schema has ${keys}`,
        );
      }
    } catch (error) {
      problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return problems;
}
