import { formatIssue } from "../issues";

/** The source is valid but cannot go into this database (e.g. its slug belongs to another course). */
export class CurriculumImportError extends Error {
  override readonly name = "CurriculumImportError";

  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(formatIssue({ file, message: problem }));
  }
}
