// Validates a curriculum folder and prints what it holds.
// Usage: tsx src/cli/validate.ts [folder]   (defaults to this package's courses/)
import { formatIssue } from "../issues";
import { checkCurriculum } from "../load-curriculum";
import { coursesDir } from "../paths";
import { type LocaleSummary, summariseCurriculum, totalsByLocale } from "../summary";

const root = process.argv[2] ?? coursesDir;
const { curriculum, issues } = await checkCurriculum(root, {
  onProgress: (done, total) => {
    if (process.stderr.isTTY) process.stderr.write(`\rreading ${done}/${total} files`);
  },
});
if (process.stderr.isTTY) process.stderr.write("\n");

const header = ["locale", "modules", "lessons", "questions", "words", "minutes"];
const row = (s: LocaleSummary) =>
  [s.locale, s.modules, s.lessons, s.questions, s.words, s.estimatedMinutes].map(String);
const table = (rows: string[][]) =>
  rows.map((cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(8) : cell.padStart(11))).join(""),
  );

const summaries = summariseCurriculum(curriculum);
for (const course of summaries) {
  console.log(`\n${course.slug} (declared ${course.declaredMinutes} min)`);
  for (const line of table([header, ...course.perLocale.map(row)])) console.log(`  ${line}`);
}
console.log(`\nTotal: ${curriculum.courses.length} course(s)`);
for (const line of table([header, ...totalsByLocale(summaries).map(row)])) console.log(`  ${line}`);

if (issues.length > 0) {
  console.error(`\n${issues.length} problem(s):`);
  for (const issue of issues) console.error(`  ${formatIssue(issue)}`);
  process.exitCode = 1;
} else {
  console.log("\nValid.");
}
