// The finest cross-classification behind a family of published tables, and every published count
// as a box of it. Internal to the package: `disaggregateMany` is the public entry point.
//
// An axis is one thing a record has (gender, age band, location, activity type, month); its leaves
// are the finest categories, and each level groups leaves (location → region, month → quarter →
// year). A pattern picks a level on some axes and adds up the others; every count a table of the
// family publishes — cell, margin or total — is the sum of the finest cells inside one box of one
// pattern. The reader's equations are exactly these sums, whichever tables they come from.

/** Leaves grouped into categories: `categoryOf[leaf]` indexes `categories`. */
export interface Level {
  readonly name: string;
  readonly categories: readonly string[];
  readonly categoryOf: Int32Array;
}

/** One axis of the finest table. `levels[0]` is the identity (a category per leaf). */
export interface Axis {
  readonly name: string;
  readonly leaves: readonly string[];
  readonly levels: readonly Level[];
}

/** A level per axis (−1: added up), and how to find the box a finest cell is in. */
export interface Pattern {
  readonly levels: Int32Array;
  /** Number of boxes. */
  readonly size: number;
  /** `offsets[axis][leaf]`: the leaf's category times the axis's stride in the pattern (0 when added up). */
  readonly offsets: readonly Int32Array[];
  readonly strides: Int32Array;
  /** Axes the pattern does not add up. */
  readonly separating: readonly number[];
}

/** The finest table, its patterns and the value of every box. */
export interface LinkedTable {
  readonly axes: readonly Axis[];
  /** Stride of each axis in the finest cell index (last axis fastest). */
  readonly leafStrides: Int32Array;
  readonly counts: Int32Array;
  /** Finest cells holding someone, ascending. */
  readonly populated: Int32Array;
  readonly patterns: readonly Pattern[];
  readonly boxValues: readonly Int32Array[];
}

/** The identity level of an axis. */
export function leafLevel(name: string, leaves: readonly string[]): Level {
  return { name, categories: leaves, categoryOf: Int32Array.from(leaves, (_, leaf) => leaf) };
}

/** A level grouping leaves by `group` (categories listed in the order given). */
export function groupLevel(
  name: string,
  leaves: readonly string[],
  categories: readonly string[],
  group: (leaf: string) => string,
): Level {
  const index = new Map(categories.map((category, i) => [category, i]));
  const categoryOf = Int32Array.from(leaves, (leaf) => {
    const i = index.get(group(leaf));
    if (i === undefined) throw new TypeError(`No ${name} for "${leaf}"`);
    return i;
  });
  return { name, categories, categoryOf };
}

/** Bigger families are refused rather than left to exhaust memory: 8 million finest cells. */
const maxFinestCells = 8_000_000;

function patternOf(axes: readonly Axis[], levels: readonly number[]): Pattern {
  const strides = new Int32Array(axes.length);
  let size = 1;
  for (let a = axes.length - 1; a >= 0; a--) {
    const level = levels[a] as number;
    strides[a] = level < 0 ? 0 : size;
    if (level >= 0) size *= ((axes[a] as Axis).levels[level] as Level).categories.length;
  }
  const offsets = axes.map((axis, a) => {
    const level = levels[a] as number;
    if (level < 0) return new Int32Array(axis.leaves.length);
    const { categoryOf } = axis.levels[level] as Level;
    return Int32Array.from(categoryOf, (category) => category * (strides[a] as number));
  });
  const separating = levels.flatMap((level, a) => (level >= 0 ? [a] : []));
  return { levels: Int32Array.from(levels), size, offsets, strides, separating };
}

/**
 * Lays out the finest table from each record's leaf on every axis, and adds up every pattern's
 * boxes. `leafOf(record, axis)` returns the record's leaf index; `weightOf` how many it stands for.
 */
export function linkTable<R>(
  axes: readonly Axis[],
  patternLevels: readonly (readonly number[])[],
  records: readonly R[],
  leafOf: (record: R, axis: number) => number,
  weightOf: (record: R) => number,
): LinkedTable {
  const leafStrides = new Int32Array(axes.length);
  let cells = 1;
  for (let a = axes.length - 1; a >= 0; a--) {
    leafStrides[a] = cells;
    cells *= (axes[a] as Axis).leaves.length;
  }
  if (cells > maxFinestCells) {
    throw new RangeError(
      `The family crosses ${cells} finest cells (at most ${maxFinestCells}): publish fewer dimensions or periods together`,
    );
  }
  const counts = new Int32Array(cells);
  let total = 0;
  for (const record of records) {
    let cell = 0;
    for (let a = 0; a < axes.length; a++) cell += leafOf(record, a) * (leafStrides[a] as number);
    const weight = weightOf(record);
    total += weight;
    // Counts are 32-bit integers: refuse rather than wrap round.
    if (total > 2 ** 31 - 1) throw new RangeError("More than 2^31 − 1 records in one family");
    counts[cell] = (counts[cell] as number) + weight;
  }
  const populated: number[] = [];
  for (let cell = 0; cell < cells; cell++) if ((counts[cell] as number) > 0) populated.push(cell);
  const patterns = patternLevels.map((levels) => patternOf(axes, levels));
  const table = {
    axes,
    leafStrides,
    counts,
    populated: Int32Array.from(populated),
    patterns,
    boxValues: [] as Int32Array[],
  };
  for (const pattern of patterns) {
    const values = new Int32Array(pattern.size);
    for (const cell of populated) {
      const box = boxOf(table, pattern, cell);
      values[box] = (values[box] as number) + (counts[cell] as number);
    }
    table.boxValues.push(values);
  }
  return table;
}

/** The leaf of a finest cell on one axis. */
export function leafAt(
  table: Pick<LinkedTable, "axes" | "leafStrides">,
  cell: number,
  axis: number,
): number {
  return (
    Math.floor(cell / (table.leafStrides[axis] as number)) %
    (table.axes[axis] as Axis).leaves.length
  );
}

/** The box of a pattern holding a finest cell. */
export function boxOf(
  table: Pick<LinkedTable, "axes" | "leafStrides">,
  pattern: Pattern,
  cell: number,
): number {
  let box = 0;
  for (const a of pattern.separating) {
    box += (pattern.offsets[a] as Int32Array)[leafAt(table, cell, a)] as number;
  }
  return box;
}

/** The category of a box on one axis (the axis must separate in the pattern). */
export function categoryAt(
  table: Pick<LinkedTable, "axes">,
  pattern: Pattern,
  box: number,
  axis: number,
): number {
  const level = (table.axes[axis] as Axis).levels[pattern.levels[axis] as number] as Level;
  return Math.floor(box / (pattern.strides[axis] as number)) % level.categories.length;
}
