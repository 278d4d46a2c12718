import { type Db, preparedStatement, queryPrepared } from "@peacelearn/db";
import { z } from "zod";
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

const epochMs = z.number().transform((ms) => new Date(ms));

const courseStateQuery = preparedStatement(
  "course_state",
  `SELECT
     (SELECT "version"::text FROM "ContentVersion" WHERE "id" = 1) AS "contentVersion",
     c."id" AS "courseId",
     e."source",
     (extract(epoch FROM e."enrolledAt") * 1000)::float8 AS "enrolledAt",
     (extract(epoch FROM e."completedAt") * 1000)::float8 AS "completedAt",
     (SELECT (extract(epoch FROM min(m."joinedAt")) * 1000)::float8
        FROM "CohortMembership" m JOIN "Cohort" k ON k."id" = m."cohortId"
        WHERE m."userId" = $1 AND k."courseId" = c."id") AS "cohortJoinedAt",
     COALESCE((
       SELECT json_agg(json_build_object(
         'lessonId', p."lessonId",
         'lastViewedAt', (extract(epoch FROM p."lastViewedAt") * 1000)::float8,
         'completedAt', (extract(epoch FROM p."completedAt") * 1000)::float8))
       FROM "LessonProgress" p
       JOIN "Lesson" l ON l."id" = p."lessonId"
       JOIN "Module" md ON md."id" = l."moduleId"
       WHERE p."userId" = $1 AND md."courseId" = c."id"), '[]'::json) AS "progress",
     COALESCE((
       SELECT json_agg(DISTINCT kc."moduleId")
       FROM "KnowledgeCheckAttempt" a
       JOIN "KnowledgeCheck" kc ON kc."id" = a."knowledgeCheckId"
       JOIN "Module" md ON md."id" = kc."moduleId"
       WHERE a."userId" = $1 AND a."passed" AND md."courseId" = c."id"), '[]'::json)
       AS "passedModuleIds"
   FROM "Course" c
   LEFT JOIN "Enrolment" e ON e."courseId" = c."id" AND e."userId" = $1
   WHERE c."key" = $2`,
);

const StateRowSchema = z.object({
  contentVersion: z.string(),
  courseId: z.string(),
  source: z.string().nullable(),
  enrolledAt: epochMs.nullable(),
  completedAt: epochMs.nullable(),
  cohortJoinedAt: epochMs.nullable(),
  progress: z.array(
    z.object({ lessonId: z.string(), lastViewedAt: epochMs, completedAt: epochMs.nullable() }),
  ),
  passedModuleIds: z.array(z.string()),
});

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
  const rows = await queryPrepared(db, courseStateQuery, [userId, courseKey]);
  if (rows.length === 0) return null;
  const row = StateRowSchema.parse(rows[0]);
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
