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
 * pins a hidden count below minCellSize to a single value (the audit is in suppression-audit.ts).
 *
 * Performance: equations are stored as flat integer arrays, and the number of hidden members of
 * each equation is kept up to date as counts are hidden, so choosing a complement costs the size
 * of one equation rather than the size of the whole table for each candidate.
 */
import { exposedCounts, type LinkedCounts } from "./suppression-audit";
import type { SuppressionReason } from "./suppression-reason";

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
  const system = link(counts, equations);
  const suppressed = counts.map(() => false);
  const reasons: (SuppressionReason | undefined)[] = counts.map(() => undefined);
  const hiddenIn = new Int32Array(equations.length);
  const state: State = { system, suppressed, hiddenIn };
  const { equationStart, equationList } = system;

  const hide = (item: number) => {
    if (suppressed[item]) return;
    suppressed[item] = true;
    reasons[item] = (counts[item] ?? 0) < minCellSize ? "below-threshold" : "complementary";
    for (let k = equationStart[item] as number; k < (equationStart[item + 1] as number); k++) {
      const equation = equationList[k] as number;
      hiddenIn[equation] = (hiddenIn[equation] as number) + 1;
    }
  };

  for (const [item, count] of counts.entries()) {
    if (count >= 1 && count < minCellSize) hide(item);
  }

  for (;;) {
    hideLoneSuppressions(state, hide);
    const exposed = exposedCounts(system, suppressed, reasons, minCellSize);
    let progress = false;
    for (const item of exposed) {
      const complement = nearestComplement(item, state);
      if (complement !== undefined) {
        hide(complement);
        progress = true;
      }
    }
    if (!progress) return { suppressed, reasons };
  }
}

interface State {
  readonly system: LinkedCounts;
  readonly suppressed: readonly boolean[];
  /** Hidden members of each equation, updated by `hide`. */
  readonly hiddenIn: Int32Array;
}

/** Flattens the equations and indexes, for every count, the equations it is a member of. */
function link(counts: readonly number[], equations: readonly Equation[]): LinkedCounts {
  const parentOf = new Int32Array(equations.length);
  const childStart = new Int32Array(equations.length + 1);
  equations.forEach((equation, e) => {
    parentOf[e] = equation.parent;
    childStart[e + 1] = (childStart[e] as number) + equation.children.length;
  });
  const children = new Int32Array(childStart[equations.length] as number);
  const degree = new Int32Array(counts.length + 1);
  equations.forEach((equation, e) => {
    children.set(equation.children, childStart[e] as number);
    for (const member of [equation.parent, ...equation.children]) {
      degree[member + 1] = (degree[member + 1] as number) + 1;
    }
  });
  const equationStart = new Int32Array(counts.length + 1);
  for (let item = 0; item < counts.length; item++) {
    equationStart[item + 1] = (equationStart[item] as number) + (degree[item + 1] as number);
  }
  // Equations of each count in ascending order, as the complement search expects.
  const equationList = new Int32Array(equationStart[counts.length] as number);
  const fill = equationStart.slice(0, counts.length);
  equations.forEach((equation, e) => {
    for (const member of [equation.parent, ...equation.children]) {
      const at = fill[member] as number;
      equationList[at] = e;
      fill[member] = at + 1;
    }
  });
  return { counts, parentOf, childStart, children, equationStart, equationList };
}

/**
 * The visible member of an equation that is cheapest to hide. Cheapest means, in order: it leaves
 * the fewest of its other equations with a lone hidden member (each would need yet another
 * complement), it is a zero (hiding one costs a reader almost nothing), it is a small child rather
 * than a large one, it is a child rather than the parent; ties go to the first listed.
 */
