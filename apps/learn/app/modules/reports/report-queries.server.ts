import { type Db, Prisma } from "@peacelearn/db";
import {
  type AgeBandScheme,
  type AsOf,
  ageBands,
  type DisaggregationDimension,
  maxPlausibleAge,
  unknownAgeBand,
  yearOf,
} from "@peacelearn/domain";
import type { ReportMeasure, ReportQuery } from "./schema";

/**
 * One group of counted units, as PostgreSQL returns it: the person attributes and activity type
 * the chosen dimensions need (null when not asked for) and how many units share them.
 * Rows are already counted in SQL, so the app never loads one row per trainee.
 */
export type CountedRow = {
  gender: string | null;
  /** The age band in the report's scheme at its reference date ("unknown" when not derivable). */
  ageBand: string | null;
  locationCode: string | null;
  activityType: string | null;
  /** Units in the group (enrolments, completions, person × check pairs, participations, sessions). */
  n: number;
  /** Pass rates only: the pairs among `n` with a passed attempt. */
  passed: number;
};

export type ReportFilters = Pick<
  ReportQuery,
  "from" | "to" | "activityType" | "dacSector" | "dacGenderMarker"
>;

const DAY_MS = 86_400_000;

/** [from, to] as inclusive calendar days in UTC → a half-open timestamp range. */
export function periodBounds(filters: Pick<ReportFilters, "from" | "to">) {
  const start = filters.from ? new Date(`${filters.from}T00:00:00Z`) : null;
  const end = filters.to ? new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) : null;
  return { start, end };
}

