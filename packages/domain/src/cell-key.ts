import type { AgeBandScheme, AsOf } from "./age";
import {
  categoriesOf,
  checkedCut,
  checkedMinCellSize,
  type DisaggregationCell,
  weightOf,
} from "./disaggregate";
import type { DisaggregationDimension, DisaggregationRecord } from "./disaggregation-dimensions";
import { type Indexer, indexerOf, strideOf } from "./disaggregation-table";

/**
 * Record keys are whole numbers from 0 to `cellKeyModulus − 1` (2³²), and a cell's key is the sum
 * of its records' keys modulo `cellKeyModulus`.
 */
export const cellKeyModulus = 2 ** 32;

/** The default largest change a perturbation makes to a count of `minCellSize` or more. */
export const defaultMaxPerturbation = 2;

/**
 * A record of an exploration table: a {@link DisaggregationRecord} with its permanent cell key.
 */
export interface KeyedDisaggregationRecord extends DisaggregationRecord {
  /**
   * The record's permanent random key, a whole number in `[0, cellKeyModulus)` drawn once (see
   * {@link randomCellKey}) and stored with the person, never redrawn. For a pre-counted record
   * (`count: n`), the sum of its n records' keys modulo {@link cellKeyModulus} — in SQL,
   * `SUM(cell_key) % 4294967296` per group (the sum of up to 2²¹ keys fits a `bigint`).
   */
  readonly cellKey: number;
}

/** Options of {@link perturbTable}. */
export interface PerturbationOptions {
  /** Dimensions to cross, as in `disaggregate`. */
  readonly by: readonly DisaggregationDimension[];
  /** True counts from 1 to `minCellSize − 1` are never shown as themselves. Default 5; an integer ≥ 3. */
  readonly minCellSize?: number | undefined;
  /** Required when counting by `ageBand`. */
  readonly age?: { readonly scheme: AgeBandScheme; readonly asOf: AsOf } | undefined;
  /** The largest change made to a count of `minCellSize` or more (D). Default 2; an integer 1–5. */
  readonly maxPerturbation?: number | undefined;
}

/** A perturbed figure: close to the true count, never the true count of a small group. */
export interface PerturbedCell {
  readonly key: DisaggregationCell["key"];
  readonly count: number;
  readonly perturbed: true;
}

/**
 * An exploration table. Every figure is perturbed: margins and the total are perturbed on their
 * own, so they need not equal the sum of the cells they cover — say so wherever it is shown.
 */
export interface PerturbedTable {
  readonly by: readonly DisaggregationDimension[];
  readonly minCellSize: number;
  readonly maxPerturbation: number;
  readonly ageScheme?: AgeBandScheme;
  readonly cells: readonly PerturbedCell[];
  /** With two or more dimensions, each category's figure, perturbed on its own (not additive). */
  readonly margins: Partial<Record<DisaggregationDimension, readonly PerturbedCell[]>>;
  readonly total: { readonly count: number; readonly perturbed: true };
  readonly perturbed: true;
}

/**
 * A new record key: 32 random bits from the Web Crypto API (`globalThis.crypto`, in browsers and
 * Node ≥ 19). Draw it once per person and store it; a new key per query would let readers average
 * the noise away.
 */
export function randomCellKey(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0] as number;
}

/**
 * The perturbation table of the cell-key method (Australian Bureau of Statistics, TableBuilder):
 * the published figure for a true count and a cell key. Fixed: the same count and key always give
 * the same figure. With u = cellKey / 2³² read as a uniform draw:
 *
 * - 0 stays 0 (an empty cell is shown empty);
 * - a count n from 1 to k−1 (k = `minCellSize`) is shown as k with probability n / k, else as 0:
 *   never as itself, never as any value from 1 to k−1, and right on average;
 * - a count n ≥ k moves by d, |d| ≤ m with m = min(D, n − k), with weights m + 1 − |d| (a
 *   triangle): right on average, never below k. For n ≥ k + D the variance is D(D + 2)/6 — for
 *   D = 2, weights 1, 2, 3, 2, 1 over −2…2, variance 12/9 ≈ 1.33.
 */
export function perturbedCount(
  count: number,
  cellKey: number,
  options: { readonly minCellSize?: number; readonly maxPerturbation?: number } = {},
): number {
  const k = checkedMinCellSize(options.minCellSize);
  const D = checkedMaxPerturbation(options.maxPerturbation);
  const u = cellKey / cellKeyModulus;
  if (count === 0) return 0;
  if (count < k) return u < count / k ? k : 0;
  const m = Math.min(D, count - k);
  // Inverse of the triangle's distribution function over −m…m; total weight (m + 1)².
  let below = u * (m + 1) ** 2;
  for (let d = -m; d < m; d++) {
    below -= m + 1 - Math.abs(d);
    if (below < 0) return count + d;
  }
  return count + m;
}

