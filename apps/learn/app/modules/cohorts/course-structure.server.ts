import { type Db, Prisma, queryPreparedSql } from "@peacelearn/db";
import type {
  ActivityType,
  DacGenderMarker,
  DacSectorCode,
  LocationCode,
  ProgrammeRegion,
} from "@peacelearn/domain";
import { z } from "zod";
import { CONTENT_FALLBACK_LOCALE, type LocalizedText } from "~/modules/courses/translation";
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

const OutlineItemSchema = z.object({
  kind: z.enum(["module", "lesson", "check"]),
  id: z.string(),
  key: z.string(),
  moduleId: z.string(),
  passMark: z.number().int().nullable(),
  title: z.string().nullable(),
  titleLocale: z.string().nullable(),
});

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
  /** Modules by position, then lessons by position, then checks by key. */
  outline: z.array(OutlineItemSchema),
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
 * A cohort with its course's modules (by position), lessons (by position) and knowledge checks
 * (by key), titled in the reader's language, and its number of workshops. One raw statement: the
 * cohort row with its course outline as a JSON list (with Prisma 6's query compiler, the nested
 * select this replaces cost several times the CPU, and each statement has a fixed cost).
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
           (SELECT COALESCE(json_agg(json_build_object(
                     'kind', o."kind", 'id', o."id", 'key', o."key", 'moduleId', o."moduleId",
                     'passMark', o."passMark", 'title', o."title", 'titleLocale', o."titleLocale")
                   ORDER BY o."kindOrder", o."modulePosition", o."position", o."key"), '[]'::json)
            FROM (
              SELECT 'module' AS "kind", m."id", m."key", m."id" AS "moduleId",
                     NULL::int AS "passMark", 0 AS "kindOrder", m."position" AS "modulePosition",
                     m."position" AS "position", ${titleSql} AS "title",
                     ${titleLocaleSql} AS "titleLocale"
              FROM "Module" m
              ${titleJoins("ModuleTranslation", "moduleId", "m", locale)}
              WHERE m."courseId" = c."courseId"
              UNION ALL
              SELECT 'lesson', l."id", l."key", l."moduleId", NULL::int, 1, m."position",
                     l."position", ${titleSql}, ${titleLocaleSql}
              FROM "Module" m
              JOIN "Lesson" l ON l."moduleId" = m."id"
              ${titleJoins("LessonTranslation", "lessonId", "l", locale)}
              WHERE m."courseId" = c."courseId"
              UNION ALL
              SELECT 'check', k."id", k."key", k."moduleId", k."passMark", 2, m."position", 0,
                     ${titleSql}, ${titleLocaleSql}
              FROM "Module" m
              JOIN "KnowledgeCheck" k ON k."moduleId" = m."id"
              ${titleJoins("KnowledgeCheckTranslation", "knowledgeCheckId", "k", locale)}
              WHERE m."courseId" = c."courseId"
            ) o) AS "outline"
    FROM "Cohort" c
    JOIN "Course" co ON co."id" = c."courseId"
    ${titleJoins("CourseTranslation", "courseId", "co", locale)}
    WHERE c."id" = ${cohortId}`,
  );
  const [row] = z.array(CohortRowSchema).parse(rows);
  if (!row) return null;

  const modules: ModuleColumn[] = [];
  const byId = new Map<string, ModuleColumn>();
  for (const item of row.outline) {
    const title = localized(item.title, item.titleLocale, item.key);
    if (item.kind === "module") {
      const module: ModuleColumn = { id: item.id, key: item.key, title, lessons: [], checks: [] };
      modules.push(module);
      byId.set(item.id, module);
    } else if (item.kind === "lesson") {
      byId.get(item.moduleId)?.lessons.push({ id: item.id, key: item.key, title });
    } else {
      byId.get(item.moduleId)?.checks.push({
        id: item.id,
        key: item.key,
        passMark: item.passMark ?? 0,
        title,
      });
    }
  }

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
    modules,
    workshopCount: row.workshopCount,
  };
}
