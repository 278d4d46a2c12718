/**
 * Small-cell protection for a table of counts linked by additive equations (cells, margins,
 * total). Internal to the package: `disaggregate` is the public entry point.
 *
 * What a reader of a published table knows, and what this module protects against:
 * - every visible count exactly;
 * - every equation "parent = sum of children" (a margin is the sum of its cells, the total the sum
 *   of the cells and of each dimension's margins);
 * - for every hidden count, the range its published reason gives: "below-threshold" means
 *   0 ≤ count < minCellSize (hidden zeros included), "complementary" means count ≥ minCellSize.
 *
 * From that a reader may subtract along any equation, chain subtractions, combine equations
 * linearly, and narrow ranges. The loop below hides more counts until none of those lines of attack
 * pins a hidden count below minCellSize to a single value.
 */

/** Why a count is hidden: the range it lies in. */
export type SuppressionReason = "below-threshold" | "complementary";

/** `parent = Σ children`, as indices into the table's counts. */
export interface Equation {
  readonly parent: number;
  readonly children: readonly number[];
}

/** Which counts to hide, and why. */
export interface Protection {
  readonly suppressed: readonly boolean[];
  readonly reasons: readonly (SuppressionReason | undefined)[];
}

/**
 * Hides every count in 1..minCellSize−1, then hides further counts (zeros first, then the smallest
 * positive children, then the parent) until no count below `minCellSize` can be pinned down.
 */
export function protect(
  counts: readonly number[],
  equations: readonly Equation[],
  minCellSize: number,
): Protection {
  const suppressed = counts.map(() => false);
  const reasons: (SuppressionReason | undefined)[] = counts.map(() => undefined);
  const equationsOf: number[][] = counts.map(() => []);
  equations.forEach((equation, index) => {
    for (const member of membersOf(equation)) equationsOf[member]?.push(index);
  });

  const hide = (item: number) => {
    suppressed[item] = true;
    reasons[item] = (counts[item] ?? 0) < minCellSize ? "below-threshold" : "complementary";
  };

  for (const [item, count] of counts.entries()) {
    if (count >= 1 && count < minCellSize) hide(item);
  }

  for (;;) {
    hideLoneSuppressions(counts, equations, equationsOf, suppressed, hide);
    const exposed = findExposed(counts, equations, suppressed, reasons, minCellSize);
    let progress = false;
    for (const item of exposed) {
      const complement = nearestComplement(item, counts, equations, equationsOf, suppressed);
      if (complement !== undefined) {
        hide(complement);
        progress = true;
      }
    }
    if (!progress) return { suppressed, reasons };
  }
}

function membersOf(equation: Equation): number[] {
  return [equation.parent, ...equation.children];
}

/**
 * The visible member of an equation that is cheapest to hide. Cheapest means, in order: it leaves
 * the fewest of its other equations with a lone hidden member (each would need yet another
 * complement), it is a zero (hiding one costs a reader almost nothing), it is a small child rather
 * than a large one, it is a child rather than the parent.
 */
function pickComplement(
  equation: Equation,
  counts: readonly number[],
  suppressed: readonly boolean[],
  equations: readonly Equation[],
  equationsOf: readonly number[][],
): number | undefined {
  let best: number | undefined;
  let bestRank: readonly number[] = [];
  const members = [...equation.children, equation.parent];
  members.forEach((member, position) => {
    if (suppressed[member]) return;
    const count = counts[member] ?? 0;
    const newLoneEquations = (equationsOf[member] ?? []).filter((index) => {
      const other = equations[index] as Equation;
      return other !== equation && hiddenCount(other, suppressed) === 0;
    }).length;
    const isParent = position === members.length - 1 ? 1 : 0;
    const rank = [newLoneEquations, count === 0 ? 0 : 1, isParent, count, position];
    if (best === undefined || isBefore(rank, bestRank)) {
      best = member;
      bestRank = rank;
    }
  });
  return best;
}

function isBefore(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) < (b[i] as number);
  }
  return false;
}

