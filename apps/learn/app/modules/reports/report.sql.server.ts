import { definePreparedQuery, type PreparedQuery, Prisma } from "@peacelearn/db";
import {
  type AgeBandScheme,
  type AsOf,
  ageBandSchemes,
  ageBands,
  maxPlausibleAge,
  unknownAgeBand,
  yearOf,
} from "@peacelearn/domain";
import { z } from "zod";
import type { ReportMeasure } from "./schema";

// The report's statements: a finite set, defined when this module loads — one per measure, age
// scheme and shape of the cohort join — never composed per request
// (docs/decisions/017-typed-prepared-queries.md). Everything else a report varies is a value:
// the period and the cohort markers (NULL when not filtered on) and which grouping columns the
// dimensions need (booleans, the unit's month among them). Every statement also returns, per
// group, the sum of its people's permanent cell keys modulo 2^32 (`"User"."cellKey"`, ADR 024),
// which the exploration tier perturbs with. They are planned per call ("per-call"): PostgreSQL then plans each
// with its values, folding `x = NULL OR NULL IS NULL` to TRUE and `CASE WHEN false …` to NULL, so
// the plan is the one the equivalent hand-written statement gets. The join's shape stays
// structural because an inner join filters, a left join keeps every unit, and no join at all
// spares both.

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
  /** The month the units fall in, `YYYY-MM` (formal units only; null when not asked for). */
  month: z.string().nullable(),
  /** Units in the group (enrolments, completions, person × check pairs, participations, sessions). */
  n: z.number().int().nonnegative(),
  /** Pass rates only: the pairs among `n` with a passed attempt. */
  passed: z.number().int().nonnegative(),
  /** The sum of the units' people's cell keys modulo 2^32 (one key per unit, so per unit). */
  cellKeySum: z.number().int().nonnegative(),
  /** Pass rates only: the same sum over the passed pairs. */
  passedCellKeySum: z.number().int().nonnegative(),
});
export type CountedRow = z.infer<typeof CountedRowSchema>;

/** The values a report statement takes; each statement uses some of them, numbered as it does. */
export type ReportValues = {
  /** Inclusive start, exclusive end of the period (UTC wall clock, ISO), or null for open. */
  from: string | null;
  to: string | null;
  activityType: string | null;
  dacSector: string | null;
  dacGenderMarker: number | null;
  byGender: boolean;
  byAgeBand: boolean;
  byLocation: boolean;
  byActivityType: boolean;
  /** Group by the unit's month (`YYYY-MM`); formal units only, see {@link ReportUnit}. */
  byMonth: boolean;
  /** The calendar year ages are reached in. */
  asOfYear: number;
};
type ValueName = keyof ReportValues;

const valueSchemas: { [name in ValueName]: z.ZodType<ReportValues[name]> } = {
  from: z.string().nullable(),
  to: z.string().nullable(),
  activityType: z.string().nullable(),
  dacSector: z.string().nullable(),
  dacGenderMarker: z.number().int().nullable(),
  byGender: z.boolean(),
  byAgeBand: z.boolean(),
  byLocation: z.boolean(),
  byActivityType: z.boolean(),
  byMonth: z.boolean(),
  asOfYear: z.number().int(),
};
const casts: { [name in ValueName]: string } = {
  from: "timestamp",
  to: "timestamp",
  activityType: "text",
  dacSector: "text",
  dacGenderMarker: "int",
  byGender: "boolean",
  byAgeBand: "boolean",
  byLocation: "boolean",
  byActivityType: "boolean",
  byMonth: "boolean",
  asOfYear: "int",
};

/** Numbers the values in the order a statement first uses them: `$3::text`, and so on. */
class Placeholders {
  readonly order: ValueName[] = [];
  of(name: ValueName): string {
    let index = this.order.indexOf(name);
    if (index < 0) index = this.order.push(name) - 1;
    return `$${index + 1}::${casts[name]}`;
  }
}

/** A constant of the domain's band table as an SQL literal. */
function literal(value: string | number): string {
  return typeof value === "number" ? `${value}` : `'${value.replaceAll("'", "''")}'`;
}

