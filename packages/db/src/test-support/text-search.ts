import type { Db } from "../create-db";

/**
 * Every place a string occurs in the database: each text, varchar, citext, text[] and json(b)
 * column of each table in `public`, searched case-insensitively. Used to prove erasure leaves
 * nothing behind without listing columns by hand (a new column is searched automatically).
 */
export async function findTextEverywhere(
  db: Db,
  needle: string,
): Promise<Array<{ table: string; column: string; count: number }>> {
  const columns = await db.$queryRaw<Array<{ table_name: string; column_name: string }>>`
    SELECT table_name::text AS table_name, column_name::text AS column_name FROM information_schema.columns
    WHERE table_schema = 'public'
      AND (data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'character')
           OR udt_name = 'citext')
    ORDER BY table_name, column_name`;
  const hits: Array<{ table: string; column: string; count: number }> = [];
  for (const { table_name: table, column_name: column } of columns) {
    const rows = await db.$queryRawUnsafe<Array<{ count: bigint | number }>>(
      `SELECT count(*) AS "count" FROM "${table}" WHERE position(lower($1) in lower("${column}"::text)) > 0`,
      needle,
    );
    const count = Number(rows[0]?.count ?? 0);
    if (count > 0) hits.push({ table, column, count });
  }
  return hits;
}

/** How many text-like columns the search covers (so a test can check it is not vacuous). */
export async function countSearchedColumns(db: Db): Promise<number> {
  const rows = await db.$queryRaw<Array<{ count: bigint | number }>>`
    SELECT count(*) AS "count" FROM information_schema.columns
    WHERE table_schema = 'public'
      AND (data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'character')
           OR udt_name = 'citext')`;
  return Number(rows[0]?.count ?? 0);
}
