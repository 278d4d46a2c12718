// A reader attacking every published table at once with integer programs: the finest
// cross-classification of every dimension and period seen is the unknown (whole numbers ≥ 0), each
// visible count an equation, each published reason a range, and every hidden count is minimised
// and maximised exactly (branch and bound). Independent of the package's protection (it never
// imports src/linked-*.ts); it knows only what any reader knows: the tables, that a region is the
// sum of its locations, and that months add up to quarters and years.
import type { DisaggregationCell, DisaggregationResult } from "../src/disaggregate";
import type { LocationCode } from "../src/geography";
import { regionOf } from "../src/geography";
import { type Constraint, solveInteger } from "./integer-program";

/** A published table, with the period it counts when it counts one. */
export type PublishedTable = DisaggregationResult & {
  readonly period?: { readonly level: string; readonly code: string };
};

/** What the reader can prove about one hidden count: it lies in [low, high] (high capped). */
export interface HiddenRange {
  readonly id: string;
  readonly key: Readonly<Record<string, string>>;
  readonly low: number;
  /** The maximum, or `cap` when the count can reach `cap`. */
  readonly high: number;
}

interface Published {
  readonly id: string;
  readonly key: Readonly<Record<string, string>>;
  readonly count: number | null;
  readonly reason?: string;
  readonly minCellSize: number;
}

const idOf = (key: Readonly<Record<string, string>>) =>
  Object.entries(key)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([d, v]) => `${d}=${v}`)
    .join("&");

function itemsOf(table: PublishedTable): Published[] {
  const period = table.period ? { [table.period.level]: table.period.code } : {};
  const item = (cell: Pick<DisaggregationCell, "count" | "reason">, dims: object): Published => {
    const key = { ...(dims as Record<string, string>), ...period };
    return {
      id: idOf(key),
      key,
      count: cell.count,
      ...(cell.reason ? { reason: cell.reason } : {}),
      minCellSize: table.minCellSize,
    };
  };
  return [
    ...table.cells.map((cell) => item(cell, cell.key)),
    ...Object.values(table.margins).flatMap((cells) =>
      (cells ?? []).map((cell) => item(cell, cell.key)),
    ),
    item(table.total, {}),
  ];
}

/** The quarter of a month, `"2026-02"` → `"2026-Q1"`. */
export const quarterOf = (month: string) =>
  `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5)) - 1) / 3) + 1}`;

/** Does the finest cell (a value per axis) lie in the published count's key? */
function contains(key: Readonly<Record<string, string>>, leaf: Readonly<Record<string, string>>) {
  return Object.entries(key).every(([dimension, value]) => {
    switch (dimension) {
      case "region":
        if (leaf.location === undefined) return leaf.region === value;
        return (
          (leaf.location === "unknown" ? "unknown" : regionOf(leaf.location as LocationCode)) ===
          value
        );
      case "quarter":
        return quarterOf(leaf.month as string) === value;
      case "year":
        return (leaf.month as string).startsWith(value);
      default:
        return leaf[dimension] === value;
    }
  });
}

/**
 * Attacks a family of tables together; returns the range of every hidden count. `cap` bounds the
 * maximisation (a count reaching `cap` reports `cap`): enough to tell "at least k−1" apart.
 * `target` picks the hidden counts to attack (all by default); every count is still an equation.
 */
export function attackFamily(
  tables: readonly PublishedTable[],
  cap: number,
  target: (key: Readonly<Record<string, string>>) => boolean = () => true,
): HiddenRange[] {
  const published = new Map<string, Published>();
  for (const table of tables) {
    for (const item of itemsOf(table)) {
      const seen = published.get(item.id);
      // A count shown anywhere is known everywhere.
      if (!seen || (seen.count === null && item.count !== null)) published.set(item.id, item);
    }
  }
  // Axes: every dimension seen, region folded into location when locations are published.
  const values = new Map<string, Set<string>>();
  for (const { key } of published.values()) {
    for (const [dimension, value] of Object.entries(key)) {
      if (dimension === "quarter" || dimension === "year") continue;
      const set = values.get(dimension) ?? new Set();
      set.add(value);
      values.set(dimension, set);
    }
  }
  if (values.has("location")) values.delete("region");
  const axes = [...values.entries()].map(([dimension, set]) => ({ dimension, leaves: [...set] }));
  const finest: Record<string, string>[] = [{}];
  for (const { dimension, leaves } of axes) {
    const next: Record<string, string>[] = [];
    for (const cell of finest) for (const leaf of leaves) next.push({ ...cell, [dimension]: leaf });
    finest.splice(0, finest.length, ...next);
  }
  const items = [...published.values()].map((item) => ({
    ...item,
    cells: finest.flatMap((leaf, c) => (contains(item.key, leaf) ? [c] : [])),
  }));
  // Presolve: a cell inside a visible zero is zero.
  const zero = new Uint8Array(finest.length);
  for (const item of items) if (item.count === 0) for (const c of item.cells) zero[c] = 1;
  const variableOf = new Int32Array(finest.length).fill(-1);
  let variables = 0;
  for (let c = 0; c < finest.length; c++) if (!zero[c]) variableOf[c] = variables++;
  const termsOf = (cells: readonly number[]) => {
    const terms = new Map<number, number>();
    for (const c of cells)
      if ((variableOf[c] as number) >= 0) terms.set(variableOf[c] as number, 1);
    return terms;
  };
  const constraints: Constraint[] = [];
  for (const item of items) {
    const terms = termsOf(item.cells);
    if (terms.size === 0) continue;
    if (item.count !== null) constraints.push({ terms, relation: "=", rhs: item.count });
    else if (item.reason === "below-threshold") {
      constraints.push({ terms, relation: "<=", rhs: item.minCellSize - 1 });
    } else if (item.reason === "complementary") {
      constraints.push({ terms, relation: ">=", rhs: item.minCellSize });
    }
  }
  return items.flatMap((item) => {
    if (item.count !== null || !target(item.key)) return [];
    const objective = termsOf(item.cells);
    if (objective.size === 0) return [{ id: item.id, key: item.key, low: 0, high: 0 }];
    const solve = (sense: "min" | "max") => {
      const extra: Constraint[] =
        sense === "max" ? [{ terms: objective, relation: "<=", rhs: cap }] : [];
      const solution = solveInteger({
        variables,
        constraints: [...constraints, ...extra],
        objective,
        sense,
      });
      if (solution.status === "optimal") return solution.value;
      // Infeasible below the cap: the count is above it.
      if (sense === "max" && solution.status === "infeasible") return cap;
      throw new Error(`Attack ${sense} ${item.id}: ${solution.status}`);
    };
    return [{ id: item.id, key: item.key, low: solve("min"), high: solve("max") }];
  });
}
