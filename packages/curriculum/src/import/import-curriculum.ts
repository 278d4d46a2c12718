import { advisoryTransactionLock, type Db } from "@peacelearn/db";
import { loadCurriculum } from "../load-curriculum";
import type { Curriculum, ProgressCallback } from "../model";
import { coursesDir } from "../paths";
import type { ImportContext } from "./import-context";
import { emptyReport, type ImportReport } from "./import-report";
import { courseSteps, syncCourse } from "./sync-course";

export interface ImportCurriculumOptions {
  /** `(done, total, item)` after each course, module, lesson and check, `item` like `course/module/lesson`. */
  onProgress?: ProgressCallback;
  /** Compute the report, then roll everything back. */
  dryRun?: boolean;
  /** The `publishedAt` given to newly published courses. Default: now. */
  now?: Date;
}

/** Thrown inside the transaction to roll a dry run back; never escapes. */
class DryRunRollback extends Error {}

/**
 * Writes a validated curriculum into the database in one transaction: upserts courses, modules,
 * lessons, knowledge checks, questions and options by their stable keys, updates translations per
 * locale, deletes or retires content that left the source (deleted unless learner data refers to
 * it; retired rows get position 0), and publishes new courses. Writes nothing for content that is
 * already as in the source, so a re-import of unchanged content leaves every row (ids, updatedAt)
 * as it was. Any error rolls the whole import back. Courses absent from `curriculum` are left alone.
 */
export async function importCurriculum(
  db: Db,
  curriculum: Curriculum,
  options: ImportCurriculumOptions = {},
): Promise<ImportReport> {
  const total = curriculum.courses.reduce((sum, course) => sum + courseSteps(course), 0);
  let done = 0;
  const report = emptyReport(options.dryRun ?? false);
  try {
    await db.$transaction(
      async (tx) => {
        // Two app instances starting against one server must not import side by side.
        await advisoryTransactionLock.run(tx, "peacelearn-curriculum-import");
        const ctx: ImportContext = {
          tx,
          report,
          now: options.now ?? new Date(),
          step(label) {
            done += 1;
            options.onProgress?.(done, total, label);
          },
        };
        for (const course of curriculum.courses) await syncCourse(ctx, course);
        if (options.dryRun) throw new DryRunRollback();
      },
      // PGlite has one connection: a long import holds it, and a queued one waits for it.
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return report;
}

export type ImportPhase = "validate" | "import";

export interface ImportBundledCoursesOptions {
  /** Reading/validating files (`item` is a file path), then writing (`item` is `course/module/…`). */
  onProgress?: (phase: ImportPhase, done: number, total: number, item: string) => void;
  now?: Date;
}

/**
 * Loads this package's own courses (validating every file; throws a `CurriculumError` listing the
 * problems) and imports them. For the app's start script: cheap when nothing changed.
 */
export async function importBundledCourses(
  db: Db,
  options: ImportBundledCoursesOptions = {},
): Promise<ImportReport> {
  const progress = options.onProgress;
  const curriculum = await loadCurriculum(coursesDir, {
    onProgress: progress && ((done, total, file) => progress("validate", done, total, file)),
  });
  return importCurriculum(db, curriculum, {
    onProgress: progress && ((done, total, item) => progress("import", done, total, item)),
    ...(options.now ? { now: options.now } : {}),
  });
}
