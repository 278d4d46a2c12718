import type { ActivityType } from "./activities";
import { activityTypes } from "./activities";
import { type AgeBandScheme, type AsOf, ageBandCodesOf, ageBandOf } from "./age";
import { type Gender, genders, normalizeGender } from "./gender";
import { type LocationCode, locationCodes, programmeRegionCodes, regionOf } from "./geography";
import { type Equation, protect, type SuppressionReason } from "./suppression";

/** Dimensions a disaggregation can count by. `location` is a country or a conflict context. */
export const disaggregationDimensions = [
  "gender",
  "ageBand",
  "location",
  "region",
  "activityType",
] as const;

/** One of {@link disaggregationDimensions}. */
export type DisaggregationDimension = (typeof disaggregationDimensions)[number];

/** The category for a missing location, region, activity type or age band (gender has its own "not-recorded"). */
export const unknownCategory = "unknown";

/** The default small-cell threshold: counts of 1 to 4 are never shown. */
export const defaultMinCellSize = 5;

/** A record to count: a participant, an attendance, an activity… Every field is optional. */
export interface DisaggregationRecord {
  readonly gender?: Gender | null;
  readonly birthYear?: number | null;
  /** An age band already computed in the scheme of `options.age.scheme`; wins over `birthYear`. */
  readonly ageBand?: string | null;
  readonly location?: LocationCode | null;
  readonly activityType?: ActivityType | null;
}

/** Options of {@link disaggregate}. */
export interface DisaggregationOptions {
  /** Dimensions to cross, in the order keys and cells are listed. May be empty (total only). */
  readonly by: readonly DisaggregationDimension[];
  /** Counts from 1 to `minCellSize − 1` are hidden. Default 5; must be an integer ≥ 3. */
  readonly minCellSize?: number;
  /** Required when counting by `ageBand`: the scheme, and the date or year ages are computed at. */
  readonly age?: { readonly scheme: AgeBandScheme; readonly asOf: AsOf };
}

/** A published count: `count` is `null` exactly when `suppressed` is `true`. */
export interface DisaggregationCell {
  readonly key: Partial<Record<DisaggregationDimension, string>>;
  readonly count: number | null;
  readonly suppressed: boolean;
  /**
   * Why a count is hidden, which is also all it says about the count: `"below-threshold"` means
   * fewer than `minCellSize` (zero included: a zero is hidden when showing it would help recover a
   * neighbouring small count); `"complementary"` means at least `minCellSize`, hidden so that a
   * small count cannot be recovered by subtraction.
   */
  readonly reason?: SuppressionReason;
}

/** A small-cell-safe disaggregation. Every number in it can be published together. */
export interface DisaggregationResult {
  readonly by: readonly DisaggregationDimension[];
  readonly minCellSize: number;
  /** The age-band scheme, when counting by `ageBand`. */
  readonly ageScheme?: AgeBandScheme;
  /** One cell per combination of categories (every category, even when empty), first dimension slowest. */
  readonly cells: readonly DisaggregationCell[];
  /**
   * With two or more dimensions, the total of each category of each dimension (e.g. all women,
   * whatever their activity); empty otherwise (with one dimension the cells are the margin).
   */
  readonly margins: Partial<Record<DisaggregationDimension, readonly DisaggregationCell[]>>;
  /** The number of records. */
  readonly total: {
    readonly count: number | null;
    readonly suppressed: boolean;
    readonly reason?: SuppressionReason;
  };
}

/** The categories of each dimension, every one listed even when empty; `unknown` last. */
export function categoriesOf(
  dimension: DisaggregationDimension,
  ageScheme?: AgeBandScheme,
): readonly string[] {
  switch (dimension) {
    case "gender":
      return genders;
    case "ageBand":
      if (!ageScheme) throw new TypeError("Counting by ageBand needs options.age.scheme");
      return ageBandCodesOf(ageScheme);
    case "location":
      return [...locationCodes, unknownCategory];
    case "region":
      return [...programmeRegionCodes, unknownCategory];
    case "activityType":
      return [...activityTypes, unknownCategory];
  }
}

/**
 * Counts records by any combination of gender, age band, location (country or conflict context),
 * programme region and activity type, hiding small counts so that no one can be singled out.
 *
 * - Nothing is lost or counted twice: each record lands in exactly one cell; a missing value goes
 *   to `"not-recorded"` (gender) or `"unknown"` (other dimensions). Abkhazia (`GE-AB`) is its own
 *   location and counts in the `south-caucasus` region, never inside Georgia.
 * - Counts from 1 to `minCellSize − 1` are hidden (`"below-threshold"`); zeros are shown.
 * - Complementary suppression: further counts are hidden until no hidden small count can be
 *   recovered from the published cells, margins and total — by subtraction along any margin,
 *   by chains or linear combinations of margins, or by reasoning on the ranges the published
 *   reasons give. Zeros are hidden first, then the smallest counts, then margins.
 * - Publish margins from the same result: combining results computed separately (say, by gender
 *   and by gender × activity) can undo the protection.
 *
 * @throws TypeError for an unknown code in a record, a repeated dimension, or `ageBand` without
 * `options.age`; RangeError for an implausible birth year or a `minCellSize` below 3 (with 2, the
 * reason alone would reveal a count of exactly 1).
 */
