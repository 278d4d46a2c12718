// The true count behind a published key, computed the plain way from the records, and a plain
// "protection off" publisher: each table of a family protected on its own by `disaggregate`.

import { disaggregate } from "../src/disaggregate";
import type { DatedDisaggregationRecord, PeriodLevel } from "../src/disaggregate-many";
import type { DisaggregationDimension } from "../src/disaggregation-dimensions";
import { type LocationCode, regionOf } from "../src/geography";
import { type PublishedTable, quarterOf } from "./family-attacker";

function categoryOfRecord(
  record: DatedDisaggregationRecord,
  dimension: string,
): string | undefined {
  switch (dimension) {
    case "gender":
      return record.gender ?? "not-recorded";
    case "ageBand":
      return record.ageBand ?? "unknown";
    case "location":
      return record.location ?? "unknown";
    case "region":
      return record.location ? regionOf(record.location as LocationCode) : "unknown";
    case "activityType":
      return record.activityType ?? "unknown";
    case "month":
      return record.month ?? undefined;
    case "quarter":
      return record.month ? quarterOf(record.month) : undefined;
    case "year":
      return record.month?.slice(0, 4);
    default:
      throw new TypeError(`No truth for ${dimension}`);
  }
}

/** How many records (weighted by `count`) match every category of the key. */
export function trueCount(
  records: readonly DatedDisaggregationRecord[],
  key: Readonly<Record<string, string>>,
): number {
  let total = 0;
  for (const record of records) {
    if (Object.entries(key).every(([d, v]) => categoryOfRecord(record, d) === v))
      total += record.count ?? 1;
  }
  return total;
}

/** Protection off: every table of the family protected on its own, as `disaggregate` does. */
export function publishedOneByOne(
  records: readonly DatedDisaggregationRecord[],
  cuts: readonly (readonly DisaggregationDimension[])[],
  minCellSize: number,
  periods?: readonly { readonly level: PeriodLevel; readonly code: string }[],
): PublishedTable[] {
  return cuts.flatMap((by) =>
    (periods ?? [undefined]).map((period) => {
      const inPeriod = period
        ? records.filter((record) => categoryOfRecord(record, period.level) === period.code)
        : records;
      const result = disaggregate(inPeriod, { by, minCellSize });
      return period ? { ...result, period } : result;
    }),
  );
}

/** The seven routine cuts a programme officer downloads as CSV (issue 13). */
export const csvCuts: readonly (readonly DisaggregationDimension[])[] = [
  [],
  ["gender"],
  ["location"],
  ["region"],
  ["gender", "location"],
  ["gender", "region"],
  ["location", "region"],
];