/**
 * The age band of the birth year `birthYear` in `scheme` at year `asOfYear` (SQL expressions):
 * what `ageBandOf` gives, with "unknown" where it would throw (a birth year after the reference
 * year, or an implausible one). Grouping by band rather than birth year returns a few rows per cut
 * instead of one per birth year, which is most of the cost of a coarse report at scale.
 */
function ageBandCase(birthYear: string, asOfYear: string, scheme: AgeBandScheme): string {
  const years = `(${asOfYear} - ${birthYear})`;
  const bands = ageBands[scheme].map((band) =>
    band.maxAge === null
      ? `ELSE ${literal(band.code)}::text`
      : `WHEN ${years} <= ${literal(band.maxAge)} THEN ${literal(band.code)}::text`,
  );
  return `CASE WHEN ${birthYear} IS NULL OR ${years} < 0 OR ${years} > ${literal(maxPlausibleAge)}
    THEN ${literal(unknownAgeBand)}::text ${bands.join(" ")} END`;
}

/**
 * {@link ageBandCase} as a `Prisma.sql` fragment, for tests that hold it to `ageBandOf` over
 * every birth year.
 */
export function ageBandSql(birthYear: Prisma.Sql, age: { scheme: AgeBandScheme; asOf: AsOf }) {
  const parts = ageBandCase("@@birthYear@@", "@@asOfYear@@::int", age.scheme).split(
    /(@@birthYear@@|@@asOfYear@@)/,
  );
  const pieces = parts.filter((_, index) => index % 2 === 0);
  const holes = parts
    .filter((_, index) => index % 2 === 1)
    .map((hole) => (hole === "@@birthYear@@" ? birthYear : yearOf(age.asOf)));
  return new Prisma.Sql(pieces, holes);
}

/** `column` within the period (each bound ignored when NULL). */
function inPeriod(column: string, p: Placeholders): string {
  return `(${column} >= ${p.of("from")} OR ${p.of("from")} IS NULL)
    AND (${column} < ${p.of("to")} OR ${p.of("to")} IS NULL)`;
}

/** The cohort markers as conditions on a "Cohort" alias (each ignored when NULL). */
function cohortMatches(alias: string, p: Placeholders, withActivity = true): string {
  const c = `"${alias}"`;
  return [
    ...(withActivity
      ? [`(${c}."activityType" = ${p.of("activityType")} OR ${p.of("activityType")} IS NULL)`]
      : []),
    `(${c}."dacSectorCode" = ${p.of("dacSector")} OR ${p.of("dacSector")} IS NULL)`,
    `(${c}."dacGenderMarker" = ${p.of("dacGenderMarker")} OR ${p.of("dacGenderMarker")} IS NULL)`,
  ].join(" AND ");
}

/**
 * The five grouping columns. Only the attributes the dimensions need are selected (the others
 * fold to NULL), so the GROUP BY is as coarse as the report allows: age band rather than person,
 * location rather than address. `when` dates the unit (NULL: a unit with no single month).
 */
function groupColumns(
  activity: string,
  p: Placeholders,
  scheme: AgeBandScheme,
  when: string,
): string {
  return `
    CASE WHEN ${p.of("byGender")} THEN u."gender" END AS "gender",
    CASE WHEN ${p.of("byAgeBand")} THEN ${ageBandCase(`u."birthYear"`, p.of("asOfYear"), scheme)} END AS "ageBand",
    CASE WHEN ${p.of("byLocation")} THEN u."locationCode" END AS "locationCode",
    CASE WHEN ${p.of("byActivityType")} THEN ${activity} END AS "activityType",
    CASE WHEN ${p.of("byMonth")} THEN to_char(${when}, 'YYYY-MM') END AS "month"`;
}

/** The group's cell-key sums modulo 2^32 (a bigint sum of up to 2^31 keys cannot overflow). */
function keySums(passed: string | null): string {
  const passedSum = passed
    ? `(COALESCE(SUM(u."cellKey") FILTER (WHERE ${passed}), 0) % 4294967296)::float8`
    : "0::float8";
  return `(SUM(u."cellKey") % 4294967296)::float8 AS "cellKeySum", ${passedSum} AS "passedCellKeySum"`;
}

