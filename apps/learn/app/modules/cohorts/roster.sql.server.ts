import { definePreparedQuery, epochMsColumn, timestampParam } from "@peacelearn/db";
import { z } from "zod";

// The roster's per-trainee figures, added up in PostgreSQL and read in one raw statement, one
// row per member. With Prisma 6's query compiler a nested select over members → user → progress
// costs several times the CPU of a raw statement, and every statement costs about 0.5 ms of this
// process's CPU whatever it returns (compiler, driver, socket write; measured on the cohort
// page): so one statement, with each concern as a CTE aggregated per member — lesson progress
// per module, attempts per knowledge check (the needs-help inputs), attendance — arriving as
// columns or a small JSON list.

const ModuleProgressSchema = z.object({ moduleId: z.string(), completed: z.number().int() });

const CheckTallySchema = z.object({
  knowledgeCheckId: z.string(),
  attempts: z.number().int(),
  failed: z.number().int(),
  passed: z.boolean(),
  bestScore: z.number(),
});
export type CheckAttempts = z.infer<typeof CheckTallySchema>;

const RosterMemberRowSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  email: z.string(),
  /** Her account is deactivated (ADR 027): still a member, shown as inactive. */
  inactive: z.boolean(),
  joinedAt: epochMsColumn,
  /** Lessons completed per module of the cohort's course, for modules they have progress in. */
  progress: z.array(ModuleProgressSchema),
  /** Latest lesson start, view or completion in the course. */
  lastLessonAt: epochMsColumn.nullable(),
  /** Attempts per knowledge check of the course, in the order they first tried each. */
  checks: z.array(CheckTallySchema),
  lastAttemptAt: epochMsColumn.nullable(),
  present: z.number().int(),
  late: z.number().int(),
  excused: z.number().int(),
  absent: z.number().int(),
  notRecorded: z.number().int(),
});
export type RosterMemberRow = z.infer<typeof RosterMemberRowSchema>;

/**
 * Every member of cohort `$1` with their progress, attempts and attendance counts at `$2`. Times
 * are stored as UTC wall-clock timestamps: `$2` is compared in UTC, whatever the session's time
 * zone. See `queryRosterMembers` for the attendance rule.
 */
export const rosterMembers = definePreparedQuery({
  name: "roster_members",
  params: z.tuple([z.string(), timestampParam]),
  row: RosterMemberRowSchema,
  sql: `
    WITH member AS (
      SELECT cm."userId", cm."cohortId", cm."joinedAt", c."courseId"
      FROM "CohortMembership" cm JOIN "Cohort" c ON c."id" = cm."cohortId"
      WHERE cm."cohortId" = $1
    ), module_progress AS (
      SELECT mb."userId", l."moduleId", count(lp."completedAt")::int AS "completed",
             max(GREATEST(lp."startedAt", lp."lastViewedAt", lp."completedAt")) AS "lastAt"
      FROM member mb
      JOIN "Module" m ON m."courseId" = mb."courseId"
      JOIN "Lesson" l ON l."moduleId" = m."id"
      JOIN "LessonProgress" lp ON lp."lessonId" = l."id" AND lp."userId" = mb."userId"
      GROUP BY mb."userId", l."moduleId"
    ), progress AS (
      SELECT "userId", max("lastAt") AS "lastLessonAt",
             json_agg(json_build_object('moduleId', "moduleId", 'completed', "completed"))
               AS "modules"
      FROM module_progress GROUP BY "userId"
    ), check_attempts AS (
      SELECT mb."userId", a."knowledgeCheckId", count(*)::int AS "attempts",
             count(*) FILTER (WHERE NOT a."passed")::int AS "failed",
             bool_or(a."passed") AS "passed", max(a."score") AS "bestScore",
             min(a."submittedAt") AS "firstAt", max(a."submittedAt") AS "lastAt"
      FROM member mb
      JOIN "Module" m ON m."courseId" = mb."courseId"
      JOIN "KnowledgeCheck" k ON k."moduleId" = m."id"
      JOIN "KnowledgeCheckAttempt" a ON a."knowledgeCheckId" = k."id" AND a."userId" = mb."userId"
      GROUP BY mb."userId", a."knowledgeCheckId"
    ), attempts AS (
      SELECT "userId", max("lastAt") AS "lastAttemptAt",
             json_agg(json_build_object('knowledgeCheckId', "knowledgeCheckId",
                                        'attempts', "attempts", 'failed', "failed",
                                        'passed', "passed", 'bestScore', "bestScore")
                      ORDER BY "firstAt", "knowledgeCheckId") AS "checks"
      FROM check_attempts GROUP BY "userId"
    ), attendance AS (
      SELECT mb."userId",
             count(*) FILTER (WHERE r."status" = 'present')::int AS "present",
             count(*) FILTER (WHERE r."status" = 'late')::int AS "late",
             count(*) FILTER (WHERE r."status" = 'excused')::int AS "excused",
             count(*) FILTER (WHERE r."status" = 'absent')::int AS "absent",
             count(*) FILTER (WHERE r."status" IS NULL AND s."startsAt" <= ($2::timestamptz AT TIME ZONE 'UTC'))::int
               AS "notRecorded"
      FROM member mb
      JOIN "CohortSession" s
        ON s."cohortId" = mb."cohortId" AND mb."joinedAt" <= COALESCE(s."endsAt", s."startsAt")
      LEFT JOIN "AttendanceRecord" r
        ON r."cohortSessionId" = s."id" AND r."userId" = mb."userId"
        AND r."status" IN ('present', 'late', 'excused', 'absent')
      GROUP BY mb."userId"
    )
    SELECT mb."userId", u."displayName", u."email"::text AS "email",
           u."deactivatedAt" IS NOT NULL AS "inactive",
           (extract(epoch FROM mb."joinedAt") * 1000)::float8 AS "joinedAt",
           COALESCE(p."modules", '[]'::json) AS "progress",
           (extract(epoch FROM p."lastLessonAt") * 1000)::float8 AS "lastLessonAt",
           COALESCE(t."checks", '[]'::json) AS "checks",
           (extract(epoch FROM t."lastAttemptAt") * 1000)::float8 AS "lastAttemptAt",
           COALESCE(w."present", 0) AS "present", COALESCE(w."late", 0) AS "late",
           COALESCE(w."excused", 0) AS "excused", COALESCE(w."absent", 0) AS "absent",
           COALESCE(w."notRecorded", 0) AS "notRecorded"
    FROM member mb
    JOIN "User" u ON u."id" = mb."userId"
    LEFT JOIN progress p ON p."userId" = mb."userId"
    LEFT JOIN attempts t ON t."userId" = mb."userId"
    LEFT JOIN attendance w ON w."userId" = mb."userId"`,
});
