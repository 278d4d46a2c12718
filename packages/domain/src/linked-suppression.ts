/**
 * Small-cell protection of a linked family of tables, with a protection width. Internal to the
 * package: `disaggregateMany` is the public entry point, linked-audit.ts checks what this returns.
 *
 * What a reader of the whole family knows: every visible count exactly, and that every count is
 * the sum of the finest cells in its box (linked-table.ts), the finest cells being whole numbers of
 * at least 0. Hidden counts carry one reason, `"withheld"`, so a hidden count says nothing more
 * than "not shown".
 *
 * What is guaranteed: every hidden count from 1 to k−1 (k = minCellSize) has two witnesses —
 * finest tables, made of whole non-negative numbers, that give every visible count of the family
 * its published value, one with that count at 0 and one with it at k−1 or more. So whatever the
 * reader combines (subtraction, linear combinations, ranges, integer programs over all tables at
 * once), the count may be 0 and may be k−1: its feasible range holds 0 and at least k values.
 * (Every value in between too: applying a witness's moves in part keeps every cell between its
 * true and its witness value, so the partial table is feasible as well.)
 *
 * How: a witness is the true table plus moves. A move adds and takes people in the corners of a
 * small hypercube of finest cells — one cell (0D), a pair along one axis (1D) or a 2×2 square on two
 * axes (2D), signs alternating — so it changes only the boxes of patterns that separate every
 * pair of its corners; those boxes are hidden (the complements). For each small count the search
 * takes the move that hides the least, repeating until the count reaches 0 (and, from the true
 * table again, k−1). Hiding more never breaks a witness found earlier, so one pass suffices.
 *
 * Cost: for each small count, each step scans the populated cells of its box (down) or of its
 * neighbouring boxes (up), and prices each candidate move by visiting every pattern once per
 * corner — O(small counts × steps × candidates × patterns × 4), candidates capped per step.
 */
import {
  type Axis,
  boxOf,
  categoryAt,
  type LinkedTable,
  leafAt,
  type Pattern,
} from "./linked-table";

/** A finest table proving a hidden count can be 0 (`down`) or at least k−1 (`up`): the true table plus `delta`. */
export interface Witness {
  readonly pattern: number;
  readonly box: number;
  readonly direction: "down" | "up";
  /** Finest cell → change from the true count. */
  readonly delta: ReadonlyMap<number, number>;
}

/** Which boxes to hide (per pattern), and the witnesses of every small count. */
export interface LinkedProtection {
  readonly hidden: readonly Uint8Array[];
  readonly witnesses: readonly Witness[];
}

/** Candidate moves priced per step once a move has been found; enough to find cheap ones. */
const candidateBudget = 1000;

type Corner = readonly [cell: number, sign: number];

export function protectLinked(table: LinkedTable, minCellSize: number): LinkedProtection {
  const { patterns, boxValues } = table;
  const hidden = boxValues.map((values) =>
    Uint8Array.from(values, (value) => (value >= 1 && value < minCellSize ? 1 : 0)),
  );
  const search = new MoveSearch(table, hidden);
  const witnesses: Witness[] = [];
  patterns.forEach((_, p) => {
    (boxValues[p] as Int32Array).forEach((value, box) => {
      if (value < 1 || value >= minCellSize) return;
      witnesses.push({ pattern: p, box, direction: "down", delta: search.lower(p, box, value) });
      if (value < minCellSize - 1) {
        witnesses.push({
          pattern: p,
          box,
          direction: "up",
          delta: search.raise(p, box, minCellSize - 1 - value),
        });
      }
    });
  });
  return { hidden, witnesses };
}

class MoveSearch {
  private readonly populatedByBox = new Map<number, Map<number, number[]>>();
  private delta = new Map<number, number>();
  private best: { corners: Corner[]; t: number; cost: number } | undefined;
  private priced = 0;
  private readonly leaves: Int32Array;
  private readonly boxes = new Int32Array(4);
  private readonly nets = new Int32Array(4);
  private readonly outsideCache = new Map<string, Int32Array>();
  /** What hiding each box loses: zeros first, then small counts, fine cells before margins. */
  private readonly price: readonly Float64Array[];

  constructor(
    private readonly table: LinkedTable,
    private readonly hidden: readonly Uint8Array[],
  ) {
    this.leaves = new Int32Array(4 * table.axes.length);
    this.price = table.boxValues.map((values, p) => {
      const coarseness = table.axes.length - (table.patterns[p] as Pattern).separating.length;
      return Float64Array.from(values, (value) =>
        value === 0 ? 1 : 8 + Math.log2(value) + 4 * coarseness,
      );
    });
  }

