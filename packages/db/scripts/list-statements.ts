// `pnpm run db:statements`: every raw SQL statement of the repository — name, how it is planned,
// how many values it takes and the file that defines it — found by the statement files' naming
// rule (src/statement-files.ts) and read from the registry they fill when imported.
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { loadStatementFiles } from "../src/statement-files";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const { files, queries } = await loadStatementFiles(root);
const rows = queries.map((query) => [
  query.name,
  query.plan,
  String(query.params.def.items.length),
  query.file ? relative(root, query.file) : "?",
]);
const header = ["statement", "plan", "values", "file"];
const widths = header.map((title, i) =>
  Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)),
);
for (const row of [header, ...rows]) {
  console.log(
    row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  "),
  );
}
console.log(`\n${queries.length} statements in ${files.length} files`);
process.exit(0);
