import { relative } from "node:path";

/** One problem found in a curriculum file; `line`/`column` are 1-based when known. */
export interface CurriculumIssue {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export function formatIssue(issue: CurriculumIssue, cwd: string = process.cwd()): string {
  const file = relative(cwd, issue.file) || issue.file;
  const where =
    issue.line === undefined
      ? file
      : `${file}:${issue.line}${issue.column === undefined ? "" : `:${issue.column}`}`;
  return `${where} — ${issue.message}`;
}

/**
 * Thrown by `loadCurriculum` when any file is invalid. It carries every issue found, not only the
 * first, so an author can fix a whole batch in one pass.
 */
export class CurriculumError extends Error {
  readonly issues: readonly CurriculumIssue[];

  constructor(issues: readonly CurriculumIssue[]) {
    const lines = issues.map((issue) => `  ${formatIssue(issue)}`);
    super(
      `The curriculum has ${issues.length} problem${issues.length === 1 ? "" : "s"}:\n${lines.join("\n")}`,
    );
    this.name = "CurriculumError";
    this.issues = issues;
  }
}

/** Collects issues while a curriculum is read; the loader throws once at the end. */
export class IssueCollector {
  readonly issues: CurriculumIssue[] = [];

  add(file: string, message: string, line?: number, column?: number): void {
    const issue: CurriculumIssue = { file, message };
    if (line !== undefined) issue.line = line;
    if (column !== undefined) issue.column = column;
    this.issues.push(issue);
  }

  get count(): number {
    return this.issues.length;
  }
}
