import type { AgeBandScheme, AsOf } from "./age";
import {
  categoriesOf,
  checkedCut,
  checkedMinCellSize,
  type DisaggregationCell,
  type DisaggregationResult,
  weightOf,
} from "./disaggregate";
import {
  type DisaggregationDimension,
  type DisaggregationRecord,
  disaggregationDimensions,
  unknownCategory,
} from "./disaggregation-dimensions";
import { indexerOf, strideOf } from "./disaggregation-table";
import { type LocationCode, regionOf } from "./geography";
import { widthProblems } from "./linked-audit";
import { protectLinked } from "./linked-suppression";
import { type Axis, groupLevel, type LinkedTable, leafLevel, linkTable } from "./linked-table";

/** The fixed periods a formal report is published for, finest first: months nest in quarters, quarters in years. */
export const periodLevels = ["month", "quarter", "year"] as const;

/** One of {@link periodLevels}. */
export type PeriodLevel = (typeof periodLevels)[number];

/** A record of a formal report: a {@link DisaggregationRecord} with the month it falls in. */
export interface DatedDisaggregationRecord extends DisaggregationRecord {
  /** The month the record falls in, `"YYYY-MM"`; required when `options.periods` is given. */
  readonly month?: string | null;
}

/** Options of {@link disaggregateMany}. */
export interface DisaggregateManyOptions {
  /** Counts from 1 to `minCellSize − 1` are hidden. Default 5; must be an integer ≥ 3. */
  readonly minCellSize?: number | undefined;
  /**
   * Required when a cut counts by `ageBand`: the scheme, and the date or year ages are computed at.
   * One `asOf` for the whole family, periods included: a person is in one band in every table, or
   * the tables would not be margins of one cross-classification (use the end of the last period).
   */
  readonly age?: { readonly scheme: AgeBandScheme; readonly asOf: AsOf } | undefined;
  /**
   * Publish every cut for fixed periods: every month, quarter and year (or the `levels` given) of
   * the `years` given. Records then need a `month` in one of those years. Without `periods`, each
   * cut is published once, for all records.
   */
  readonly periods?:
    | {
        readonly years: readonly number[];
        readonly levels?: readonly PeriodLevel[] | undefined;
      }
    | undefined;
}

/** A table of a linked family: a {@link DisaggregationResult}, for a period when the family has periods. */
export interface LinkedDisaggregationResult extends DisaggregationResult {
  /** The period the table counts, e.g. `{ level: "quarter", code: "2026-Q1" }`. */
  readonly period?: { readonly level: PeriodLevel; readonly code: string };
}

/**
 * Counts records for a fixed family of cuts — for instance `[]`, `["gender"]`,
 * `["gender", "location"]`, `["gender", "region"]`, `["location", "region"]` — protected as ONE
 * linked system, so that reading every table of the family together (and every period, with
 * `options.periods`) gives no one away. Use it for formal reports (donor, UN, IATI); for free
 * exploration of any cut and window use {@link perturbTable}.
 *
 * - The tables are margins of one finest cross-classification of every dimension used (and the
 *   month): a count published in two tables is the same count, hidden or shown in both.
 * - Hierarchies are part of the system: a region is the sum of its locations, and the region
 *   margin of every table by location is protected as if published, even when no cut asks for it.
 *   Abkhazia (`GE-AB`) is its own location in the `south-caucasus` region, never inside Georgia,
 *   and a Georgia table beside a South Caucasus table does not give it away. With periods, months
 *   add up to quarters and quarters to years.
 * - Width, not just "not exact": every hidden count from 1 to `minCellSize − 1` keeps, given
 *   everything in the family (all its tables, their sums, whole non-negative numbers), a feasible
 *   range holding 0 and at least `minCellSize` values. Every result is audited for this with two
 *   integer witnesses per small count before it is returned.
 * - Every hidden count reads `reason: "withheld"`, whatever its value: telling "fewer than k"
 *   from "k or more" would narrow the ranges above.
 * - Tables from separate calls are not protected together: publish a family from one call.
 *
 * @param cuts The tables to publish, each a list of dimensions (as `by` in {@link disaggregate}).
 * @returns One result per cut, in order — or, with `periods`, one per cut per period, cut by cut,
 * then level by level (in the order of `periods.levels`), then period by period.
 * @throws As {@link disaggregate} for a bad record, cut or `minCellSize`; RangeError for a record
 * without a `month` in the `periods`, or a family of more than 8 million finest cells.
 */