function inPeriod(column: Prisma.Sql, filters: ReportFilters): Prisma.Sql {
  const { start, end } = periodBounds(filters);
  const parts = [
    start ? Prisma.sql`${column} >= ${start}` : null,
    end ? Prisma.sql`${column} < ${end}` : null,
  ].filter((part): part is Prisma.Sql => part !== null);
  return parts.length > 0 ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

function hasCohortFilter(filters: ReportFilters) {
  return (
    filters.activityType !== undefined ||
    filters.dacSector !== undefined ||
    filters.dacGenderMarker !== undefined
  );
}

function hasMarkerFilter(filters: ReportFilters) {
  return filters.dacSector !== undefined || filters.dacGenderMarker !== undefined;
}

/** The cohort markers as conditions on a "Cohort" alias (TRUE when none is set). */
function cohortMatches(alias: string, filters: ReportFilters, withActivity = true): Prisma.Sql {
  const c = Prisma.raw(`"${alias}"`);
  const parts = [
    withActivity && filters.activityType
      ? Prisma.sql`${c}."activityType" = ${filters.activityType}`
      : null,
    filters.dacSector ? Prisma.sql`${c}."dacSectorCode" = ${filters.dacSector}` : null,
    filters.dacGenderMarker !== undefined
      ? Prisma.sql`${c}."dacGenderMarker" = ${filters.dacGenderMarker}`
      : null,
  ].filter((part): part is Prisma.Sql => part !== null);
  return parts.length > 0 ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/** How the report computes ages: the scheme, and the date ages are reached at. */
export type AgeSettings = { scheme: AgeBandScheme; asOf: AsOf };

/**
 * The age band of a birth year, in SQL, from the domain's band table — what `ageBandOf` gives,
 * with "unknown" where it would throw (a birth year after the reference year, or an implausible
 * one). Grouping by band rather than birth year returns a few rows per cut instead of one per
 * birth year, which is most of the cost of a coarse report at scale.
 */
export function ageBandSql(birthYear: Prisma.Sql, age: AgeSettings): Prisma.Sql {
  const years = Prisma.sql`(${yearOf(age.asOf)}::int - ${birthYear})`;
  const bands = ageBands[age.scheme].map((band) =>
    band.maxAge === null
      ? Prisma.sql`ELSE ${band.code}::text`
      : Prisma.sql`WHEN ${years} <= ${band.maxAge}::int THEN ${band.code}::text`,
  );
  return Prisma.sql`CASE WHEN ${birthYear} IS NULL OR ${years} < 0 OR ${years} > ${maxPlausibleAge}::int
    THEN ${unknownAgeBand}::text ${Prisma.join(bands, " ")} END`;
}

/**
 * The four grouping columns. Only the attributes the dimensions need are selected (the others
 * are NULL constants), so the GROUP BY is as coarse as the report allows: age band rather than
 * person, location rather than address.
 */
function groupColumns(
  by: readonly DisaggregationDimension[],
  activity: Prisma.Sql,
  age: AgeSettings,
): Prisma.Sql {
  const needs = (dimension: DisaggregationDimension) => by.includes(dimension);
  return Prisma.sql`
    ${needs("gender") ? Prisma.sql`u."gender"` : Prisma.sql`NULL::text`} AS "gender",
    ${needs("ageBand") ? ageBandSql(Prisma.sql`u."birthYear"`, age) : Prisma.sql`NULL::text`} AS "ageBand",
    ${needs("location") || needs("region") ? Prisma.sql`u."locationCode"` : Prisma.sql`NULL::text`} AS "locationCode",
    ${needs("activityType") ? activity : Prisma.sql`NULL::text`} AS "activityType"`;
}

/**
 * The cohort through which a person follows a course gives the activity type and the markers. A
 * person in two cohorts of one course counts once, under the earliest joined matching cohort.
 * Self-enrolled learners have no cohort: activity type "unknown", and they drop out as soon as a
 * cohort marker is filtered on. The earliest cohort of every (person, course) is picked once with
 * DISTINCT ON and hash-joined: a LATERAL lookup per unit costs a nested loop per row (≈ 30 µs
 * each, seconds at 100k enrolments).
 */
function viaCohort(
  userId: Prisma.Sql,
  courseId: Prisma.Sql,
  by: readonly DisaggregationDimension[],
  filters: ReportFilters,
): Prisma.Sql {
  const filtered = hasCohortFilter(filters);
  if (!filtered && !by.includes("activityType")) return Prisma.empty;
  return Prisma.sql`
    ${filtered ? Prisma.sql`JOIN` : Prisma.sql`LEFT JOIN`} (
      SELECT DISTINCT ON (m."userId", c."courseId") m."userId", c."courseId", c."activityType"
      FROM "CohortMembership" m
      JOIN "Cohort" c ON c."id" = m."cohortId"
      WHERE ${cohortMatches("c", filters)}
      ORDER BY m."userId", c."courseId", m."joinedAt", c."id"
    ) k ON k."userId" = ${userId} AND k."courseId" = ${courseId}`;
}

/** Counts the units of one measure, grouped by what the dimensions need. */
export async function countMeasure(
  db: Db,
  measure: ReportMeasure,
  by: readonly DisaggregationDimension[],
  filters: ReportFilters,
  age: AgeSettings,
): Promise<CountedRow[]> {
  const cohortActivity = Prisma.sql`k."activityType"`;
  let sql: Prisma.Sql;
  switch (measure) {
    case "enrolments":
    case "completions": {
      const when =
        measure === "enrolments" ? Prisma.sql`e."enrolledAt"` : Prisma.sql`e."completedAt"`;
      sql = Prisma.sql`
        SELECT ${groupColumns(by, cohortActivity, age)}, COUNT(*)::int AS "n", 0 AS "passed"
        FROM "Enrolment" e
        JOIN "User" u ON u."id" = e."userId"
        ${viaCohort(Prisma.sql`e."userId"`, Prisma.sql`e."courseId"`, by, filters)}
        WHERE ${when} IS NOT NULL AND ${inPeriod(when, filters)}
        GROUP BY 1, 2, 3, 4`;
      break;
    }
    case "passRates":
      // Unit: a person × knowledge check with an attempt in the period; passed if any attempt was.
      sql = Prisma.sql`
        WITH pairs AS (
          SELECT a."userId", mo."courseId", bool_or(a."passed") AS "passed"
          FROM "KnowledgeCheckAttempt" a
          JOIN "KnowledgeCheck" kc ON kc."id" = a."knowledgeCheckId"
          JOIN "Module" mo ON mo."id" = kc."moduleId"
          WHERE ${inPeriod(Prisma.sql`a."submittedAt"`, filters)}
          GROUP BY a."userId", a."knowledgeCheckId", mo."courseId"
        )
        SELECT ${groupColumns(by, cohortActivity, age)}, COUNT(*)::int AS "n",
          (COUNT(*) FILTER (WHERE p."passed"))::int AS "passed"
        FROM pairs p
        JOIN "User" u ON u."id" = p."userId"
        ${viaCohort(Prisma.sql`p."userId"`, Prisma.sql`p."courseId"`, by, filters)}
        GROUP BY 1, 2, 3, 4`;
      break;
    case "attendance":
      // Unit: a person × cohort with at least one workshop attended (present or late) in the period.
      sql = Prisma.sql`
        SELECT ${groupColumns(by, Prisma.sql`c."activityType"`, age)}, COUNT(*)::int AS "n", 0 AS "passed"
        FROM (
          SELECT DISTINCT r."userId", cs."cohortId"
          FROM "AttendanceRecord" r
          JOIN "CohortSession" cs ON cs."id" = r."cohortSessionId"
          WHERE r."status" IN ('present', 'late') AND ${inPeriod(Prisma.sql`cs."startsAt"`, filters)}
        ) p
        JOIN "User" u ON u."id" = p."userId"
        JOIN "Cohort" c ON c."id" = p."cohortId"
        WHERE ${cohortMatches("c", filters)}
        GROUP BY 1, 2, 3, 4`;
      break;
    case "accompaniment":
      // Unit: a session, counted under the accompanied trainee and the session's own activity type.
      sql = Prisma.sql`
        SELECT ${groupColumns(by, Prisma.sql`s."activityType"`, age)}, COUNT(*)::int AS "n", 0 AS "passed"
        FROM "AccompanimentSession" s
        JOIN "User" u ON u."id" = s."traineeId"
        ${hasMarkerFilter(filters) ? Prisma.sql`JOIN "Cohort" c ON c."id" = s."cohortId" AND ${cohortMatches("c", filters, false)}` : Prisma.empty}
        WHERE ${inPeriod(Prisma.sql`s."occurredOn"`, filters)}
          ${filters.activityType ? Prisma.sql`AND s."activityType" = ${filters.activityType}` : Prisma.empty}
        GROUP BY 1, 2, 3, 4`;
      break;
  }
  return db.$queryRaw<CountedRow[]>(sql);
}
