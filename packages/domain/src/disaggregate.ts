import { activityTypes } from "./activities";
import { type AgeBandScheme, type AsOf, ageBandCodesOf } from "./age";
import { disabilityStatuses } from "./disability";
import {
  type DisaggregationDimension,
  type DisaggregationKey,
  type DisaggregationRecord,
  disaggregationDimensions,
  unknownCategory,
} from "./disaggregation-dimensions";
import { type Indexer, indexerOf, layOut, strideOf } from "./disaggregation-table";
import { genders } from "./gender";
import { locationCodes, programmeRegionCodes } from "./geography";
import { protect } from "./suppression";
import type { SuppressionReason } from "./suppression-reason";

/** The default small-cell threshold: counts of 1 to 4 are never shown. */
export const defaultMinCellSize = 5;

/** Options of {@link disaggregate}. */
export interface DisaggregationOptions {
  /** Dimensions to cross, in the order keys and cells are listed. May be empty (total only). */
  readonly by: readonly DisaggregationDimension[];
  /** Counts from 1 to `minCellSize − 1` are hidden. Default 5; must be an integer ≥ 3. */
  readonly minCellSize?: number | undefined;
  /** Required when counting by `ageBand`: the scheme, and the date or year ages are computed at. */
  readonly age?: { readonly scheme: AgeBandScheme; readonly asOf: AsOf } | undefined;
}

/** A published count: `count` is `null` exactly when `suppressed` is `true`. */
export interface DisaggregationCell {
  /** The cell's category in each dimension of the result, typed by dimension. */
  readonly key: DisaggregationKey;
  readonly count: number | null;
  readonly suppressed: boolean;
  /**
   * Why a count is hidden, which is also all it says about the count: `"below-threshold"` means
   * fewer than `minCellSize` (zero included: a zero is hidden when showing it would help recover a
   * neighbouring small count); `"complementary"` means at least `minCellSize`, hidden so that a
   * small count cannot be recovered by subtraction. `"withheld"` (every hidden count of
   * `disaggregateMany`) says nothing about the count.
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
  /** The number of records (the sum of their `count`s). */
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
    case "disability":
      return [...disabilityStatuses, unknownCategory];
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
 *   and by gender × activity) can undo the protection. One result is safe on its own, not beside
 *   others: to publish several tables or date windows, use `disaggregateMany` (a fixed family,
 *   protected together) or `perturbTable` (any cut, perturbed figures).

 *
 * - Crossing `location` with `region`, a location outside its region is a zero every reader knows:
 *   it is always shown, never hidden as a complement (it would protect nothing).
 * - Pre-counted records: a record with `count: n` counts as `n` records, with exactly the same
 *   result, so a caller that grouped rows in SQL passes one record per group.
 *
 * @throws TypeError for an unknown code in a record, a repeated dimension, or `ageBand` without
 * `options.age`; RangeError for an implausible birth year, a record `count` that is not a positive
 * integer, or a `minCellSize` below 3 (with 2, the reason alone would reveal a count of exactly 1).
 */
export function disaggregate(
  records: readonly DisaggregationRecord[],
  options: DisaggregationOptions,
): DisaggregationResult {
  const by = checkedCut(options.by, options);
  const minCellSize = checkedMinCellSize(options.minCellSize);
  const ageScheme = by.includes("ageBand") ? options.age?.scheme : undefined;
  const categories = by.map((dimension) => categoriesOf(dimension, ageScheme));
  const strides = strideOf(categories.map((list) => list.length));
  const cellCount = by.length === 0 ? 0 : categories.reduce((product, l) => product * l.length, 1);
  const cellCounts = new Array<number>(cellCount).fill(0);
  const indexers = by.map((dimension, d) =>
    indexerOf(dimension, categories[d] as readonly string[], options.age),
  );

  let total = 0;
  for (const record of records) {
    const weight = weightOf(record);
    total += weight;
    if (by.length === 0) continue;
    let cell = 0;
    for (let d = 0; d < by.length; d++) {
      cell += (indexers[d] as Indexer)(record) * (strides[d] as number);
    }
    cellCounts[cell] = (cellCounts[cell] as number) + weight;
  }

  const { counts, equations, marginStart, totalItem } = layOut(
    by,
    categories,
    strides,
    cellCounts,
    total,
  );
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

  const cells = new Array<DisaggregationCell>(cellCount);
  for (let cell = 0; cell < cellCount; cell++) {
    const key: Record<string, string> = {};
    for (let d = 0; d < by.length; d++) {
      const list = categories[d] as readonly string[];
      key[by[d] as DisaggregationDimension] = list[
        Math.floor(cell / (strides[d] as number)) % list.length
      ] as string;
    }
    cells[cell] = publish(cell, key as DisaggregationKey);
  }
  const margins: Partial<Record<DisaggregationDimension, DisaggregationCell[]>> = {};
  if (by.length >= 2) {
    by.forEach((dimension, d) => {
      const list = categories[d] as readonly string[];
      margins[dimension] = list.map((value, i) =>
        publish((marginStart[d] as number) + i, { [dimension]: value } as DisaggregationKey),
      );
    });
  }
  const { key: _key, ...totalCell } = publish(totalItem, {});
  return { by, minCellSize, ...(ageScheme ? { ageScheme } : {}), cells, margins, total: totalCell };
}

/** The small-cell threshold of the options, checked. @internal */
export function checkedMinCellSize(minCellSize = defaultMinCellSize): number {
  if (!Number.isInteger(minCellSize) || minCellSize < 3) {
    throw new RangeError(`minCellSize must be an integer of at least 3, got ${minCellSize}`);
  }
  return minCellSize;
}

/** A list of dimensions to cross, checked: known, not repeated, `ageBand` only with `age`. @internal */
export function checkedCut(
  cut: readonly DisaggregationDimension[],
  options: Pick<DisaggregationOptions, "age">,
): DisaggregationDimension[] {
  const by = [...cut];
  if (new Set(by).size !== by.length)
    throw new TypeError(`Repeated dimension in by: ${by.join(", ")}`);
  for (const dimension of by) {
    if (!(disaggregationDimensions as readonly string[]).includes(dimension)) {
      throw new TypeError(`Unknown dimension ${String(dimension)}`);
    }
  }
  if (by.includes("ageBand") && !options.age) {
    throw new TypeError("Counting by ageBand needs options.age ({ scheme, asOf })");
  }
  return by;
}

/** How many records a record stands for, checked. @internal */
export function weightOf(record: DisaggregationRecord): number {
  if (record.count === undefined) return 1;
  const { count } = record;
  if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 1) {
    throw new RangeError(
      `A record's count must be a positive integer (the number of records it stands for), got ${String(count)}`,
    );
  }
  return count;
}