export function disaggregateMany(
  records: readonly DatedDisaggregationRecord[],
  cuts: readonly (readonly DisaggregationDimension[])[],
  options: DisaggregateManyOptions = {},
): LinkedDisaggregationResult[] {
  const minCellSize = checkedMinCellSize(options.minCellSize);
  const checkedCuts = cuts.map((cut) => checkedCut(cut, options));
  const family = familyOf(checkedCuts, options);
  const leafOfRecord = family.axes.map((axis) =>
    axis.dimension === "period"
      ? monthIndexer(axis)
      : indexerOf(axis.dimension as DisaggregationDimension, axis.leaves, options.age),
  );
  const table = linkTable(
    family.axes,
    family.patterns,
    records,
    (record, a) => (leafOfRecord[a] as (record: DatedDisaggregationRecord) => number)(record),
    weightOf,
  );
  const { hidden, witnesses } = protectLinked(table, minCellSize);
  const problems = widthProblems(table, hidden, witnesses, minCellSize);
  if (problems.length > 0) {
    throw new Error(`Protection audit failed (a defect, please report): ${problems[0]}`);
  }
  return family.tables.map((spec) =>
    publishTable(table, hidden, spec, family, minCellSize, options),
  );
}

/** An axis of the finest table, with the dimension whose records index it. */
interface FamilyAxis extends Axis {
  readonly dimension: Exclude<DisaggregationDimension, "region"> | "period";
}

/** A copy of a pattern's levels with one axis set. */
const withLevel = (levels: readonly number[], axis: number, level: number) =>
  levels.map((value, a) => (a === axis ? level : value));

interface TableSpec {
  readonly by: readonly DisaggregationDimension[];
  readonly period?: { readonly level: PeriodLevel; readonly code: string; readonly index: number };
}

interface Family {
  readonly axes: readonly FamilyAxis[];
  readonly periodAxis: number;
  readonly patterns: number[][];
  readonly patternIndex: Map<string, number>;
  readonly tables: readonly TableSpec[];
}

function familyOf(
  cuts: readonly (readonly DisaggregationDimension[])[],
  options: DisaggregateManyOptions,
): Family {
  const used = new Set(cuts.flat().map((d) => (d === "region" ? "location" : d)));
  const scheme = options.age?.scheme;
  const axes: FamilyAxis[] = disaggregationDimensions.flatMap((dimension) => {
    if (dimension === "region" || !used.has(dimension)) return [];
    const leaves = categoriesOf(dimension, scheme);
    const levels = [leafLevel(dimension, leaves)];
    if (dimension === "location") {
      levels.push(
        groupLevel("region", leaves, categoriesOf("region"), (leaf) =>
          leaf === unknownCategory ? unknownCategory : regionOf(leaf as LocationCode),
        ),
      );
    }
    return [{ name: dimension, dimension, leaves, levels }];
  });
  const periods = options.periods;
  const levels = periods ? [...(periods.levels ?? periodLevels)] : [];
  let periodAxis = -1;
  if (periods) {
    periodAxis = axes.push(periodAxisOf(periods.years)) - 1;
  }
  const patterns: number[][] = [];
  const patternIndex = new Map<string, number>();
  const addPattern = (levelOf: number[]) => {
    const key = levelOf.join(",");
    if (!patternIndex.has(key)) patternIndex.set(key, patterns.push(levelOf) - 1);
    // A region is the sum of its locations: its margin is always part of the system.
    const location = axes.findIndex((axis) => axis.dimension === "location");
    if (location >= 0 && levelOf[location] === 0) addPattern(withLevel(levelOf, location, 1));
  };
  const tables: TableSpec[] = [];
  for (const by of cuts) {
    const periodSpecs = periods
      ? levels.flatMap(
          (level) =>
            (axes[periodAxis] as FamilyAxis).levels[periodLevels.indexOf(level)]?.categories.map(
              (code, index) => ({ level, code, index }),
            ) ?? [],
        )
      : [undefined];
    for (const period of periodSpecs) {
      tables.push(period ? { by, period } : { by });
      const withPeriod = (levelOf: number[]) =>
        period ? withLevel(levelOf, periodAxis, periodLevels.indexOf(period.level)) : levelOf;
      addPattern(withPeriod(levelsOf(axes, by)));
      if (by.length >= 2) for (const d of by) addPattern(withPeriod(levelsOf(axes, [d])));
      addPattern(withPeriod(levelsOf(axes, [])));
    }
  }
  return { axes, periodAxis, patterns, patternIndex, tables };
}

/** The level of each axis a list of dimensions crosses (−1: added up). */
function levelsOf(axes: readonly FamilyAxis[], by: readonly DisaggregationDimension[]): number[] {
  return axes.map((axis) => {
    if (axis.dimension === "location") {
      if (by.includes("location")) return 0;
      return by.includes("region") ? 1 : -1;
    }
    return (by as readonly string[]).includes(axis.dimension) ? 0 : -1;
  });
}

