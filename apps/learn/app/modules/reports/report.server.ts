import type { Db } from "@peacelearn/db";
import {
  ActivityTypeSchema,
  type DisaggregationCell,
  type DisaggregationDimension,
  type DisaggregationRecord,
  type DisaggregationResult,
  disaggregate,
  GenderSchema,
  LocationCodeSchema,
} from "@peacelearn/domain";
import { type CountedRow, countMeasure, type ReportFilters } from "./report-queries.server";
import type { ReportMeasure, ReportQuery } from "./schema";

/** A published pass rate (whole percent); `value` is null exactly when it is suppressed. */
export type RateCell = { value: number | null; suppressed: boolean };

type RateTable = {
  cells: RateCell[];
  margins: Partial<Record<DisaggregationDimension, RateCell[]>>;
  total: RateCell;
};

export type MeasureReport = {
  measure: ReportMeasure;
  /** Counts of the measure's units; for pass rates, the person × check pairs that were attempted. */
  result: DisaggregationResult;
  /** Pass rates only, aligned with `result`'s cells, margins and total. */
  rates?: RateTable;
};

export type ReportOptions = Pick<ReportQuery, "by" | "ageScheme" | "minCellSize"> & ReportFilters;

/** The reference date for age bands: the end of the period, or today. */
function ageReferenceDate(to: string | undefined, now = new Date()): Date {
  return to ? new Date(`${to}T00:00:00Z`) : now;
}

/**
 * One measure, disaggregated with small-cell suppression. Scales with the number of groups, not of
 * people: PostgreSQL counts units per (gender, age band, location, activity type) — only the
 * attributes the dimensions need — and the domain's `disaggregate` then protects the table.
 */
export async function loadMeasureReport(
  db: Db,
  measure: ReportMeasure,
  options: ReportOptions,
  now = new Date(),
): Promise<MeasureReport> {
  const settings = {
    by: options.by,
    minCellSize: options.minCellSize,
    age: { scheme: options.ageScheme, asOf: ageReferenceDate(options.to, now) },
  };
  const rows = await countMeasure(db, measure, options.by, options, settings.age);
  const toRecords = recordMaker();
  const result = disaggregate(
    toRecords(rows, (row) => row.n),
    settings,
  );
  if (measure !== "passRates") return { measure, result };

  const passed = disaggregate(
    toRecords(rows, (row) => row.passed),
    settings,
  );
  const failed = disaggregate(
    toRecords(rows, (row) => row.n - row.passed),
    settings,
  );
  return { measure, result, rates: passRates(result, passed, failed) };
}

/**
 * One record per SQL group, weighted by the group's count (the domain's `count`), so the work
 * after the query grows with the number of groups, not of people. Age bands arrive computed by
 * SQL (`ageBandSql`); `disaggregate` still checks each is a band of the scheme. Groups of 0 (no
 * one passed, no one failed) are left out: a record must stand for at least one unit.
 */
function recordMaker() {
  const gender = memoParse(GenderSchema);
  const location = memoParse(LocationCodeSchema);
  const activityType = memoParse(ActivityTypeSchema);
  return (rows: readonly CountedRow[], weight: (row: CountedRow) => number) => {
    const records: DisaggregationRecord[] = [];
    for (const row of rows) {
      const count = weight(row);
      if (count <= 0) continue;
      records.push({
        gender: gender(row.gender),
        ageBand: row.ageBand,
        location: location(row.locationCode),
        activityType: activityType(row.activityType),
        count,
      });
    }
    return records;
  };
}

/** A code checked against its vocabulary once per distinct value; anything else is null. */
function memoParse<T>(schema: { safeParse(value: unknown): { data?: T | undefined } }) {
  const parsed = new Map<string | null, T | null>();
  return (value: string | null): T | null => {
    let result = parsed.get(value);
    if (result === undefined) {
      result = schema.safeParse(value).data ?? null;
      parsed.set(value, result);
    }
    return result;
  };
}

/**
 * What a rate reveals: with its denominator published, a rate gives the numerator back (and the
 * failures, denominator − numerator). So a rate is published only where the attempted, passed
 * and not-passed counts are all published by their own protected tables: a rate over a
 * suppressed denominator, or one that would expose a small number who passed or failed, is
 * suppressed too. The three tables are protected separately (the domain has no outcome
 * dimension to protect them jointly), so see the report's residual-risk note.
 */
function passRates(
  attempted: DisaggregationResult,
  passed: DisaggregationResult,
  failed: DisaggregationResult,
): RateTable {
  const rate = (
    d: DisaggregationCell | DisaggregationResult["total"] | undefined,
    n: DisaggregationCell | DisaggregationResult["total"] | undefined,
    f: DisaggregationCell | DisaggregationResult["total"] | undefined,
  ): RateCell => {
    if (!d || !n || !f || d.suppressed || n.suppressed || f.suppressed) {
      return { value: null, suppressed: true };
    }
    if (!d.count || n.count === null) return { value: null, suppressed: false };
    return { value: Math.round((100 * n.count) / d.count), suppressed: false };
  };
  const margins: RateTable["margins"] = {};
  for (const dimension of attempted.by) {
    const list = attempted.margins[dimension];
    if (!list) continue;
    margins[dimension] = list.map((cell, i) =>
      rate(cell, passed.margins[dimension]?.[i], failed.margins[dimension]?.[i]),
    );
  }
  return {
    cells: attempted.cells.map((cell, i) => rate(cell, passed.cells[i], failed.cells[i])),
    margins,
    total: rate(attempted.total, passed.total, failed.total),
  };
}
