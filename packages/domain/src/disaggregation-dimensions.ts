// The dimensions a disaggregation counts by and the record it counts: shared by `disaggregate`
// and the table it lays out (disaggregation-table.ts), so neither imports the other.
import type { ActivityType } from "./activities";
import type { Gender } from "./gender";
import type { LocationCode } from "./geography";

/** Dimensions a disaggregation can count by. `location` is a country or a conflict context. */
export const disaggregationDimensions = [
  "gender",
  "ageBand",
  "location",
  "region",
  "activityType",
] as const;

/** One of {@link disaggregationDimensions}. */
export type DisaggregationDimension = (typeof disaggregationDimensions)[number];

/** The category for a missing location, region, activity type or age band (gender has its own "not-recorded"). */
export const unknownCategory = "unknown";

/**
 * A record to count: a participant, an attendance, an activity… Every field is optional.
 * A record with a `count` stands for that many identical records, so callers that already counted
 * in a database pass one record per group instead of one per person.
 */
export interface DisaggregationRecord {
  /**
   * How many records this one stands for: a positive integer, 1 when absent. The result is
   * exactly that of passing the record `count` times.
   */
  readonly count?: number;
  readonly gender?: Gender | null;
  readonly birthYear?: number | null;
  /** An age band already computed in the scheme of `options.age.scheme`; wins over `birthYear`. */
  readonly ageBand?: string | null;
  readonly location?: LocationCode | null;
  readonly activityType?: ActivityType | null;
}
