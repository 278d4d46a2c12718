// Validates a curriculum folder, then imports it into the database in one transaction.
// Usage: pnpm curriculum:import [--dir <coursesDir>] [--dry-run]
// Exit 0 when imported (or, with --dry-run, when it could be); 1 when a file is invalid, the
// database cannot be opened, or the import failed — in those cases nothing is written.
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createDb, DatabaseSetupError, type Db } from "@peacelearn/db";
import { CurriculumImportError } from "../import/curriculum-import-error";
import { importCurriculum } from "../import/import-curriculum";
import { formatReport, isUnchanged } from "../import/import-report";
import { createProgressBar } from "../import/progress-bar";
import { formatIssue } from "../issues";
import { checkCurriculum } from "../load-curriculum";
import { coursesDir } from "../paths";

const usage = "Usage: pnpm curriculum:import [--dir <coursesDir>] [--dry-run]";

// pnpm runs package scripts in the package folder; paths the user typed are relative to where
// they typed them (INIT_CWD), and so are the file names we print back.
const userCwd = process.env.INIT_CWD ?? process.cwd();

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        dir: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      // `pnpm … import -- --dry-run` passes the separator through.
      args: process.argv.slice(2).filter((arg) => arg !== "--"),
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(1);
  }
}

async function main(): Promise<number> {
  const args = parseCommandLine();
  if (args.help) {
    console.log(usage);
    return 0;
  }
  const dir = args.dir ? resolve(userCwd, args.dir) : coursesDir;
  const dryRun = args["dry-run"];

  const started = performance.now();
  const reading = createProgressBar(process.stderr, "files", (file) => relative(dir, file));
  const { curriculum, issues } = await checkCurriculum(dir, { onProgress: reading.update });
  reading.finish();
  if (issues.length > 0) {
    console.error(
      `\n${issues.length} problem${issues.length === 1 ? "" : "s"} in ${relative(userCwd, dir) || "."} — nothing was written:`,
    );
    for (const issue of issues) console.error(`  ${formatIssue(issue, userCwd)}`);
    return 1;
  }
  const validated = performance.now();

  let db: Db;
  try {
    db = await createDb();
  } catch (error) {
    if (!(error instanceof DatabaseSetupError)) throw error;
    console.error(`\n${error.message}\n`);
    return 1;
  }
  const opened = performance.now();
  try {
    const writing = createProgressBar(process.stderr, "items");
    const report = await importCurriculum(db, curriculum, {
      dryRun,
      onProgress: writing.update,
    });
    writing.finish();
    const finished = performance.now();
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const what = `${curriculum.courses.length} course(s) from ${relative(userCwd, dir) || "."}`;
    console.log(
      dryRun ? `\nDry run of ${what} (rolled back, nothing written):` : `\nImported ${what}:`,
    );
    for (const line of formatReport(report)) console.log(`  ${line}`);
    console.log(
      `\n${isUnchanged(report) ? "Everything was already up to date. " : ""}Validated in ${seconds(validated - started)}, database opened in ${seconds(opened - validated)}, ${dryRun ? "checked" : "imported"} in ${seconds(finished - opened)}.`,
    );
    return 0;
  } catch (error) {
    process.stderr.write("\n");
    if (error instanceof CurriculumImportError) {
      console.error(`${formatIssue({ file: error.file, message: error.problem }, userCwd)}`);
    } else {
      console.error(error);
    }
    console.error("\nThe import failed and was rolled back — nothing was written.");
    return 1;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