/** Classic secondary suppression: no equation may have exactly one hidden member. */
function hideLoneSuppressions(
  counts: readonly number[],
  equations: readonly Equation[],
  equationsOf: readonly number[][],
  suppressed: readonly boolean[],
  hide: (item: number) => void,
): void {
  const queue = equations.map((_, index) => index);
  const queued = equations.map(() => true);
  while (queue.length > 0) {
    const index = queue.pop() as number;
    queued[index] = false;
    const equation = equations[index] as Equation;
    const hidden = membersOf(equation).filter((member) => suppressed[member]);
    // A lone hidden zero gives away only a zero; if that zero was protecting a small count, the
    // audit below notices the small count is exposed and hides more.
    if (hidden.length !== 1 || counts[hidden[0] as number] === 0) continue;
    const complement = pickComplement(equation, counts, suppressed, equations, equationsOf);
    if (complement === undefined) continue;
    hide(complement);
    for (const next of equationsOf[complement] ?? []) {
      if (!queued[next]) {
        queued[next] = true;
        queue.push(next);
      }
    }
  }
}

/** A visible count to hide for `item`, searching its equations, then theirs, breadth first. */
function nearestComplement(
  item: number,
  counts: readonly number[],
  equations: readonly Equation[],
  equationsOf: readonly number[][],
  suppressed: readonly boolean[],
): number | undefined {
  const seen = new Set([item]);
  let frontier = [item];
  while (frontier.length > 0) {
    const next: number[] = [];
    const candidates = frontier
      .flatMap((member) => equationsOf[member] ?? [])
      .map((index) => equations[index] as Equation)
      // Equations with few hidden members are the ones the reader exploits.
      .sort((a, b) => hiddenCount(a, suppressed) - hiddenCount(b, suppressed));
    for (const equation of candidates) {
      const complement = pickComplement(equation, counts, suppressed, equations, equationsOf);
      if (complement !== undefined) return complement;
      for (const member of membersOf(equation)) {
        if (!seen.has(member)) {
          seen.add(member);
          next.push(member);
        }
      }
    }
    frontier = next;
  }
  return undefined;
}

function hiddenCount(equation: Equation, suppressed: readonly boolean[]): number {
  return membersOf(equation).filter((member) => suppressed[member]).length;
}

/** Hidden counts from 1 to `minCellSize − 1` that a reader can pin to one value. */
function findExposed(
  counts: readonly number[],
  equations: readonly Equation[],
  suppressed: readonly boolean[],
  reasons: readonly (SuppressionReason | undefined)[],
  minCellSize: number,
): number[] {
  const pinned = new Set([
    ...pinnedByRanges(counts, equations, suppressed, reasons, minCellSize),
    ...determinedLinearly(equations, suppressed),
  ]);
  // Only counts of people need protecting: a hidden zero that can be worked out reveals no one.
  return [...pinned]
    .filter((item) => (counts[item] ?? 0) >= 1 && (counts[item] ?? 0) < minCellSize)
    .sort((a, b) => a - b);
}

/** Range reasoning: propagate [low, high] bounds through every equation to a fixed point. */
function pinnedByRanges(
  counts: readonly number[],
  equations: readonly Equation[],
  suppressed: readonly boolean[],
  reasons: readonly (SuppressionReason | undefined)[],
  minCellSize: number,
): number[] {
  const low = counts.map((count, item) => {
    if (!suppressed[item]) return count;
    return reasons[item] === "complementary" ? minCellSize : 0;
  });
  const high = counts.map((count, item) => {
    if (!suppressed[item]) return count;
    return reasons[item] === "complementary" ? Number.POSITIVE_INFINITY : minCellSize - 1;
  });
  // Bounds only tighten and are integers, so this converges; the cap guards pathological input.
  for (let pass = 0, changed = true; changed && pass < 10_000; pass++) {
    changed = false;
    for (const { parent, children } of equations) {
      let sumLow = 0;
      let finiteHigh = 0;
      let infiniteHighs = 0;
      for (const child of children) {
        sumLow += low[child] as number;
        const hi = high[child] as number;
        if (hi === Number.POSITIVE_INFINITY) infiniteHighs++;
        else finiteHigh += hi;
      }
      const tighten = (item: number, lo: number, hi: number) => {
        if (lo > (low[item] as number)) {
          low[item] = lo;
          changed = true;
        }
        if (hi < (high[item] as number)) {
          high[item] = hi;
          changed = true;
        }
      };
      tighten(parent, sumLow, infiniteHighs > 0 ? Number.POSITIVE_INFINITY : finiteHigh);
      for (const child of children) {
        const hi = high[child] as number;
        const isInfinite = hi === Number.POSITIVE_INFINITY;
        const othersHigh =
          infiniteHighs - (isInfinite ? 1 : 0) > 0
            ? Number.POSITIVE_INFINITY
            : finiteHigh - (isInfinite ? 0 : hi);
        const othersLow = sumLow - (low[child] as number);
        tighten(child, (low[parent] as number) - othersHigh, (high[parent] as number) - othersLow);
      }
    }
  }
  return counts.flatMap((_, item) => (suppressed[item] && low[item] === high[item] ? [item] : []));
}