  /** Moves taking `amount` people out of a box, applied to the true table. */
  lower(p: number, box: number, amount: number): Map<number, number> {
    return this.repeat(amount, (remaining) => {
      const pattern = this.table.patterns[p] as Pattern;
      for (const c of this.populatedIn(p, box)) {
        const cap = this.capacity(c);
        if (cap <= 0) continue;
        const t = Math.min(remaining, cap);
        if (this.consider([[c, -1]], t)) return;
        for (const a of pattern.separating) {
          for (const y of this.leavesOutside(pattern, a, c)) {
            const ca = this.switched(c, a, y);
            if (
              this.consider(
                [
                  [c, -1],
                  [ca, 1],
                ],
                t,
              )
            )
              return;
            for (const b of pattern.separating) {
              if (b <= a) continue;
              for (const z of this.leavesOutside(pattern, b, c)) {
                const cab = this.switched(ca, b, z);
                const capOpposite = this.capacity(cab);
                if (capOpposite <= 0) continue;
                const corners: Corner[] = [
                  [c, -1],
                  [ca, 1],
                  [this.switched(c, b, z), 1],
                  [cab, -1],
                ];
                if (this.consider(corners, Math.min(t, capOpposite))) return;
              }
            }
          }
        }
      }
    });
  }

  /** Moves bringing `amount` more people into a box, applied to the true table. */
  raise(p: number, box: number, amount: number): Map<number, number> {
    return this.repeat(amount, (remaining) => {
      const pattern = this.table.patterns[p] as Pattern;
      for (const a of pattern.separating) {
        const axis = this.table.axes[a] as Axis;
        const level = axis.levels[pattern.levels[a] as number];
        const own = categoryAt(this.table, pattern, box, a);
        const stride = pattern.strides[a] as number;
        for (let other = 0; other < (level?.categories.length ?? 0); other++) {
          if (other === own) continue;
          for (const from of this.populatedIn(p, box + (other - own) * stride)) {
            const cap = this.capacity(from);
            if (cap <= 0) continue;
            const t = Math.min(remaining, cap);
            for (let y = 0; y < axis.leaves.length; y++) {
              if (level?.categoryOf[y] !== own) continue;
              const to = this.switched(from, a, y);
              if (this.consider([[to, 1]], remaining)) return;
              if (
                this.consider(
                  [
                    [to, 1],
                    [from, -1],
                  ],
                  t,
                )
              )
                return;
              for (const b of pattern.separating) {
                if (b === a) continue;
                for (const z of this.leavesOutside(pattern, b, to)) {
                  const side = this.switched(to, b, z);
                  const capSide = this.capacity(side);
                  if (capSide <= 0) continue;
                  const corners: Corner[] = [
                    [to, 1],
                    [from, -1],
                    [side, -1],
                    [this.switched(from, b, z), 1],
                  ];
                  if (this.consider(corners, Math.min(t, capSide))) return;
                }
              }
            }
          }
        }
      }
      // Nobody to bring in from a neighbouring box: add people outright (hides every box they are in).
      for (const c of this.populatedIn(p, box)) if (this.consider([[c, 1]], remaining)) return;
      this.consider([[this.cellIn(pattern, box), 1]], remaining);
    });
  }

  /** Runs `step` (which offers candidate moves) and applies the cheapest until `amount` is moved. */
  private repeat(amount: number, step: (remaining: number) => void): Map<number, number> {
    this.delta = new Map();
    for (let remaining = amount; remaining > 0; ) {
      this.best = undefined;
      this.priced = 0;
      step(remaining);
      const best = this.best as { corners: Corner[]; t: number } | undefined;
      if (!best) throw new Error("No move found: the finest table is inconsistent");
      this.apply(best.corners, best.t);
      remaining -= best.t;
    }
    return this.delta;
  }

  /** Prices a move; returns true when the search should stop (free move, or budget spent). */
  private consider(corners: Corner[], t: number): boolean {
    const best = this.best;
    const cost = this.changedBoxes(corners, best ? best.cost : Number.POSITIVE_INFINITY, false);
    if (!best || cost < best.cost || (cost === best.cost && t > best.t)) {
      this.best = { corners, t, cost };
    }
    this.priced++;
    return cost === 0 || this.priced >= candidateBudget;
  }