/**
 * What a statement counts. `"window"`: the units of any from/to window (the exploration tier,
 * ADR 024). `"formal"`: units that each fall in exactly one month, so that a quarter or a year is
 * the sum of its months (the formal tier's fixed periods). Enrolments, completions and
 * accompaniment sessions are dated events either way; attendance and pass rates differ:
 * - attendance, window: a person × cohort with a workshop attended in the window; formal: a
 *   workshop attended (person × workshop session, present or late), dated by the workshop;
 * - pass rates, window: a person × check with an attempt in the window, passed if one of those
 *   passed; formal: a person × check dated by its first attempt, passed if an attempt passed by
 *   the end of that month (so a past month's figures never change).
 */
export type ReportUnit = "window" | "formal";

/**
 * How units reach their cohort: not at all (no cohort marker filtered on, activity type not
 * asked for), kept without one (`left`: activity type asked for) or only through a matching one
 * (`inner`: a cohort marker filtered on).
 */
export type CohortJoin = "none" | "left" | "inner";

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
  userId: string,
  courseId: string,
  cohortJoin: CohortJoin,
  p: Placeholders,
  method: "sort" | "anti-join",
): string {
  if (cohortJoin === "none") return "";
  const join = cohortJoin === "inner" ? "JOIN" : "LEFT JOIN";
  if (method === "sort") {
    return `
      ${join} (
        SELECT DISTINCT ON (m."userId" COLLATE "C", c."courseId" COLLATE "C")
          m."userId", c."courseId", m."cohortId"
        FROM "CohortMembership" m
        JOIN "Cohort" c ON c."id" = m."cohortId"
        WHERE ${cohortMatches("c", p)}
        ORDER BY m."userId" COLLATE "C", c."courseId" COLLATE "C", m."joinedAt", c."id"
      ) earliest ON earliest."userId" = ${userId} AND earliest."courseId" = ${courseId}
      ${join} "Cohort" k ON k."id" = earliest."cohortId"`;
  }
  return `
    ${join} (
      SELECT m."userId", c."courseId", c."activityType"
      FROM "CohortMembership" m
      JOIN "Cohort" c ON c."id" = m."cohortId"
      WHERE ${cohortMatches("c", p)}
        AND NOT EXISTS (
          SELECT 1
          FROM "CohortMembership" earlier
          JOIN "Cohort" ec ON ec."id" = earlier."cohortId"
          WHERE earlier."userId" = m."userId" AND ec."courseId" = c."courseId"
            AND ${cohortMatches("ec", p)}
            AND (earlier."joinedAt", earlier."cohortId") < (m."joinedAt", m."cohortId"))
    ) k ON k."userId" = ${userId} AND k."courseId" = ${courseId}`;
}

