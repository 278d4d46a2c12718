import { definePreparedQuery, epochMsColumn } from "@peacelearn/db";
import { z } from "zod";

const CohortRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  locationCode: z.string(),
  programmeRegion: z.string(),
  place: z.string().nullable(),
  startsOn: epochMsColumn,
  endsOn: epochMsColumn.nullable(),
  activityType: z.string(),
  dacSectorCode: z.string(),
  dacGenderMarker: z.number().int(),
  courseKey: z.string(),
  courseTitle: z.string().nullable(),
  courseTitleLocale: z.string().nullable(),
  workshopCount: z.number().int(),
  /** Read in the same statement, so the cached outline is never older than the cohort row. */
  contentVersion: z.string(),
});

/**
 * Cohort `$1` with its course's key and title in the reader's language `$2`, else the fallback
 * language `$3`, else none (the caller shows the stable key) — what `localizedField` picks among
 * the reader's and the fallback translations: two joins on the (owner, locale) unique index; when
 * the reader reads the fallback language both are the same row. With the number of workshops and
 * the content version, read in the same statement so the cached outline is never older than the
 * cohort row.
 */
export const cohortWithCourse = definePreparedQuery({
  name: "cohort_with_course",
  params: z.tuple([z.string(), z.string(), z.string()]),
  row: CohortRowSchema,
  sql: `SELECT c."id", c."name", c."locationCode", c."programmeRegion", c."place",
           (extract(epoch FROM c."startsOn") * 1000)::float8 AS "startsOn",
           (extract(epoch FROM c."endsOn") * 1000)::float8 AS "endsOn", c."activityType",
           c."dacSectorCode", c."dacGenderMarker",
           co."key" AS "courseKey", COALESCE(r."title", e."title") AS "courseTitle",
           CASE WHEN r."title" IS NOT NULL THEN r."locale" ELSE e."locale" END
             AS "courseTitleLocale",
           (SELECT count(*)::int FROM "CohortSession" s WHERE s."cohortId" = c."id")
             AS "workshopCount",
           (SELECT "version"::text FROM "ContentVersion" WHERE "id" = 1) AS "contentVersion"
    FROM "Cohort" c
    JOIN "Course" co ON co."id" = c."courseId"
    LEFT JOIN "CourseTranslation" r ON r."courseId" = co."id" AND r."locale" = $2
    LEFT JOIN "CourseTranslation" e ON e."courseId" = co."id" AND e."locale" = $3
    WHERE c."id" = $1`,
});
