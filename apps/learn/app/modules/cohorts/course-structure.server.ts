import { type Db, Prisma, queryPreparedSql } from "@peacelearn/db";
import type {
  ActivityType,
  DacGenderMarker,
  DacSectorCode,
  LocationCode,
  ProgrammeRegion,
} from "@peacelearn/domain";
import { z } from "zod";
import { type CourseContent, courseContentAt } from "~/modules/courses/outline.server";
import {
  CONTENT_FALLBACK_LOCALE,
  contentLocales,
  type LocalizedText,
  localizedField,
} from "~/modules/courses/translation";
import { cohortFields } from "./stored-cohort";

export type LessonColumn = { id: string; key: string; title: LocalizedText };
export type CheckColumn = { id: string; key: string; title: LocalizedText; passMark: number };
export type ModuleColumn = {
  id: string;
  key: string;
  title: LocalizedText;
  lessons: LessonColumn[];
  checks: CheckColumn[];
};

export type CohortSummary = {
  id: string;
  name: string;
  locationCode: LocationCode;
  programmeRegion: ProgrammeRegion;
  place: string | null;
  startsOn: Date;
  endsOn: Date | null;
  activityType: ActivityType;
  dacSectorCode: DacSectorCode;
  dacGenderMarker: DacGenderMarker;
  course: { key: string; title: LocalizedText };
};

export type CohortCourse = {
  cohort: CohortSummary;
  modules: ModuleColumn[];
  /** How many workshops the cohort has (held or not). */
  workshopCount: number;
};

const CohortRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  locationCode: z.string(),
  programmeRegion: z.string(),
  place: z.string().nullable(),
  // Epoch milliseconds (both drivers decode them alike; see queryPrepared).
  startsOn: z.number().transform((ms) => new Date(ms)),
  endsOn: z
    .number()
    .transform((ms) => new Date(ms))
    .nullable(),
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
 * The title in the reader's language, else English, else the stable key (marked English) — what
 * `localizedField` picks among the reader's and the fallback translations. Two joins on the
 * (owner, locale) unique index; when the reader reads English both are the same row.
 */
function titleJoins(table: string, owner: string, alias: string, locale: string) {
  const t = Prisma.raw(`"${table}"`);
  const own = Prisma.raw(`"${owner}"`);
  const a = Prisma.raw(alias);
  return Prisma.sql`
    LEFT JOIN ${t} r ON r.${own} = ${a}."id" AND r."locale" = ${locale}
    LEFT JOIN ${t} e ON e.${own} = ${a}."id" AND e."locale" = ${CONTENT_FALLBACK_LOCALE}`;
}

const titleSql = Prisma.sql`COALESCE(r."title", e."title")`;
const titleLocaleSql = Prisma.sql`
  CASE WHEN r."title" IS NOT NULL THEN r."locale" ELSE e."locale" END`;

function localized(title: string | null, lang: string | null, fallback: string): LocalizedText {
  return title === null || lang === null
    ? { text: fallback, lang: CONTENT_FALLBACK_LOCALE }
    : { text: title, lang };
}

/**
 * A trainer's grid reads titles in their language or English, else the stable key (marked
 * English) — never a third language they may not read, unlike the learner's pages.
 */
function gridTitle(
  translations: ReadonlyArray<{ locale: string; title: string }>,
  locale: string,
  key: string,
): LocalizedText {
  const readable = contentLocales(locale);
  return localizedField(
    translations.filter((translation) => readable.includes(translation.locale)),
    locale,
    "title",
    key,
  );
}

/** The grid's columns: the course's cached outline (retired content is not in it). */
function moduleColumns(content: CourseContent | null, locale: string): ModuleColumn[] {
  return (content?.modules ?? []).map((module) => ({
    id: module.id,
    key: module.key,
    title: gridTitle(module.translations, locale, module.key),
    lessons: module.lessons.map((lesson) => ({
      id: lesson.id,
      key: lesson.key,
      title: gridTitle(lesson.translations, locale, lesson.key),
    })),
    checks: module.knowledgeChecks.map((check) => ({
      id: check.id,
      key: check.key,
      passMark: check.passMark,
      title: gridTitle(check.translations, locale, check.key),
    })),
  }));
}

/**
 * A cohort with its course's modules (by position), lessons (by position) and knowledge checks
 * (by key), titled in the reader's language, and its number of workshops. One raw statement for
 * the cohort row and the content version (with Prisma 6's query compiler, a nested select cost
 * several times the CPU, and each statement has a fixed cost); the course's structure comes from
 * the outline cached per content version, the same one the course pages and the completion rule
 * read, so the grid's columns are exactly what learners can see.
 */
export async function loadCohortCourse(
  db: Db,
  cohortId: string,
  locale: string,
): Promise<CohortCourse | null> {
  const rows = await queryPreparedSql(
    db,
    Prisma.sql`
    SELECT c."id", c."name", c."locationCode", c."programmeRegion", c."place",
           (extract(epoch FROM c."startsOn") * 1000)::float8 AS "startsOn",
           (extract(epoch FROM c."endsOn") * 1000)::float8 AS "endsOn", c."activityType", c."dacSectorCode", c."dacGenderMarker",
           co."key" AS "courseKey", ${titleSql} AS "courseTitle",
           ${titleLocaleSql} AS "courseTitleLocale",
           (SELECT count(*)::int FROM "CohortSession" s WHERE s."cohortId" = c."id")
             AS "workshopCount",
           (SELECT "version"::text FROM "ContentVersion" WHERE "id" = 1) AS "contentVersion"
    FROM "Cohort" c
    JOIN "Course" co ON co."id" = c."courseId"
    ${titleJoins("CourseTranslation", "courseId", "co", locale)}
    WHERE c."id" = ${cohortId}`,
  );
  const [row] = z.array(CohortRowSchema).parse(rows);
  if (!row) return null;
  const content = await courseContentAt(db, row.contentVersion, row.courseKey);

  return {
    cohort: {
      ...cohortFields(row),
      // Like the other codes, it passed the domain's schemas when the cohort was created.
      dacSectorCode: row.dacSectorCode as DacSectorCode,
      course: {
        key: row.courseKey,
        title: localized(row.courseTitle, row.courseTitleLocale, row.courseKey),
      },
    },
    modules: moduleColumns(content, locale),
    workshopCount: row.workshopCount,
  };
}
