import type { Db } from "@peacelearn/db";
import {
  ActivityTypeSchema,
  type DisaggregationCell,
  type DisaggregationDimension,
  type DisaggregationResult,
  disaggregate,
  GenderSchema,
  type KeyedDisaggregationRecord,
  LocationCodeSchema,
  type PerturbedCell,
  type PerturbedTable,
  perturbTable,
} from "@peacelearn/domain";
import { countsOfMeasure, type FormalFamily, loadFormalFamily } from "./formal.server";
import { type CountedRow, countMeasure, type ReportFilters } from "./report-queries.server";
import {
  type FormalCutId,
  formalAgeScheme,
  formalCutOf,
  formalMinCellSize,
  periodsOf,
  type ReportMeasure,
  type ReportPeriod,
  type ReportQuery,
  type ReportTier,
} from "./schema";

/** A published pass rate (whole percent); `value` is null exactly when it is suppressed. */
export type RateCell = { value: number | null; suppressed: boolean };

type RateTable = {
  cells: RateCell[];
  margins: Partial<Record<DisaggregationDimension, RateCell[]>>;
  total: RateCell;
};

export type MeasureReport = {
  tier: ReportTier;
  measure: ReportMeasure;
  /**
   * Counts of the measure's units. Formal: a table of the protected family (for pass rates, the
   * person × check pairs passed). Exploration: perturbed figures, none suppressed, margins not
   * additive (for pass rates, the pairs attempted).
   */
  result: DisaggregationResult;
  /** Formal pass rates: the pairs not passed, from their own family, aligned with `result`. */
  notPassed?: DisaggregationResult;
  /** Pass rates only, aligned with `result`'s cells, margins and total. */
  rates?: RateTable;
  /** Formal: the period of the table. */
  period?: ReportPeriod;
};

/** What the formal tier can show: its periods (latest year first) and the table chosen. */
export type FormalReport = {
  report: MeasureReport;
  /** Every fixed period that can be chosen, newest year first. */
  periods: ReportPeriod[];
};

/** The latest year that has data, or the current one. */
function defaultPeriod(years: readonly number[], now: Date): ReportPeriod {
  return String(years.at(-1) ?? now.getUTCFullYear());
}

/**
 * The table of a cut for a period in which a count has no unit at all (e.g. no check passed in a
 * year in which some were not passed): every category, every count a true zero.
 */
function emptyTable(by: readonly DisaggregationDimension[]): DisaggregationResult {
  return disaggregate([], {
    by,
    minCellSize: formalMinCellSize,
    age: { scheme: formalAgeScheme, asOf: new Date(0) },
  });
}

/**
 * One measure's table from the formal tier: the chosen cut and period of the measure's protected
 * family (`formal.server.ts`), nothing computed outside it.
 */
export async function loadFormalReport(
  db: Db,
  measure: ReportMeasure,
  query: Pick<ReportQuery, "by" | "period">,
  now = new Date(),
): Promise<FormalReport> {
  const cut: FormalCutId | undefined = formalCutOf(query.by);
  // parseReportQuery only lets a formal query name a cut of the family.
  if (!cut) throw new Error(`not a cut of the formal family: ${query.by.join(" × ")}`);
  const families: FormalFamily[] = [];
  for (const count of countsOfMeasure[measure])
    families.push(await loadFormalFamily(db, count, now));
  const years = [...new Set(families.flatMap((family) => family.years))].sort((a, b) => a - b);
  const periods = periodsOf([...years].reverse());
  const period =
    query.period && periods.includes(query.period) ? query.period : defaultPeriod(years, now);
  const tableOf = (family: FormalFamily) => family.table(cut, period) ?? emptyTable(query.by);
  const [first, second] = families.map(tableOf) as [DisaggregationResult, DisaggregationResult?];
  if (measure !== "passRates" || !second) {
    return { periods, report: { tier: "formal", measure, result: first, period } };
  }
  return {
    periods,
    report: {
      tier: "formal",
      measure,
      result: first,
      notPassed: second,
      rates: formalRates(first, second),
      period,
    },
  };
}

type Count = Pick<DisaggregationCell, "count" | "suppressed">;

/** A rate per cell, margin and total of two aligned tables. */
function rateTable(
  a: DisaggregationResult,
  b: DisaggregationResult,
  rate: (a: Count | undefined, b: Count | undefined) => RateCell,
): RateTable {
  const margins: RateTable["margins"] = {};
  for (const dimension of a.by) {
    const list = a.margins[dimension];
    if (list) margins[dimension] = list.map((cell, i) => rate(cell, b.margins[dimension]?.[i]));
  }
  return {
    cells: a.cells.map((cell, i) => rate(cell, b.cells[i])),
    margins,
    total: rate(a.total, b.total),
  };
}

