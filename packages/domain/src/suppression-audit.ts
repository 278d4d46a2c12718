/**
 * The audit of a suppression pattern: which hidden counts a reader can pin to a single value.
 * Internal to the package (see suppression.ts for the reader's knowledge and the loop around it).
 *
 * Only hidden counts are unknowns. A visible count is a constant, so each equation reduces to
 * `Σ ± hidden = constant`, and both attacks below work on the hidden members alone: their cost
 * grows with the number of hidden counts, not with the size of the table (which is mostly
 * visible, often zero, cells).
 */
import type { SuppressionReason } from "./suppression-reason";

/** Counts and their equations (`parent = Σ children`) as flat arrays, indexed both ways. */
export interface LinkedCounts {
  readonly counts: readonly number[];
  /** Equation → its parent count. */
  readonly parentOf: Int32Array;
  /** Equation e's children are `children[childStart[e] … childStart[e + 1] − 1]`. */
  readonly childStart: Int32Array;
  readonly children: Int32Array;
  /** Count i is a member of equations `equationList[equationStart[i] … equationStart[i + 1] − 1]`. */
  readonly equationStart: Int32Array;
  readonly equationList: Int32Array;
}

/** Hidden counts from 1 to `minCellSize − 1` that a reader can pin to one value, ascending. */
export function exposedCounts(
  system: LinkedCounts,
  suppressed: readonly boolean[],
  reasons: readonly (SuppressionReason | undefined)[],
  minCellSize: number,
): number[] {
  const { counts } = system;
  const hidden: number[] = [];
  let small = 0;
  for (let item = 0; item < counts.length; item++) {
    if (!suppressed[item]) continue;
    hidden.push(item);
    const count = counts[item] as number;
    if (count >= 1 && count < minCellSize) small++;
  }
  // Only counts of people need protecting: a hidden zero that can be worked out reveals no one.
  if (small === 0) return [];
  const reduced = reduce(system, hidden);
  const pinned = new Uint8Array(hidden.length);
  pinnedByRanges(reduced, hidden, reasons, minCellSize, pinned);
  determinedLinearly(reduced, hidden.length, pinned);
  const exposed: number[] = [];
  hidden.forEach((item, h) => {
    const count = counts[item] as number;
    if (pinned[h] && count >= 1 && count < minCellSize) exposed.push(item);
  });
  return exposed;
}

/**
 * The equations restricted to hidden counts: equation r reads
 * `Σ sign[k] · x[member[k]] = constant[r]` for k in `start[r] … start[r + 1] − 1`, where x is
 * indexed by position in `hidden`, the sign is +1 for the parent and −1 for a child. Equations
 * without a hidden member say nothing about the unknowns and are left out.
 */
interface Reduced {
  readonly rows: number;
  readonly start: Int32Array;
  readonly member: Int32Array;
  readonly sign: Int8Array;
  readonly constant: Float64Array;
  /** Hidden count h is in rows `rowList[rowStart[h] … rowStart[h + 1] − 1]`. */
  readonly rowStart: Int32Array;
  readonly rowList: Int32Array;
}

function reduce(system: LinkedCounts, hidden: readonly number[]): Reduced {
  const { equationStart, equationList, parentOf, counts } = system;
  const equations = parentOf.length;
  const size = new Int32Array(equations);
  for (const item of hidden) {
    for (let k = equationStart[item] as number; k < (equationStart[item + 1] as number); k++) {
      const e = equationList[k] as number;
      size[e] = (size[e] as number) + 1;
    }
  }
  const rowOf = new Int32Array(equations).fill(-1);
  let rows = 0;
  for (let e = 0; e < equations; e++) if ((size[e] as number) > 0) rowOf[e] = rows++;
  const start = new Int32Array(rows + 1);
  for (let e = 0; e < equations; e++) {
    const r = rowOf[e] as number;
    if (r >= 0) start[r + 1] = (start[r] as number) + (size[e] as number);
  }
  const entries = start[rows] as number;
  const member = new Int32Array(entries);
  const sign = new Int8Array(entries);
  const constant = new Float64Array(rows);
  const rowStart = new Int32Array(hidden.length + 1);
  const rowList = new Int32Array(entries);
  const fill = start.slice(0, rows);
  hidden.forEach((item, h) => {
    rowStart[h + 1] =
      (rowStart[h] as number) +
      (equationStart[item + 1] as number) -
      (equationStart[item] as number);
    let j = rowStart[h] as number;
    for (let k = equationStart[item] as number; k < (equationStart[item + 1] as number); k++) {
      const e = equationList[k] as number;
      const r = rowOf[e] as number;
      const s = parentOf[e] === item ? 1 : -1;
      const at = fill[r] as number;
      fill[r] = at + 1;
      member[at] = h;
      sign[at] = s;
      // The data is consistent, so the visible members' share of the equation equals the hidden
      // members' true share: the constant needs only the hidden counts.
      constant[r] = (constant[r] as number) + s * (counts[item] as number);
      rowList[j++] = r;
    }
  });
  return { rows, start, member, sign, constant, rowStart, rowList };
}

/**
 * Range reasoning: propagate [low, high] bounds through every equation to a fixed point (a work
 * list revisits only the equations of a count whose bounds moved). The fixed point is the same
 * whatever the order of visits; it marks the hidden counts whose range shrank to one value.
 */
