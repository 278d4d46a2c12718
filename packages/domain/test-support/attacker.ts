// A reader trying to recover hidden counts from a published DisaggregationResult. Written apart
// from src/suppression.ts (floating-point elimination, its own bound propagation) so the tests do
// not check the implementation against itself.
import type { DisaggregationCell, DisaggregationResult } from "../src/disaggregate";

interface Item {
  readonly cell: DisaggregationCell | DisaggregationResult["total"];
  readonly id: string;
}

export interface Attack {
  /** Item id → value the reader worked out for a hidden count. */
  readonly recovered: Map<string, number>;
  readonly items: readonly Item[];
}

const keyId = (key: Record<string, string | undefined>) =>
  Object.entries(key)
    .sort()
    .map(([d, v]) => `${d}=${v}`)
    .join("&");

/** Runs subtraction, range and linear-combination attacks; returns every hidden count pinned down. */
export function attack(result: DisaggregationResult): Attack {
  const items: Item[] = [];
  const index = new Map<string, number>();
  const add = (cell: Item["cell"], id: string) => {
    index.set(id, items.length);
    items.push({ cell, id });
  };
  for (const cell of result.cells) add(cell, `cell:${keyId(cell.key)}`);
  for (const [dimension, cells] of Object.entries(result.margins)) {
    for (const cell of cells ?? []) add(cell, `margin:${dimension}:${keyId(cell.key)}`);
  }
  add(result.total, "total");
  const totalIndex = items.length - 1;

  // Equations the reader can write down: parent − Σ children = 0.
  const equations: { parent: number; children: number[] }[] = [];
  if (result.by.length >= 1) {
    equations.push({ parent: totalIndex, children: result.cells.map((_, i) => i) });
  }
  if (result.by.length >= 2) {
    for (const [dimension, cells] of Object.entries(result.margins)) {
      const marginIds = (cells ?? []).map(
        (cell) => index.get(`margin:${dimension}:${keyId(cell.key)}`) as number,
      );
      equations.push({ parent: totalIndex, children: marginIds });
      for (const cell of cells ?? []) {
        const value = cell.key[dimension as keyof typeof cell.key];
        const children = result.cells.flatMap((c, i) =>
          c.key[dimension as keyof typeof c.key] === value ? [i] : [],
        );
        equations.push({
          parent: index.get(`margin:${dimension}:${keyId(cell.key)}`) as number,
          children,
        });
      }
    }
  }

  const k = result.minCellSize;
  const low = items.map(({ cell }) =>
    cell.suppressed ? (cell.reason === "complementary" ? k : 0) : (cell.count as number),
  );
  const high = items.map(({ cell }) =>
    cell.suppressed
      ? cell.reason === "complementary"
        ? Number.POSITIVE_INFINITY
        : k - 1
      : (cell.count as number),
  );
  const known = new Map<number, number>();
  items.forEach(({ cell }, i) => {
    if (!cell.suppressed) known.set(i, cell.count as number);
  });

  // 1. Subtraction: any equation with a single unknown gives it away; repeat until stuck.
  for (let changed = true; changed; ) {
    changed = false;
    for (const { parent, children } of equations) {
      const members = [parent, ...children];
      const unknown = members.filter((m) => !known.has(m));
      if (unknown.length !== 1) continue;
      const target = unknown[0] as number;
      const childSum = children.reduce(
        (sum, c) => sum + (c === target ? 0 : (known.get(c) as number)),
        0,
      );
      known.set(target, target === parent ? childSum : (known.get(parent) as number) - childSum);
      changed = true;
    }
  }
  known.forEach((value, i) => {
    low[i] = Math.max(low[i] as number, value);
    high[i] = Math.min(high[i] as number, value);
  });

  // 2. Ranges: tighten [low, high] through every equation until nothing moves.
  for (let pass = 0, changed = true; changed && pass < 1000; pass++) {
    changed = false;
    for (const { parent, children } of equations) {
      for (const target of [parent, ...children]) {
        let lo: number;
        let hi: number;
        if (target === parent) {
          lo = children.reduce((s, c) => s + (low[c] as number), 0);
          hi = children.reduce((s, c) => s + (high[c] as number), 0);
        } else {
          const others = children.filter((c) => c !== target);
          lo = (low[parent] as number) - others.reduce((s, c) => s + (high[c] as number), 0);
          hi = (high[parent] as number) - others.reduce((s, c) => s + (low[c] as number), 0);
        }
        if (lo > (low[target] as number)) {
          low[target] = lo;
          changed = true;
        }
        if (hi < (high[target] as number)) {
          high[target] = hi;
          changed = true;
        }
      }
    }
  }

  // 3. Linear combinations: Gauss–Jordan over the hidden counts, with the known values moved right.
  const unknowns = items.flatMap((_, i) => (known.has(i) ? [] : [i]));
  const column = new Map(unknowns.map((item, c) => [item, c]));
  const rows = equations.map(({ parent, children }) => {
    const row = new Array<number>(unknowns.length + 1).fill(0);
    const put = (item: number, sign: number) => {
      const c = column.get(item);
      if (c === undefined)
        row[unknowns.length] =
          (row[unknowns.length] as number) - sign * (known.get(item) as number);
      else row[c] = (row[c] as number) + sign;
    };
    put(parent, 1);
    for (const child of children) put(child, -1);
    return row;
  });
  let rank = 0;
  const pivotOf = new Map<number, number>();
  for (let c = 0; c < unknowns.length && rank < rows.length; c++) {
    let best = rank;
    for (let r = rank; r < rows.length; r++) {
      if (
        Math.abs((rows[r] as number[])[c] as number) >
        Math.abs((rows[best] as number[])[c] as number)
      )
        best = r;
    }
    if (Math.abs((rows[best] as number[])[c] as number) < 1e-9) continue;
    [rows[rank], rows[best]] = [rows[best] as number[], rows[rank] as number[]];
    const pivot = rows[rank] as number[];
    const p = pivot[c] as number;
    for (let j = 0; j <= unknowns.length; j++) pivot[j] = (pivot[j] as number) / p;
    rows.forEach((row, r) => {
      if (r === rank) return;
      const f = row[c] as number;
      if (Math.abs(f) < 1e-12) return;
      for (let j = 0; j <= unknowns.length; j++)
        row[j] = (row[j] as number) - f * (pivot[j] as number);
    });
    pivotOf.set(c, rank);
    rank++;
  }
  const recovered = new Map<string, number>();
  for (const [c, r] of pivotOf) {
    const row = rows[r] as number[];
    const alone = row.every((v, j) => j === c || j === unknowns.length || Math.abs(v) < 1e-9);
    if (alone)
      recovered.set(
        items[unknowns[c] as number]?.id as string,
        Math.round(row[unknowns.length] as number),
      );
  }
  items.forEach(({ cell, id }, i) => {
    if (!cell.suppressed) return;
    if (known.has(i)) recovered.set(id, known.get(i) as number);
    else if (low[i] === high[i]) recovered.set(id, low[i] as number);
  });
  return { recovered, items };
}