/**
 * A formal pass rate: passed ÷ (passed + not passed), published only where both counts are (a
 * rate beside one hidden count would give it back).
 */
function formalRates(passed: DisaggregationResult, notPassed: DisaggregationResult): RateTable {
  return rateTable(passed, notPassed, (p, f) => {
    if (!p || !f || p.suppressed || f.suppressed || p.count === null || f.count === null) {
      return { value: null, suppressed: true };
    }
    const attempted = p.count + f.count;
    return {
      value: attempted === 0 ? null : Math.round((100 * p.count) / attempted),
      suppressed: false,
    };
  });
}

export type ExplorationOptions = Pick<ReportQuery, "by" | "ageScheme"> & ReportFilters;

/** The reference date for age bands: the end of the window, or today. */
function ageReferenceDate(to: string | undefined, now = new Date()): Date {
  return to ? new Date(`${to}T00:00:00Z`) : now;
}

/**
 * One measure for any cut, window and filter — the exploration tier: PostgreSQL counts units per
 * group with the sum of their people's cell keys, and the domain's `perturbTable` perturbs every
 * figure (ABS cell-key method). The same people always show the same figure, so differencing two
 * windows or cuts gives noise, not a person. Pass rates: attempted and passed pairs are perturbed
 * each with its own key sum, and the rate is the ratio of the two perturbed figures.
 */
export async function loadExplorationReport(
  db: Db,
  measure: ReportMeasure,
  options: ExplorationOptions,
  now = new Date(),
): Promise<MeasureReport> {
  const age = { scheme: options.ageScheme, asOf: ageReferenceDate(options.to, now) };
  const settings = { by: options.by, minCellSize: formalMinCellSize, age };
  const rows = await countMeasure(db, measure, options.by, options, age);
  const toRecords = recordMaker();
  const attempted = perturbTable(
    toRecords(rows, (row) => [row.n, row.cellKeySum]),
    settings,
  );
  const result = asResult(attempted);
  if (measure !== "passRates") return { tier: "exploration", measure, result };
  const passed = asResult(
    perturbTable(
      toRecords(rows, (row) => [row.passed, row.passedCellKeySum]),
      settings,
    ),
  );
  return { tier: "exploration", measure, result, rates: perturbedRates(result, passed) };
}

/** A perturbed table in the shape the page and its components read (nothing is suppressed). */
function asResult(table: PerturbedTable): DisaggregationResult {
  const cell = ({ key, count }: PerturbedCell): DisaggregationCell => ({
    key,
    count,
    suppressed: false,
  });
  const margins: DisaggregationResult["margins"] = {};
  for (const dimension of table.by) {
    const list = table.margins[dimension];
    if (list) margins[dimension] = list.map(cell);
  }
  return {
    by: table.by,
    minCellSize: table.minCellSize,
    ...(table.ageScheme ? { ageScheme: table.ageScheme } : {}),
    cells: table.cells.map(cell),
    margins,
    total: { count: table.total.count, suppressed: false },
  };
}

/** Perturbed passed ÷ perturbed attempted, capped at 100 %; no one attempted: no rate. */
function perturbedRates(attempted: DisaggregationResult, passed: DisaggregationResult): RateTable {
  return rateTable(attempted, passed, (a, p) => {
    if (!a?.count || !p || p.count === null) return { value: null, suppressed: false };
    return { value: Math.min(100, Math.round((100 * p.count) / a.count)), suppressed: false };
  });
}

/**
 * One keyed record per SQL group, weighted by the group's count and carrying its cell-key sum
 * (both picked by `weight`), so the work after the query grows with the number of groups, not of
 * people. Groups of 0 are left out: a record must stand for at least one unit.
 */
function recordMaker() {
  const gender = memoParse(GenderSchema);
  const location = memoParse(LocationCodeSchema);
  const activityType = memoParse(ActivityTypeSchema);
  return (rows: readonly CountedRow[], weight: (row: CountedRow) => [number, number]) => {
    const records: KeyedDisaggregationRecord[] = [];
    for (const row of rows) {
      const [count, cellKey] = weight(row);
      if (count <= 0) continue;
      records.push({
        gender: gender(row.gender),
        ageBand: row.ageBand,
        location: location(row.locationCode),
        activityType: activityType(row.activityType),
        count,
        cellKey,
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