function pinnedByRanges(
  reduced: Reduced,
  hidden: readonly number[],
  reasons: readonly (SuppressionReason | undefined)[],
  minCellSize: number,
  pinned: Uint8Array,
): void {
  const { rows, start, member, sign, constant, rowStart, rowList } = reduced;
  const low = new Float64Array(hidden.length);
  const high = new Float64Array(hidden.length);
  hidden.forEach((item, h) => {
    const complementary = reasons[item] === "complementary";
    low[h] = complementary ? minCellSize : 0;
    high[h] = complementary ? Number.POSITIVE_INFINITY : minCellSize - 1;
  });
  const queue = Array.from({ length: rows }, (_, r) => r);
  const queued = new Uint8Array(rows).fill(1);
  // Bounds only tighten and are integers, so this converges; the cap guards pathological input.
  let budget = 10_000 * Math.max(rows, 1);
  for (let head = 0; head < queue.length && budget > 0; head++, budget--) {
    const r = queue[head] as number;
    queued[r] = 0;
    // The terms sign·x range over [minSum, maxSum]; infinite ends are counted apart.
    let minSum = 0;
    let maxSum = 0;
    let minInfinite = 0;
    let maxInfinite = 0;
    for (let k = start[r] as number; k < (start[r + 1] as number); k++) {
      const h = member[k] as number;
      const lo = low[h] as number;
      const hi = high[h] as number;
      if (sign[k] === 1) {
        minSum += lo;
        if (hi === Number.POSITIVE_INFINITY) maxInfinite++;
        else maxSum += hi;
      } else {
        maxSum -= lo;
        if (hi === Number.POSITIVE_INFINITY) minInfinite++;
        else minSum -= hi;
      }
    }
    const c = constant[r] as number;
    for (let k = start[r] as number; k < (start[r + 1] as number); k++) {
      const h = member[k] as number;
      const lo = low[h] as number;
      const hi = high[h] as number;
      const infinite = hi === Number.POSITIVE_INFINITY;
      const plus = sign[k] === 1;
      // Range of the other terms.
      const othersMin =
        minInfinite - (!plus && infinite ? 1 : 0) > 0
          ? Number.NEGATIVE_INFINITY
          : minSum - (plus ? lo : infinite ? 0 : -hi);
      const othersMax =
        maxInfinite - (plus && infinite ? 1 : 0) > 0
          ? Number.POSITIVE_INFINITY
          : maxSum - (plus ? (infinite ? 0 : hi) : -lo);
      // sign·x = c − others.
      const newLow = plus ? c - othersMax : othersMin - c;
      const newHigh = plus ? c - othersMin : othersMax - c;
      let moved = false;
      if (newLow > lo) {
        low[h] = newLow;
        moved = true;
      }
      if (newHigh < hi) {
        high[h] = newHigh;
        moved = true;
      }
      if (!moved) continue;
      for (let j = rowStart[h] as number; j < (rowStart[h + 1] as number); j++) {
        const next = rowList[j] as number;
        if (!queued[next]) {
          queued[next] = 1;
          queue.push(next);
        }
      }
    }
  }
  for (let h = 0; h < hidden.length; h++) if (low[h] === high[h]) pinned[h] = 1;
}

// Two primes below 2^26, so products stay exact in a double. A combination that determines a
// count over the rationals determines it modulo any prime; checking two primes makes a spurious
// miss (a prime dividing the relevant minor) practically impossible.
const primes = [67_108_859, 67_108_837];

/**
 * Linear reasoning: a hidden count is fixed by some combination of the equations exactly when its
 * unit vector lies in their row space — read off the reduced row echelon form modulo each prime.
 * There are few equations (one per category of each dimension, plus the totals), so the matrix is
 * short and as wide as the number of hidden counts.
 */
function determinedLinearly(reduced: Reduced, width: number, pinned: Uint8Array): void {
  const { rows, start, member, sign } = reduced;
  for (const prime of primes) {
    const matrix: Float64Array[] = [];
    for (let r = 0; r < rows; r++) {
      const row = new Float64Array(width);
      for (let k = start[r] as number; k < (start[r + 1] as number); k++) {
        const h = member[k] as number;
        row[h] = ((row[h] as number) + (sign[k] === 1 ? 1 : prime - 1)) % prime;
      }
      matrix.push(row);
    }
    for (const column of determinedColumns(matrix, width, prime)) pinned[column] = 1;
  }
}

/** Columns whose unit vector lies in the row space, via reduced row echelon form modulo `prime`. */
function determinedColumns(rows: Float64Array[], width: number, prime: number): number[] {
  const pivotColumns: number[] = [];
  let rank = 0;
  for (let col = 0; col < width && rank < rows.length; col++) {
    let pivot = rank;
    while (pivot < rows.length && (rows[pivot] as Float64Array)[col] === 0) pivot++;
    if (pivot === rows.length) continue;
    [rows[rank], rows[pivot]] = [rows[pivot] as Float64Array, rows[rank] as Float64Array];
    const pivotRow = rows[rank] as Float64Array;
    const inverse = modInverse(pivotRow[col] as number, prime);
    for (let c = col; c < width; c++) pivotRow[c] = ((pivotRow[c] as number) * inverse) % prime;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as Float64Array;
      const factor = row[col] as number;
      if (r === rank || factor === 0) continue;
      for (let c = col; c < width; c++) {
        const p = pivotRow[c] as number;
        if (p === 0) continue;
        const value = (row[c] as number) - ((factor * p) % prime);
        row[c] = value < 0 ? value + prime : value;
      }
    }
    pivotColumns.push(col);
    rank++;
  }
  const determined: number[] = [];
  pivotColumns.forEach((col, r) => {
    const row = rows[r] as Float64Array;
    for (let c = col + 1; c < width; c++) if (row[c] !== 0) return;
    determined.push(col);
  });
  return determined;
}

function modInverse(value: number, prime: number): number {
  let result = 1;
  let base = value % prime;
  for (let exponent = prime - 2; exponent > 0; exponent = Math.floor(exponent / 2)) {
    if (exponent % 2 === 1) result = (result * base) % prime;
    base = (base * base) % prime;
  }
  return result;
}
