import { ageBandCodes } from "@peacelearn/domain";

/** Dimensions a disaggregation can be broken down by (as in `@peacelearn/domain`'s `disaggregate`). */
export type DisaggregationDimension = "gender" | "ageBand" | "location" | "region" | "activityType";

/** One cell of a disaggregation: `count` is null when suppressed. */
export interface DisaggregationCell {
  key: Partial<Record<DisaggregationDimension, string>>;
  count: number | null;
  suppressed: boolean;
  reason?: string;
}

/** The shape `disaggregate()` returns; the chart accepts it as it is. */
export interface DisaggregationData {
  by: readonly DisaggregationDimension[] | readonly string[];
  minCellSize: number;
  cells: readonly DisaggregationCell[];
  /** Totals of each category of each dimension, published with the cells. */
  margins?: Partial<Record<string, readonly DisaggregationCell[]>>;
  total: { count: number | null; suppressed: boolean; reason?: string };
}

/** What one gender × age-band cell shows. */
export type CellValue =
  | { kind: "count"; count: number }
  /** Below the threshold: shown as "<{minCellSize}". */
  | { kind: "below-threshold" }
  /** Hidden to protect another cell (complementary suppression): its size says nothing. */
  | { kind: "hidden" };

/** A gender × age-band grid built from the cells, in display order. */
export interface PyramidGrid {
  /** Age bands, youngest first, "unknown" last. */
  ageBands: string[];
  /** Genders present: "woman", "man", then the others in first-seen order. */
  genders: string[];
  value: (gender: string, ageBand: string) => CellValue;
  /** Largest visible count among women and men, for the bar scale (at least 1). */
  maxCount: number;
  /** Margin (total) of a gender or an age band, when the data has margins. */
  margin: (dimension: "gender" | "ageBand", code: string) => CellValue | undefined;
}

/** What a published cell shows; a missing cell had nobody in it. */
export function cellValue(
  cell: Pick<DisaggregationCell, "count" | "suppressed" | "reason"> | undefined,
): CellValue {
  if (!cell) return { kind: "count", count: 0 };
  if (cell.suppressed || cell.count === null) {
    return cell.reason === "complementary" ? { kind: "hidden" } : { kind: "below-threshold" };
  }
  return { kind: "count", count: cell.count };
}

/**
 * Pivots gender × age-band cells into a grid. Cells lacking either key are ignored (they belong to
 * another breakdown); every gender present is kept, so no group is silently dropped.
 */
export function pyramidGrid(data: DisaggregationData): PyramidGrid {
  const byKey = new Map<string, DisaggregationCell>();
  const genders: string[] = [];
  const bands = new Set<string>();
  for (const cell of data.cells) {
    const { gender, ageBand } = cell.key;
    if (gender === undefined || ageBand === undefined) continue;
    byKey.set(`${gender}\u0000${ageBand}`, cell);
    if (!genders.includes(gender)) genders.push(gender);
    bands.add(ageBand);
  }
  const order = (code: string) => {
    const index = (ageBandCodes as readonly string[]).indexOf(code);
    return index === -1
      ? Number.MAX_SAFE_INTEGER - 1
      : code === "unknown"
        ? Number.MAX_SAFE_INTEGER
        : index;
  };
  const ageBands = [...bands].sort((a, b) => order(a) - order(b));
  const sortedGenders = [
    ...["woman", "man"].filter((g) => genders.includes(g)),
    ...genders.filter((g) => g !== "woman" && g !== "man"),
  ];
  const value = (gender: string, ageBand: string) =>
    cellValue(byKey.get(`${gender}\u0000${ageBand}`));
  let maxCount = 1;
  for (const gender of ["woman", "man"]) {
    for (const band of ageBands) {
      const v = value(gender, band);
      if (v.kind === "count") maxCount = Math.max(maxCount, v.count);
    }
  }
  const margin = (dimension: "gender" | "ageBand", code: string) => {
    const list = data.margins?.[dimension];
    return list ? cellValue(list.find((cell) => cell.key[dimension] === code)) : undefined;
  };
  return { ageBands, genders: sortedGenders, value, maxCount, margin };
}