function pickComplement(equation: number, state: State): number | undefined {
  const { system, suppressed, hiddenIn } = state;
  const { counts, equationStart, equationList, children } = system;
  let best: number | undefined;
  let bestLone = 0;
  let bestNonZero = 0;
  let bestIsParent = 0;
  let bestCount = 0;
  const end = system.childStart[equation + 1] as number;
  // Children in order, then the parent last.
  for (let k = system.childStart[equation] as number; k <= end; k++) {
    const isParent = k === end ? 1 : 0;
    const member = isParent ? (system.parentOf[equation] as number) : (children[k] as number);
    if (suppressed[member]) continue;
    const count = counts[member] ?? 0;
    let lone = 0;
    for (let j = equationStart[member] as number; j < (equationStart[member + 1] as number); j++) {
      const other = equationList[j] as number;
      if (other !== equation && hiddenIn[other] === 0) lone++;
    }
    const nonZero = count === 0 ? 0 : 1;
    if (
      best === undefined ||
      lone < bestLone ||
      (lone === bestLone &&
        (nonZero < bestNonZero ||
          (nonZero === bestNonZero &&
            (isParent < bestIsParent || (isParent === bestIsParent && count < bestCount)))))
    ) {
      best = member;
      bestLone = lone;
      bestNonZero = nonZero;
      bestIsParent = isParent;
      bestCount = count;
      // Nothing can rank before a zero child that leaves no new lone equation.
      if (lone === 0 && nonZero === 0 && isParent === 0) return best;
    }
  }
  return best;
}

/** The hidden member of an equation with exactly one, or -1. */
function loneHidden(equation: number, state: State): number {
  const { system, suppressed } = state;
  const parent = system.parentOf[equation] as number;
  if (suppressed[parent]) return parent;
  for (
    let k = system.childStart[equation] as number;
    k < (system.childStart[equation + 1] as number);
    k++
  ) {
    if (suppressed[system.children[k] as number]) return system.children[k] as number;
  }
  return -1;
}

/** Classic secondary suppression: no equation may have exactly one hidden member. */
function hideLoneSuppressions(state: State, hide: (item: number) => void): void {
  const { system, hiddenIn } = state;
  const equationCount = system.parentOf.length;
  const queue = Array.from({ length: equationCount }, (_, e) => e);
  const queued = new Uint8Array(equationCount).fill(1);
  while (queue.length > 0) {
    const equation = queue.pop() as number;
    queued[equation] = 0;
    if (hiddenIn[equation] !== 1) continue;
    // A lone hidden zero gives away only a zero; if that zero was protecting a small count, the
    // audit notices the small count is exposed and hides more.
    if (system.counts[loneHidden(equation, state)] === 0) continue;
    const complement = pickComplement(equation, state);
    if (complement === undefined) continue;
    hide(complement);
    for (
      let k = system.equationStart[complement] as number;
      k < (system.equationStart[complement + 1] as number);
      k++
    ) {
      const next = system.equationList[k] as number;
      if (!queued[next]) {
        queued[next] = 1;
        queue.push(next);
      }
    }
  }
}

/** A visible count to hide for `item`, searching its equations, then theirs, breadth first. */
function nearestComplement(item: number, state: State): number | undefined {
  const { system, hiddenIn } = state;
  const seen = new Uint8Array(system.counts.length);
  seen[item] = 1;
  let frontier = [item];
  while (frontier.length > 0) {
    const next: number[] = [];
    const candidates: number[] = [];
    for (const member of frontier) {
      for (
        let k = system.equationStart[member] as number;
        k < (system.equationStart[member + 1] as number);
        k++
      ) {
        candidates.push(system.equationList[k] as number);
      }
    }
    // Equations with few hidden members are the ones the reader exploits (a stable sort).
    candidates.sort((a, b) => (hiddenIn[a] as number) - (hiddenIn[b] as number));
    for (const equation of candidates) {
      const complement = pickComplement(equation, state);
      if (complement !== undefined) return complement;
      const visit = (member: number) => {
        if (!seen[member]) {
          seen[member] = 1;
          next.push(member);
        }
      };
      visit(system.parentOf[equation] as number);
      for (
        let k = system.childStart[equation] as number;
        k < (system.childStart[equation + 1] as number);
        k++
      ) {
        visit(system.children[k] as number);
      }
    }
    frontier = next;
  }
  return undefined;
}