export function disaggregate(
  records: readonly DisaggregationRecord[],
  options: DisaggregationOptions,
): DisaggregationResult {
  const by = [...options.by];
  const minCellSize = options.minCellSize ?? defaultMinCellSize;
  if (!Number.isInteger(minCellSize) || minCellSize < 3) {
    throw new RangeError(`minCellSize must be an integer of at least 3, got ${minCellSize}`);
  }
  if (new Set(by).size !== by.length)
    throw new TypeError(`Repeated dimension in by: ${by.join(", ")}`);
  for (const dimension of by) {
    if (!(disaggregationDimensions as readonly string[]).includes(dimension)) {
      throw new TypeError(`Unknown dimension ${String(dimension)}`);
    }
  }
  const ageScheme = by.includes("ageBand") ? options.age?.scheme : undefined;
  if (by.includes("ageBand") && !options.age) {
    throw new TypeError("Counting by ageBand needs options.age ({ scheme, asOf })");
  }
  const categories = by.map((dimension) => categoriesOf(dimension, ageScheme));
  const indexOf = categories.map((list) => new Map(list.map((value, index) => [value, index])));
  const strides = strideOf(categories.map((list) => list.length));
  const cellCount = categories.reduce((product, list) => product * list.length, 1);
  const cellCounts = new Array<number>(by.length === 0 ? 0 : cellCount).fill(0);

  for (const record of records) {
    if (by.length === 0) continue;
    let cell = 0;
    by.forEach((dimension, d) => {
      const value = categoryOf(record, dimension, options.age);
      const index = indexOf[d]?.get(value);
      if (index === undefined) throw new TypeError(`Unknown ${dimension} "${value}" in a record`);
      cell += index * (strides[d] as number);
    });
    cellCounts[cell] = (cellCounts[cell] as number) + 1;
  }

  // Lay out every published count: cells, then each dimension's margin, then the total.
  const counts = [...cellCounts];
  const equations: Equation[] = [];
  const marginStart: number[] = [];
  if (by.length >= 2) {
    by.forEach((_, d) => {
      marginStart[d] = counts.length;
      const children = (categories[d] as readonly string[]).map(() => [] as number[]);
      for (let cell = 0; cell < cellCount; cell++) {
        const value =
          Math.floor(cell / (strides[d] as number)) % (categories[d] as readonly string[]).length;
        children[value]?.push(cell);
      }
      for (const cells of children) {
        const parent =
          counts.push(cells.reduce((sum, cell) => sum + (cellCounts[cell] as number), 0)) - 1;
        equations.push({ parent, children: cells });
      }
    });
  }
  const total = counts.push(records.length) - 1;
  if (by.length >= 1)
    equations.push({ parent: total, children: cellCounts.map((_, cell) => cell) });
  by.forEach((_, d) => {
    if (by.length < 2) return;
    const start = marginStart[d] as number;
    const size = (categories[d] as readonly string[]).length;
    equations.push({ parent: total, children: Array.from({ length: size }, (_, i) => start + i) });
  });

  const { suppressed, reasons } = protect(counts, equations, minCellSize);
  const publish = (item: number, key: DisaggregationCell["key"]): DisaggregationCell => {
    const hidden = suppressed[item] === true;
    const reason = reasons[item];
    return {
      key,
      count: hidden ? null : (counts[item] as number),
      suppressed: hidden,
      ...(hidden && reason ? { reason } : {}),
    };
  };

  const cells = cellCounts.map((_, cell) => {
    const key: Partial<Record<DisaggregationDimension, string>> = {};
    by.forEach((dimension, d) => {
      const list = categories[d] as readonly string[];
      key[dimension] = list[Math.floor(cell / (strides[d] as number)) % list.length] as string;
    });
    return publish(cell, key);
  });
  const margins: Partial<Record<DisaggregationDimension, DisaggregationCell[]>> = {};
  if (by.length >= 2) {
    by.forEach((dimension, d) => {
      const list = categories[d] as readonly string[];
      margins[dimension] = list.map((value, i) =>
        publish((marginStart[d] as number) + i, { [dimension]: value }),
      );
    });
  }
  const { key: _key, ...totalCell } = publish(total, {});
  return { by, minCellSize, ...(ageScheme ? { ageScheme } : {}), cells, margins, total: totalCell };
}

function strideOf(sizes: readonly number[]): number[] {
  const strides = new Array<number>(sizes.length).fill(1);
  for (let d = sizes.length - 2; d >= 0; d--) {
    strides[d] = (strides[d + 1] as number) * (sizes[d + 1] as number);
  }
  return strides;
}

function categoryOf(
  record: DisaggregationRecord,
  dimension: DisaggregationDimension,
  age: DisaggregationOptions["age"],
): string {
  switch (dimension) {
    case "gender":
      return normalizeGender(record.gender);
    case "ageBand":
      if (!age) throw new TypeError("Counting by ageBand needs options.age ({ scheme, asOf })");
      return record.ageBand ?? ageBandOf(record.birthYear, age);
    case "location":
      return record.location ?? unknownCategory;
    case "region":
      if (record.location == null) return unknownCategory;
      if (!(locationCodes as readonly string[]).includes(record.location)) {
        throw new TypeError(`Unknown location "${record.location}" in a record`);
      }
      return regionOf(record.location);
    case "activityType":
      return record.activityType ?? unknownCategory;
  }
}