/**
 * Counts records like `disaggregate`, then perturbs every figure with the cell-key method, for
 * free exploration (any cut, any date window): the same group of people always shows the same
 * figure — in any table, any call, any window that holds exactly them — so differencing two tables
 * yields noise, not a person. No true count from 1 to `minCellSize − 1` is ever shown as itself.
 * Figures are perturbed and margins are not additive: label every such table so (e.g. "figures
 * are randomly adjusted by up to ±2 to protect privacy; totals may not add up"). Nothing is
 * suppressed. For formal reports, use {@link disaggregateMany}.
 *
 * @throws As `disaggregate`; TypeError for a record without a whole `cellKey` in
 * `[0, cellKeyModulus)`; RangeError for a `maxPerturbation` outside 1–5.
 */
export function perturbTable(
  records: readonly KeyedDisaggregationRecord[],
  options: PerturbationOptions,
): PerturbedTable {
  const by = checkedCut(options.by, options);
  const minCellSize = checkedMinCellSize(options.minCellSize);
  const maxPerturbation = checkedMaxPerturbation(options.maxPerturbation);
  const ageScheme = by.includes("ageBand") ? options.age?.scheme : undefined;
  const categories = by.map((d) => categoriesOf(d, ageScheme));
  const strides = strideOf(categories.map((list) => list.length));
  const cellCount = by.length === 0 ? 0 : categories.reduce((n, list) => n * list.length, 1);
  const indexers: Indexer[] = by.map((d, i) =>
    indexerOf(d, categories[i] as string[], options.age),
  );
  const cells = new Tally(cellCount);
  const margins = categories.map((list) => new Tally(list.length));
  const total = new Tally(1);
  for (const record of records) {
    const weight = weightOf(record);
    const key = checkedCellKey(record.cellKey);
    total.add(0, weight, key);
    if (by.length === 0) continue;
    let cell = 0;
    indexers.forEach((indexOf, d) => {
      const category = indexOf(record);
      cell += category * (strides[d] as number);
      margins[d]?.add(category, weight, key);
    });
    cells.add(cell, weight, key);
  }
  const perturb = { minCellSize, maxPerturbation };
  const publish = (tally: Tally, i: number, key: DisaggregationCell["key"]): PerturbedCell => ({
    key,
    count: perturbedCount(tally.counts[i] as number, tally.keys[i] as number, perturb),
    perturbed: true,
  });
  const keyOf = (dims: readonly DisaggregationDimension[], at: readonly number[]) =>
    Object.fromEntries(
      dims.map((d, i) => [d, (categories[by.indexOf(d)] as string[])[at[i] as number]]),
    ) as DisaggregationCell["key"];
  const perturbedMargins: Partial<Record<DisaggregationDimension, PerturbedCell[]>> = {};
  if (by.length >= 2) {
    by.forEach((d, i) => {
      perturbedMargins[d] = (categories[i] as string[]).map((_, c) =>
        publish(margins[i] as Tally, c, keyOf([d], [c])),
      );
    });
  }
  return {
    by,
    minCellSize,
    maxPerturbation,
    ...(ageScheme ? { ageScheme } : {}),
    cells: Array.from({ length: cellCount }, (_, cell) =>
      publish(
        cells,
        cell,
        keyOf(
          by,
          by.map(
            (_, d) =>
              Math.floor(cell / (strides[d] as number)) % (categories[d] as string[]).length,
          ),
        ),
      ),
    ),
    margins: perturbedMargins,
    total: { count: publish(total, 0, {}).count, perturbed: true },
    perturbed: true,
  };
}

/** Counts and key sums (modulo {@link cellKeyModulus}) per cell. */
class Tally {
  readonly counts: Float64Array;
  readonly keys: Float64Array;
  constructor(size: number) {
    this.counts = new Float64Array(size);
    this.keys = new Float64Array(size);
  }
  add(i: number, weight: number, key: number): void {
    this.counts[i] = (this.counts[i] as number) + weight;
    this.keys[i] = ((this.keys[i] as number) + key) % cellKeyModulus;
  }
}

function checkedCellKey(key: unknown): number {
  if (typeof key !== "number" || !Number.isInteger(key) || key < 0 || key >= cellKeyModulus) {
    throw new TypeError(
      `A record's cellKey must be a whole number in [0, 2^32), got ${String(key)}`,
    );
  }
  return key;
}

function checkedMaxPerturbation(maxPerturbation = defaultMaxPerturbation): number {
  if (!Number.isInteger(maxPerturbation) || maxPerturbation < 1 || maxPerturbation > 5) {
    throw new RangeError(`maxPerturbation must be an integer from 1 to 5, got ${maxPerturbation}`);
  }
  return maxPerturbation;
}