function periodAxisOf(years: readonly number[]): FamilyAxis {
  if (
    years.length === 0 ||
    new Set(years).size !== years.length ||
    !years.every(Number.isInteger)
  ) {
    throw new RangeError(`periods.years must be distinct whole years, got ${years.join(", ")}`);
  }
  const sorted = [...years].sort((a, b) => a - b);
  const months = sorted.flatMap((year) =>
    Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, "0")}`),
  );
  const quarterOf = (month: string) =>
    `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5)) - 1) / 3) + 1}`;
  const quarters = sorted.flatMap((year) => [1, 2, 3, 4].map((q) => `${year}-Q${q}`));
  return {
    name: "period",
    dimension: "period",
    leaves: months,
    levels: [
      leafLevel("month", months),
      groupLevel("quarter", months, quarters, quarterOf),
      groupLevel("year", months, sorted.map(String), (month) => month.slice(0, 4)),
    ],
  };
}

function monthIndexer(axis: Axis): (record: DatedDisaggregationRecord) => number {
  const index = new Map(axis.leaves.map((month, i) => [month, i]));
  return (record) => {
    const i = record.month == null ? undefined : index.get(record.month);
    if (i === undefined) {
      throw new RangeError(
        `A record's month must be "YYYY-MM" in one of periods.years, got ${String(record.month)}`,
      );
    }
    return i;
  };
}

function publishTable(
  table: LinkedTable,
  hidden: readonly Uint8Array[],
  spec: TableSpec,
  family: Family,
  minCellSize: number,
  options: DisaggregateManyOptions,
): LinkedDisaggregationResult {
  const { axes, periodAxis, patternIndex } = family;
  const { by, period } = spec;
  const ageScheme = by.includes("ageBand") ? options.age?.scheme : undefined;
  const categories = by.map((d) => categoriesOf(d, ageScheme));
  /** A count of the table: the box of `by` at these category indices, in this table's period. */
  const publish = (
    dims: readonly DisaggregationDimension[],
    at: readonly number[],
  ): DisaggregationCell => {
    const names: Record<string, string> = {};
    dims.forEach((d, i) => {
      names[d] = categoriesOf(d, ageScheme)[at[i] as number] as string;
    });
    const key = names as DisaggregationCell["key"];
    let levelOf = levelsOf(axes, dims);
    if (period) levelOf = withLevel(levelOf, periodAxis, periodLevels.indexOf(period.level));
    const p = patternIndex.get(levelOf.join(",")) as number;
    const pattern = table.patterns[p] as (typeof table.patterns)[number];
    let box = period ? period.index * (pattern.strides[periodAxis] as number) : 0;
    for (const [i, d] of dims.entries()) {
      const a = axes.findIndex((axis) => axis.dimension === (d === "region" ? "location" : d));
      const level = pattern.levels[a] as number;
      const category = at[i] as number;
      if (d === "region" && level === 0) {
        // Location and region crossed: the region is the location's; any other is a known zero.
        const location = at[dims.indexOf("location")] as number;
        const regionLevel = (axes[a] as FamilyAxis).levels[1];
        if (regionLevel?.categoryOf[location] !== category)
          return { key, count: 0, suppressed: false };
        continue;
      }
      box += category * (pattern.strides[a] as number);
    }
    if ((hidden[p] as Uint8Array)[box]) {
      return { key, count: null, suppressed: true, reason: "withheld" };
    }
    return { key, count: (table.boxValues[p] as Int32Array)[box] as number, suppressed: false };
  };
  const strides = strideOf(categories.map((list) => list.length));
  const cellCount = by.length === 0 ? 0 : categories.reduce((n, list) => n * list.length, 1);
  const cells = Array.from({ length: cellCount }, (_, cell) =>
    publish(
      by,
      by.map(
        (_, d) => Math.floor(cell / (strides[d] as number)) % (categories[d] as string[]).length,
      ),
    ),
  );
  const margins: Partial<Record<DisaggregationDimension, DisaggregationCell[]>> = {};
  if (by.length >= 2) {
    by.forEach((d, i) => {
      margins[d] = (categories[i] as string[]).map((_, c) => publish([d], [c]));
    });
  }
  const { key: _key, ...total } = publish([], []);
  return {
    by,
    minCellSize,
    ...(ageScheme ? { ageScheme } : {}),
    cells,
    margins,
    total,
    ...(period ? { period: { level: period.level, code: period.code } } : {}),
  };
}
