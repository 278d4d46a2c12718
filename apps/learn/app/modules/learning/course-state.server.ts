import type { Db } from "@peacelearn/db";
import { courseState } from "./course-state.sql.server";
import type { EnrolmentStatus } from "./enrolment.server";
import type { ProgressRow } from "./progress.server";

/** Where a learner stands in one course, and the content version it was read at. */
export type CourseState = {
  /** The content version read in the same query (see `courseOutlineAt`). */
  contentVersion: string;
  courseId: string;
  enrolment: EnrolmentStatus;
  /** Whether an Enrolment row exists (a cohort member may be enrolled without one yet). */
  hasEnrolmentRow: boolean;
  /** The user's LessonProgress rows for lessons of this course. */
  progress: ProgressRow[];
  /** Modules whose knowledge check the user has passed at least once. */
  passedModuleIds: string[];
};

/**
 * Everything about `userId` that a course page or lesson page shows, in one query: the content
 * version, the enrolment (or the cohort membership that stands for one), the progress rows and
 * the passed checks. Null when no course has `courseKey`. Course and lesson pages are the most
 * visited pages; one flat query is several times cheaper than the equivalent Prisma calls
 * (docs/decisions/009-hot-path-queries.md).
 */
export async function loadCourseState(
  db: Db,
  userId: string,
  courseKey: string,
): Promise<CourseState | null> {
  const row = await courseState.one(db, userId, courseKey);
  if (!row) return null;
  let enrolment: EnrolmentStatus = null;
  if (row.enrolledAt) {
    enrolment = {
      source: row.source === "cohort" ? "cohort" : "self",
      enrolledAt: row.enrolledAt,
      completedAt: row.completedAt,
    };
  } else if (row.cohortJoinedAt) {
    enrolment = { source: "cohort", enrolledAt: row.cohortJoinedAt, completedAt: null };
  }
  return {
    contentVersion: row.contentVersion,
    courseId: row.courseId,
    enrolment,
    hasEnrolmentRow: row.enrolledAt !== null,
    progress: row.progress,
    passedModuleIds: row.passedModuleIds,
  };
}
