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
import { z } from "zod";
import type { ReportMeasure, ReportQuery } from "./schema";

/**
 * One group of counted units, as PostgreSQL returns it: the person attributes and activity type
 * the chosen dimensions need (null when not asked for) and how many units share them.
 * Rows are already counted in SQL, so the app never loads one row per trainee.
 */
const CountedRowSchema = z.object({
  gender: z.string().nullable(),
  /** The age band in the report's scheme at its reference date ("unknown" when not derivable). */
  ageBand: z.string().nullable(),
  locationCode: z.string().nullable(),
  activityType: z.string().nullable(),
  /** Units in the group (enrolments, completions, person × check pairs, participations, sessions). */
  n: z.number().int().nonnegative(),
  /** Pass rates only: the pairs among `n` with a passed attempt. */
  passed: z.number().int().nonnegative(),
});
export type CountedRow = z.infer<typeof CountedRowSchema>;

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
 * person in two cohorts of one course counts once, under the earliest joined matching cohort (of
 * two joined at the same instant, the one whose id sorts first). Self-enrolled learners have no
 * cohort: activity type "unknown", and they drop out as soon as a cohort marker is filtered on.
 *
 * Joined as `k`, one row per (person, course) with a matching cohort, whose "activityType" comes
 * from the "Cohort" table itself: with that column's statistics the planner expects a few thousand
 * groups and hashes them (through DISTINCT ON's output it assumed 200 activity types, so as many
 * groups as units, and sorted every unit instead: the largest part of the finer cut's time at
 * 100k). A LATERAL lookup per unit is slower still: a nested loop per row, ≈ 30 µs each.
 *
 * The earliest membership is found in one of two equivalent ways, both held to the rule by the
 * tests:
 * - `"sort"`: DISTINCT ON over the memberships, sorted by the bytes of the ids (COLLATE "C": the
 *   same groups, found faster than with the database's collation). The cheapest, but nothing is
 *   known of its output, so the units' side of the join must carry statistics for the planner to
 *   hash it (enrolments do).
 * - `"anti-join"`: the memberships no earlier matching membership of the same person and course
 *   precedes, hashed in one pass. Dearer than the sort, but its columns keep their statistics: the
 *   way for units that have none (pass rates' person × check pairs), where a join of two unknown
 *   sides makes the planner sort both.
 */
function viaCohort(
  userId: Prisma.Sql,
  courseId: Prisma.Sql,
  by: readonly DisaggregationDimension[],
  filters: ReportFilters,
  method: "sort" | "anti-join",
): Prisma.Sql {
  const filtered = hasCohortFilter(filters);
  if (!filtered && !by.includes("activityType")) return Prisma.empty;
  const join = filtered ? Prisma.sql`JOIN` : Prisma.sql`LEFT JOIN`;
  if (method === "sort") {
    return Prisma.sql`
      ${join} (
        SELECT DISTINCT ON (m."userId" COLLATE "C", c."courseId" COLLATE "C")
          m."userId", c."courseId", m."cohortId"
        FROM "CohortMembership" m
        JOIN "Cohort" c ON c."id" = m."cohortId"
        WHERE ${cohortMatches("c", filters)}
        ORDER BY m."userId" COLLATE "C", c."courseId" COLLATE "C", m."joinedAt", c."id"
      ) earliest ON earliest."userId" = ${userId} AND earliest."courseId" = ${courseId}
      ${join} "Cohort" k ON k."id" = earliest."cohortId"`;
  }
  return Prisma.sql`
    ${join} (
      SELECT m."userId", c."courseId", c."activityType"
      FROM "CohortMembership" m
      JOIN "Cohort" c ON c."id" = m."cohortId"
      WHERE ${cohortMatches("c", filters)}
        AND NOT EXISTS (
          SELECT 1
          FROM "CohortMembership" earlier
          JOIN "Cohort" ec ON ec."id" = earlier."cohortId"
          WHERE earlier."userId" = m."userId" AND ec."courseId" = c."courseId"
            AND ${cohortMatches("ec", filters)}
            AND (earlier."joinedAt", earlier."cohortId") < (m."joinedAt", m."cohortId"))
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
        ${viaCohort(Prisma.sql`e."userId"`, Prisma.sql`e."courseId"`, by, filters, "sort")}
        WHERE ${when} IS NOT NULL AND ${inPeriod(when, filters)}
        GROUP BY 1, 2, 3, 4`;
      break;
    }
    case "passRates":
      // Unit: a person × knowledge check with an attempt in the period; passed if any attempt was.
      // DISTINCT ON keeps each pair's passed attempt if it has one, reading the attempts in the order
      // of their (userId, knowledgeCheckId, passed DESC, submittedAt) index: no sort, and no hash
      // table of every pair. The planner knows nothing of its output, so the check's course is
      // LEFT JOINed (every check has a module and every module a course: no row added or lost) and
      // fenced (OFFSET 0): an inner join to these small tables — or a cohort filter turning the
      // LEFT JOINs into one — makes it expect a hundredth of the pairs there are, or less, and
      // plan nested loops over them (up to a second at 100k trainees).
      sql = Prisma.sql`
        SELECT ${groupColumns(by, cohortActivity, age)}, COUNT(*)::int AS "n",
          (COUNT(*) FILTER (WHERE p."passed"))::int AS "passed"
        FROM (
          SELECT pair."userId", mo."courseId", pair."passed"
          FROM (
            SELECT DISTINCT ON (a."userId", a."knowledgeCheckId")
              a."userId", a."knowledgeCheckId", a."passed"
            FROM "KnowledgeCheckAttempt" a
            WHERE ${inPeriod(Prisma.sql`a."submittedAt"`, filters)}
            ORDER BY a."userId", a."knowledgeCheckId", a."passed" DESC
          ) pair
          LEFT JOIN "KnowledgeCheck" kc ON kc."id" = pair."knowledgeCheckId"
          LEFT JOIN "Module" mo ON mo."id" = kc."moduleId"
          OFFSET 0
        ) p
        JOIN "User" u ON u."id" = p."userId"
        ${viaCohort(Prisma.sql`p."userId"`, Prisma.sql`p."courseId"`, by, filters, "anti-join")}
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
  return z.array(CountedRowSchema).parse(await db.$queryRaw(sql));
}