  /**
   * The price of the visible boxes a move changes (stopping once above `limit`), or, with `hide`,
   * hides every box it changes.
   */
  private changedBoxes(corners: Corner[], limit: number, hide: boolean): number {
    const { patterns, axes } = this.table;
    const n = corners.length;
    const leaves = this.leaves;
    const width = axes.length;
    for (let i = 0; i < n; i++) {
      const cell = (corners[i] as Corner)[0];
      for (let a = 0; a < width; a++) leaves[i * width + a] = leafAt(this.table, cell, a);
    }
    // Corners 1 and 2 differ from corner 0 on the move's first and second axis: a pattern that
    // adds either axis up puts the corners in cancelling pairs and changes nothing.
    const first = n >= 2 ? this.differingAxis(0, 1, width) : -1;
    const second = n >= 4 ? this.differingAxis(0, 2, width) : -1;
    const boxes = this.boxes;
    const nets = this.nets;
    let cost = 0;
    for (let p = 0; p < patterns.length; p++) {
      const { separating, offsets } = patterns[p] as Pattern;
      if (first >= 0 && !separates(offsets, leaves, width, first, 1)) continue;
      if (second >= 0 && !separates(offsets, leaves, width, second, 2)) continue;
      let distinct = 0;
      for (let i = 0; i < n; i++) {
        let box = 0;
        for (const a of separating) {
          box += (offsets[a] as Int32Array)[leaves[i * width + a] as number] as number;
        }
        let j = 0;
        while (j < distinct && boxes[j] !== box) j++;
        if (j === distinct) {
          boxes[distinct] = box;
          nets[distinct++] = 0;
        }
        nets[j] = (nets[j] as number) + (corners[i] as Corner)[1];
      }
      const hidden = this.hidden[p] as Uint8Array;
      const price = this.price[p] as Float64Array;
      for (let j = 0; j < distinct; j++) {
        if (nets[j] === 0) continue;
        const box = boxes[j] as number;
        if (hide) hidden[box] = 1;
        else if (!hidden[box]) {
          cost += price[box] as number;
          if (cost > limit) return cost;
        }
      }
    }
    return cost;
  }

  private apply(corners: Corner[], t: number): void {
    for (const [cell, sign] of corners) {
      this.delta.set(cell, (this.delta.get(cell) ?? 0) + sign * t);
    }
    this.changedBoxes(corners, 0, true);
  }

  /** The first axis on which corners i and j of the current move differ. */
  private differingAxis(i: number, j: number, width: number): number {
    for (let a = 0; a < width; a++) {
      if (this.leaves[i * width + a] !== this.leaves[j * width + a]) return a;
    }
    return -1;
  }

  private capacity(cell: number): number {
    return (this.table.counts[cell] as number) + (this.delta.get(cell) ?? 0);
  }

  private switched(cell: number, axis: number, leaf: number): number {
    return (
      cell + (leaf - leafAt(this.table, cell, axis)) * (this.table.leafStrides[axis] as number)
    );
  }

  /** Leaves of an axis in another category than the cell's, at the pattern's level. */
  private leavesOutside(pattern: Pattern, axis: number, cell: number): Int32Array {
    const level = pattern.levels[axis] as number;
    const { categoryOf } = (this.table.axes[axis] as Axis).levels[level] as {
      categoryOf: Int32Array;
    };
    const own = categoryOf[leafAt(this.table, cell, axis)] as number;
    const id = `${axis}:${level}:${own}`;
    let leaves = this.outsideCache.get(id);
    if (!leaves) {
      leaves = Int32Array.from(categoryOf.keys()).filter((leaf) => categoryOf[leaf] !== own);
      this.outsideCache.set(id, leaves);
    }
    return leaves;
  }

  /** Some finest cell of a box: the first leaf of its category on each separated axis. */
  private cellIn(pattern: Pattern, box: number): number {
    let cell = 0;
    for (const a of pattern.separating) {
      const axis = this.table.axes[a] as Axis;
      const category = categoryAt(this.table, pattern, box, a);
      const { categoryOf } = axis.levels[pattern.levels[a] as number] as { categoryOf: Int32Array };
      cell += categoryOf.indexOf(category) * (this.table.leafStrides[a] as number);
    }
    return cell;
  }

  /** Populated finest cells of a box, indexed once per pattern. */
  private populatedIn(p: number, box: number): readonly number[] {
    let index = this.populatedByBox.get(p);
    if (!index) {
      index = new Map();
      const pattern = this.table.patterns[p] as Pattern;
      for (const cell of this.table.populated) {
        const b = boxOf(this.table, pattern, cell);
        const list = index.get(b);
        if (list) list.push(cell);
        else index.set(b, [cell]);
      }
      this.populatedByBox.set(p, index);
    }
    return index.get(box) ?? [];
  }
}

/** Does the pattern put corner 0 and corner `j` in different categories of `axis`? */
function separates(
  offsets: readonly Int32Array[],
  leaves: Int32Array,
  width: number,
  axis: number,
  j: number,
): boolean {
  const offset = offsets[axis] as Int32Array;
  return offset[leaves[axis] as number] !== offset[leaves[j * width + axis] as number];
}