/** The SQL counting one measure's units, grouped by what the dimensions need. */
function countingSql(
  measure: ReportMeasure,
  scheme: AgeBandScheme,
  cohortJoin: CohortJoin,
  unit: ReportUnit,
  p: Placeholders,
): string {
  // Without a cohort join the activity type is not asked for (cohortJoinOf), so it is no column.
  const cohortActivity = cohortJoin === "none" ? "NULL::text" : `k."activityType"`;
  switch (measure) {
    case "enrolments":
    case "completions": {
      const when = measure === "enrolments" ? `e."enrolledAt"` : `e."completedAt"`;
      return `
        SELECT ${groupColumns(cohortActivity, p, scheme, when)}, COUNT(*)::int AS "n", 0 AS "passed",
          ${keySums(null)}
        FROM "Enrolment" e
        JOIN "User" u ON u."id" = e."userId"
        ${viaCohort(`e."userId"`, `e."courseId"`, cohortJoin, p, "sort")}
        WHERE ${when} IS NOT NULL AND ${inPeriod(when, p)}
        GROUP BY 1, 2, 3, 4, 5`;
    }
    case "passRates":
      if (unit === "formal") {
        // One row per pair: its first attempt, and its first passed attempt (if any).
        return `
        SELECT ${groupColumns("NULL::text", p, scheme, `f."at"`)}, COUNT(*)::int AS "n",
          (COUNT(*) FILTER (WHERE f."passed"))::int AS "passed", ${keySums(`f."passed"`)}
        FROM (
          SELECT a."userId", MIN(a."submittedAt") AS "at",
            COALESCE(MIN(a."submittedAt") FILTER (WHERE a."passed")
              < date_trunc('month', MIN(a."submittedAt")) + interval '1 month', false) AS "passed"
          FROM "KnowledgeCheckAttempt" a
          GROUP BY a."userId", a."knowledgeCheckId"
        ) f
        JOIN "User" u ON u."id" = f."userId"
        GROUP BY 1, 2, 3, 4, 5`;
      }
      // Unit: a person × knowledge check with an attempt in the period; passed if any attempt was.
      // DISTINCT ON keeps each pair's passed attempt if it has one, reading the attempts in the order
      // of their (userId, knowledgeCheckId, passed DESC, submittedAt) index: no sort, and no hash
      // table of every pair. The planner knows nothing of its output, so the check's course is
      // LEFT JOINed (every check has a module and every module a course: no row added or lost) and
      // fenced (OFFSET 0): an inner join to these small tables — or a cohort filter turning the
      // LEFT JOINs into one — makes it expect a hundredth of the pairs there are, or less, and
      // plan nested loops over them (up to a second at 100k trainees).
      return `
        SELECT ${groupColumns(cohortActivity, p, scheme, "NULL::timestamp")}, COUNT(*)::int AS "n",
          (COUNT(*) FILTER (WHERE p."passed"))::int AS "passed", ${keySums(`p."passed"`)}
        FROM (
          SELECT pair."userId", mo."courseId", pair."passed"
          FROM (
            SELECT DISTINCT ON (a."userId", a."knowledgeCheckId")
              a."userId", a."knowledgeCheckId", a."passed"
            FROM "KnowledgeCheckAttempt" a
            WHERE ${inPeriod(`a."submittedAt"`, p)}
            ORDER BY a."userId", a."knowledgeCheckId", a."passed" DESC
          ) pair
          LEFT JOIN "KnowledgeCheck" kc ON kc."id" = pair."knowledgeCheckId"
          LEFT JOIN "Module" mo ON mo."id" = kc."moduleId"
          OFFSET 0
        ) p
        JOIN "User" u ON u."id" = p."userId"
        ${viaCohort(`p."userId"`, `p."courseId"`, cohortJoin, p, "anti-join")}
        GROUP BY 1, 2, 3, 4, 5`;
    case "attendance":
      if (unit === "formal") {
        return `
        SELECT ${groupColumns(`c."activityType"`, p, scheme, `cs."startsAt"`)}, COUNT(*)::int AS "n",
          0 AS "passed", ${keySums(null)}
        FROM "AttendanceRecord" r
        JOIN "CohortSession" cs ON cs."id" = r."cohortSessionId"
        JOIN "Cohort" c ON c."id" = cs."cohortId"
        JOIN "User" u ON u."id" = r."userId"
        WHERE r."status" IN ('present', 'late') AND ${cohortMatches("c", p)}
        GROUP BY 1, 2, 3, 4, 5`;
      }
      // Unit: a person × cohort with at least one workshop attended (present or late) in the period.
      return `
        SELECT ${groupColumns(`c."activityType"`, p, scheme, "NULL::timestamp")}, COUNT(*)::int AS "n",
          0 AS "passed", ${keySums(null)}
        FROM (
          SELECT DISTINCT r."userId", cs."cohortId"
          FROM "AttendanceRecord" r
          JOIN "CohortSession" cs ON cs."id" = r."cohortSessionId"
          WHERE r."status" IN ('present', 'late') AND ${inPeriod(`cs."startsAt"`, p)}
        ) p
        JOIN "User" u ON u."id" = p."userId"
        JOIN "Cohort" c ON c."id" = p."cohortId"
        WHERE ${cohortMatches("c", p)}
        GROUP BY 1, 2, 3, 4, 5`;
    case "accompaniment":
      // Unit: a session, counted under the accompanied trainee and the session's own activity type.
      return `
        SELECT ${groupColumns(`s."activityType"`, p, scheme, `s."occurredOn"`)}, COUNT(*)::int AS "n",
          0 AS "passed", ${keySums(null)}
        FROM "AccompanimentSession" s
        JOIN "User" u ON u."id" = s."traineeId"
        ${cohortJoin === "inner" ? `JOIN "Cohort" c ON c."id" = s."cohortId" AND ${cohortMatches("c", p, false)}` : ""}
        WHERE ${inPeriod(`s."occurredOn"`, p)}
          AND (s."activityType" = ${p.of("activityType")} OR ${p.of("activityType")} IS NULL)
        GROUP BY 1, 2, 3, 4, 5`;
  }
}