// Two primes below 2^26, so products stay exact in a double. A combination that determines a
// count over the rationals determines it modulo any prime; checking two primes makes a spurious
// miss (a prime dividing the relevant minor) practically impossible.
const primes = [67_108_859, 67_108_837];

/** Linear reasoning: hidden counts fixed by some combination of the equations. */
function determinedLinearly(
  equations: readonly Equation[],
  suppressed: readonly boolean[],
): number[] {
  const unknowns = suppressed.flatMap((hidden, item) => (hidden ? [item] : []));
  if (unknowns.length === 0) return [];
  const column = new Map(unknowns.map((item, index) => [item, index]));
  const rows: number[][] = [];
  for (const { parent, children } of equations) {
    const row = new Array<number>(unknowns.length).fill(0);
    let used = false;
    const add = (item: number, coefficient: number) => {
      const index = column.get(item);
      if (index === undefined) return;
      row[index] = (row[index] as number) + coefficient;
      used = true;
    };
    add(parent, 1);
    for (const child of children) add(child, -1);
    if (used) rows.push(row);
  }
  const determined = new Set<number>();
  for (const prime of primes) {
    for (const index of determinedColumns(rows, unknowns.length, prime)) {
      determined.add(unknowns[index] as number);
    }
  }
  return [...determined];
}

/** Columns whose unit vector lies in the row space, via reduced row echelon form modulo `prime`. */
function determinedColumns(source: readonly number[][], width: number, prime: number): number[] {
  const rows = source.map((row) => row.map((value) => ((value % prime) + prime) % prime));
  const pivotRowOf = new Map<number, number>();
  let rank = 0;
  for (let col = 0; col < width && rank < rows.length; col++) {
    let pivot = rank;
    while (pivot < rows.length && (rows[pivot] as number[])[col] === 0) pivot++;
    if (pivot === rows.length) continue;
    [rows[rank], rows[pivot]] = [rows[pivot] as number[], rows[rank] as number[]];
    const pivotRow = rows[rank] as number[];
    const inverse = modInverse(pivotRow[col] as number, prime);
    for (let c = col; c < width; c++) pivotRow[c] = mulMod(pivotRow[c] as number, inverse, prime);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as number[];
      const factor = row[col] as number;
      if (r === rank || factor === 0) continue;
      for (let c = col; c < width; c++) {
        const value = (row[c] as number) - mulMod(factor, pivotRow[c] as number, prime);
        row[c] = value < 0 ? value + prime : value;
      }
    }
    pivotRowOf.set(col, rank);
    rank++;
  }
  const determined: number[] = [];
  for (const [col, r] of pivotRowOf) {
    const row = rows[r] as number[];
    if (row.every((value, c) => c === col || value === 0)) determined.push(col);
  }
  return determined;
}

function mulMod(a: number, b: number, prime: number): number {
  return (a * b) % prime;
}

function modInverse(value: number, prime: number): number {
  let result = 1;
  let base = value % prime;
  for (let exponent = prime - 2; exponent > 0; exponent = Math.floor(exponent / 2)) {
    if (exponent % 2 === 1) result = mulMod(result, base, prime);
    base = mulMod(base, base, prime);
  }
  return result;
}
