/**
 * The audit of a linked family's protection: an exact check, in whole numbers, that every hidden
 * count from 1 to k−1 keeps a feasible range holding 0 and at least k values. Internal to the
 * package; `disaggregateMany` runs it on every result and refuses to publish if it fails.
 *
 * The reader's integer program is: finest cells x ≥ 0, whole; for every visible box, the sum of
 * its cells equals the published value (hidden boxes, all published as `"withheld"`, add no
 * constraint). A witness (linked-suppression.ts) is a point of that program, given as the true
 * table plus a sparse change. The audit checks each point is feasible — no cell below 0, no
 * visible box changed — and that it puts the count at 0 (down) and at k−1 or more (up). Two
 * feasible points bound the reader's range from outside: min ≤ 0 and max ≥ k−1, so the range
 * holds 0 and at least k values whatever else the reader combines.
 *
 * Cost: O(witness cells × patterns) per witness; it does not search, so it cannot be fooled by the
 * search's heuristics — a witness is valid or it is not.
 */

import type { Witness } from "./linked-suppression";
import { boxOf, type LinkedTable } from "./linked-table";

/** Every way the protection falls short; empty when every small count keeps its width. */
export function widthProblems(
  table: LinkedTable,
  hidden: readonly Uint8Array[],
  witnesses: readonly Witness[],
  minCellSize: number,
): string[] {
  const problems: string[] = [];
  const proven = new Map<string, Set<Witness["direction"]>>();
  for (const witness of witnesses) {
    const problem = witnessProblem(table, hidden, witness, minCellSize);
    if (problem) problems.push(problem);
    else {
      const id = `${witness.pattern}:${witness.box}`;
      const directions = proven.get(id) ?? new Set();
      directions.add(witness.direction);
      proven.set(id, directions);
    }
  }
  table.boxValues.forEach((values, p) => {
    values.forEach((value, box) => {
      if (value < 1 || value >= minCellSize) return;
      const id = `${p}:${box}`;
      if (!(hidden[p] as Uint8Array)[box]) problems.push(`${id}: a count of ${value} is visible`);
      const directions = proven.get(id);
      if (!directions?.has("down")) problems.push(`${id}: no proof it can be 0`);
      if (value < minCellSize - 1 && !directions?.has("up")) {
        problems.push(`${id}: no proof it can be ${minCellSize - 1}`);
      }
    });
  });
  return problems;
}

function witnessProblem(
  table: LinkedTable,
  hidden: readonly Uint8Array[],
  { pattern: p, box: target, direction, delta }: Witness,
  minCellSize: number,
): string | undefined {
  const id = `${p}:${target}`;
  for (const [cell, change] of delta) {
    if (!Number.isSafeInteger(change) || (table.counts[cell] as number) + change < 0) {
      return `${id}: the ${direction} witness puts a cell below 0`;
    }
  }
  for (let q = 0; q < table.patterns.length; q++) {
    const pattern = table.patterns[q] as (typeof table.patterns)[number];
    const changes = new Map<number, number>();
    for (const [cell, change] of delta) {
      const box = boxOf(table, pattern, cell);
      changes.set(box, (changes.get(box) ?? 0) + change);
    }
    for (const [box, change] of changes) {
      if (change !== 0 && !(hidden[q] as Uint8Array)[box]) {
        return `${id}: the ${direction} witness changes the visible count ${q}:${box}`;
      }
    }
    if (q !== p) continue;
    const value =
      ((table.boxValues[p] as Int32Array)[target] as number) + (changes.get(target) ?? 0);
    if (direction === "down" ? value !== 0 : value < minCellSize - 1) {
      return `${id}: the ${direction} witness gives ${value}`;
    }
  }
  return undefined;
}