/**
 * The cohort joins each measure can take: attendance always goes through its cohort (a plain
 * join, filtered by the values); accompaniment joins one only to filter on its markers.
 */
const cohortJoins: { [measure in ReportMeasure]: readonly CohortJoin[] } = {
  enrolments: ["none", "left", "inner"],
  completions: ["none", "left", "inner"],
  passRates: ["none", "left", "inner"],
  attendance: ["inner"],
  accompaniment: ["none", "inner"],
};

/** A report statement, and the names of the values it takes, in $n order. */
type ReportStatement = {
  query: PreparedQuery<typeof CountedRowSchema, z.ZodTuple>;
  values: readonly ValueName[];
};

/**
 * Measures whose formal unit is not their window unit ({@link ReportUnit}): they get statements
 * of their own, taking the cohort join their formal SQL has built in (attendance's own, none for
 * pass rates). The others count formal units with their window statements.
 */
const formalCohortJoins: { [measure in ReportMeasure]?: CohortJoin } = {
  passRates: "none",
  attendance: "inner",
};

const statements = new Map<string, ReportStatement>();
const key = (
  measure: ReportMeasure,
  scheme: AgeBandScheme,
  cohortJoin: CohortJoin,
  unit: ReportUnit,
) => `${measure}:${scheme}:${cohortJoin}:${formalCohortJoins[measure] ? unit : "window"}`;

const variants = (Object.entries(cohortJoins) as [ReportMeasure, CohortJoin[]][]).flatMap(
  ([measure, joins]) => [
    ...joins.map((cohortJoin) => ({ measure, cohortJoin, unit: "window" as ReportUnit })),
    ...(formalCohortJoins[measure]
      ? [{ measure, cohortJoin: formalCohortJoins[measure], unit: "formal" as ReportUnit }]
      : []),
  ],
);
for (const { measure, cohortJoin, unit } of variants) {
  for (const scheme of ageBandSchemes) {
    const p = new Placeholders();
    const sql = countingSql(measure, scheme, cohortJoin, unit, p);
    const values = p.order;
    const suffix = unit === "formal" ? "_formal" : "";
    const query = definePreparedQuery({
      name: `report_${measure}_${scheme}_${cohortJoin}${suffix}`.toLowerCase().replaceAll("-", "_"),
      plan: "per-call",
      params: z.tuple(values.map((name) => valueSchemas[name]) as [z.ZodType, ...z.ZodType[]]),
      row: CountedRowSchema,
      sql,
    });
    statements.set(key(measure, scheme, cohortJoin, unit), { query, values });
  }
}

/** Counts one measure's units with the statement of its scheme, cohort join and unit. */
export async function countWithStatement(
  db: Parameters<ReportStatement["query"]["all"]>[0],
  measure: ReportMeasure,
  scheme: AgeBandScheme,
  cohortJoin: CohortJoin,
  values: ReportValues,
  unit: ReportUnit = "window",
): Promise<CountedRow[]> {
  const id = key(
    measure,
    scheme,
    unit === "formal" ? (formalCohortJoins[measure] ?? cohortJoin) : cohortJoin,
    unit,
  );
  const statement = statements.get(id);
  if (!statement) throw new Error(`no report statement for ${id}`);
  return statement.query.all(db, ...statement.values.map((name) => values[name]));
}
