// How `disaggregate` turns records into a table: category indices of each record, the cells a
// record can land in, and the published counts with the equations linking them. Internal.
import type { AgeBandScheme, AsOf } from "./age";
import { ageBandOf } from "./age";
import {
  type DisaggregationDimension,
  type DisaggregationRecord,
  unknownCategory,
} from "./disaggregation-dimensions";
import { normalizeGender } from "./gender";
import { type LocationCode, locationCodes, regionOf } from "./geography";
import type { Equation } from "./suppression";

/**
 * Lays out every published count — cells, then each dimension's margin, then the total — and the
 * equations linking them. Cells that cannot hold anyone are left out of the equations: with both
 * `location` and `region`, a location outside the region is a zero every reader knows, so hiding
 * it would protect nothing; it is published as the zero it is.
 */
export function layOut(
  by: readonly DisaggregationDimension[],
  categories: readonly (readonly string[])[],
  strides: readonly number[],
  cellCounts: readonly number[],
  total: number,
) {
  const counts = [...cellCounts];
  const cellCount = cellCounts.length;
  const possible = possibleCells(by, categories, strides, cellCount);
  const equations: Equation[] = [];
  const marginStart: number[] = [];
  if (by.length >= 2) {
    by.forEach((_, d) => {
      marginStart[d] = counts.length;
      const size = (categories[d] as readonly string[]).length;
      const children = Array.from({ length: size }, () => [] as number[]);
      const sums = new Array<number>(size).fill(0);
      for (const cell of possible) {
        const value = Math.floor(cell / (strides[d] as number)) % size;
        children[value]?.push(cell);
        sums[value] = (sums[value] as number) + (cellCounts[cell] as number);
      }
      children.forEach((cells, value) => {
        const parent = counts.push(sums[value] as number) - 1;
        equations.push({ parent, children: cells });
      });
    });
  }
  const totalItem = counts.push(total) - 1;
  if (by.length >= 1) equations.push({ parent: totalItem, children: possible });
  if (by.length >= 2) {
    by.forEach((_, d) => {
      const start = marginStart[d] as number;
      const size = (categories[d] as readonly string[]).length;
      equations.push({
        parent: totalItem,
        children: Array.from({ length: size }, (_, i) => start + i),
      });
    });
  }
  return { counts, equations, marginStart, totalItem };
}

/** The cells a record can land in, ascending. */
function possibleCells(
  by: readonly DisaggregationDimension[],
  categories: readonly (readonly string[])[],
  strides: readonly number[],
  cellCount: number,
): number[] {
  const all = Array.from({ length: cellCount }, (_, cell) => cell);
  const l = by.indexOf("location");
  const r = by.indexOf("region");
  if (l < 0 || r < 0) return all;
  const locations = categories[l] as readonly string[];
  const regions = categories[r] as readonly string[];
  const regionIndexOf = locations.map((location) =>
    regions.indexOf(
      location === unknownCategory ? unknownCategory : regionOf(location as LocationCode),
    ),
  );
  return all.filter(
    (cell) =>
      regionIndexOf[Math.floor(cell / (strides[l] as number)) % locations.length] ===
      Math.floor(cell / (strides[r] as number)) % regions.length,
  );
}

export type Indexer = (record: DisaggregationRecord) => number;

/**
 * The category index of a record in one dimension. Values repeat (a few genders, a few dozen
 * birth years), so each distinct value is resolved once per call.
 */
export function indexerOf(
  dimension: DisaggregationDimension,
  list: readonly string[],
  age: { readonly scheme: AgeBandScheme; readonly asOf: AsOf } | undefined,
): Indexer {
  const indexOf = new Map(list.map((value, index) => [value, index]));
  const find = (value: string) => {
    const index = indexOf.get(value);
    if (index === undefined) throw new TypeError(`Unknown ${dimension} "${value}" in a record`);
    return index;
  };
  const memo = new Map<unknown, number>();
  const memoised = (value: unknown, resolve: () => number) => {
    let index = memo.get(value);
    if (index === undefined) {
      index = resolve();
      memo.set(value, index);
    }
    return index;
  };
  switch (dimension) {
    case "gender":
      return (record) => find(normalizeGender(record.gender));
    case "ageBand":
      return (record) => {
        if (record.ageBand != null) return find(record.ageBand);
        return memoised(record.birthYear, () => {
          if (!age) throw new TypeError("Counting by ageBand needs options.age ({ scheme, asOf })");
          return find(ageBandOf(record.birthYear, age));
        });
      };
    case "location":
      return (record) => find(record.location ?? unknownCategory);
    case "region":
      return (record) =>
        memoised(record.location, () => {
          if (record.location == null) return find(unknownCategory);
          if (!(locationCodes as readonly string[]).includes(record.location)) {
            throw new TypeError(`Unknown location "${record.location}" in a record`);
          }
          return find(regionOf(record.location));
        });
    case "activityType":
      return (record) => find(record.activityType ?? unknownCategory);
    case "disability":
      return (record) => find(record.disability ?? unknownCategory);
  }
}

export function strideOf(sizes: readonly number[]): number[] {
  const strides = new Array<number>(sizes.length).fill(1);
  for (let d = sizes.length - 2; d >= 0; d--) {
    strides[d] = (strides[d + 1] as number) * (sizes[d + 1] as number);
  }
  return strides;
}
