import { definePreparedQuery, epochMsColumn } from "@peacelearn/db";
import { z } from "zod";

/**
 * Where user `$1` stands in the course keyed `$2`, with the content version, in one statement:
 * course and lesson pages ask it on every view (ADR 009).
 */
export const courseState = definePreparedQuery({
  name: "course_state",
  params: z.tuple([z.string(), z.string()]),
  row: z.object({
    contentVersion: z.string(),
    courseId: z.string(),
    source: z.string().nullable(),
    enrolledAt: epochMsColumn.nullable(),
    completedAt: epochMsColumn.nullable(),
    cohortJoinedAt: epochMsColumn.nullable(),
    progress: z.array(
      z.object({
        lessonId: z.string(),
        lastViewedAt: epochMsColumn,
        completedAt: epochMsColumn.nullable(),
      }),
    ),
    passedModuleIds: z.array(z.string()),
  }),
  sql: `SELECT
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
});
