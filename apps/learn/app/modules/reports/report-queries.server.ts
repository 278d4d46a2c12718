import type { Db } from "@peacelearn/db";
import {
  type AgeBandScheme,
  type AsOf,
  type DisaggregationDimension,
  yearOf,
} from "@peacelearn/domain";
import { type CohortJoin, type CountedRow, countWithStatement } from "./report.sql.server";
import type { ReportMeasure, ReportQuery } from "./schema";

export { ageBandSql, type CountedRow } from "./report.sql.server";

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

/** How the report computes ages: the scheme, and the date ages are reached at. */
export type AgeSettings = { scheme: AgeBandScheme; asOf: AsOf };

/**
 * How a measure's units reach their cohort (report.sql.server.ts): through a matching one only
 * when a cohort marker is filtered on, kept without one when the activity type is asked for, not
 * at all otherwise. Accompaniment carries its own activity type and joins its cohort only to
 * filter on the markers; attendance always goes through its cohort.
 */
function cohortJoinOf(
  measure: ReportMeasure,
  by: readonly DisaggregationDimension[],
  filters: ReportFilters,
): CohortJoin {
  if (measure === "attendance") return "inner";
  if (measure === "accompaniment") {
    const markers = filters.dacSector !== undefined || filters.dacGenderMarker !== undefined;
    return markers ? "inner" : "none";
  }
  const filtered =
    filters.activityType !== undefined ||
    filters.dacSector !== undefined ||
    filters.dacGenderMarker !== undefined;
  if (filtered) return "inner";
  return by.includes("activityType") ? "left" : "none";
}

/** Counts the units of one measure, grouped by what the dimensions need. */
export async function countMeasure(
  db: Db,
  measure: ReportMeasure,
  by: readonly DisaggregationDimension[],
  filters: ReportFilters,
  age: AgeSettings,
): Promise<CountedRow[]> {
  const { start, end } = periodBounds(filters);
  return countWithStatement(db, measure, age.scheme, cohortJoinOf(measure, by, filters), {
    from: start?.toISOString() ?? null,
    to: end?.toISOString() ?? null,
    // An empty marker filters on nothing, as an absent one.
    activityType: filters.activityType || null,
    dacSector: filters.dacSector || null,
    dacGenderMarker: filters.dacGenderMarker ?? null,
    byGender: by.includes("gender"),
    byAgeBand: by.includes("ageBand"),
    byLocation: by.includes("location") || by.includes("region"),
    byActivityType: by.includes("activityType"),
    byMonth: false,
    asOfYear: yearOf(age.asOf),
  });
}

/**
 * Counts one measure's formal units (report.sql.server.ts, `ReportUnit`) of all time, each in its
 * month, by gender, age band and location: everything the formal tier's family needs, in one
 * query. No cohort marker, no window: the family is fixed.
 */
export async function countFormalUnits(
  db: Db,
  measure: ReportMeasure,
  age: AgeSettings,
): Promise<CountedRow[]> {
  return countWithStatement(
    db,
    measure,
    age.scheme,
    "none",
    {
      from: null,
      to: null,
      activityType: null,
      dacSector: null,
      dacGenderMarker: null,
      byGender: true,
      byAgeBand: true,
      byLocation: true,
      byActivityType: false,
      byMonth: true,
      asOfYear: yearOf(age.asOf),
    },
    "formal",
  );
}
