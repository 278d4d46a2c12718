// The dimensions a disaggregation counts by and the record it counts: shared by `disaggregate`
// and the table it lays out (disaggregation-table.ts), so neither imports the other.
import type { ActivityType } from "./activities";
import type { AgeBand } from "./age";
import type { DisabilityStatus } from "./disability";
import type { Gender } from "./gender";
import type { LocationCode, ProgrammeRegion } from "./geography";

/**
 * Dimensions a disaggregation can count by. `location` is a country or a conflict context;
 * `disability` is the optional Washington Group Short Set status (see `disabilityStatusOf`).
 */
export const disaggregationDimensions = [
  "gender",
  "ageBand",
  "location",
  "region",
  "activityType",
  "disability",
] as const;

/** One of {@link disaggregationDimensions}. */
export type DisaggregationDimension = (typeof disaggregationDimensions)[number];

/** The category for a missing location, region, activity type, disability status or age band (gender has its own "not-recorded"). */
export const unknownCategory = "unknown";

/** The categories of each dimension: what a cell's key holds for it. */
export interface DisaggregationCategories {
  readonly gender: Gender;
  /** A band of the result's scheme, or `"unknown"`. */
  readonly ageBand: AgeBand;
  readonly location: LocationCode | typeof unknownCategory;
  readonly region: ProgrammeRegion | typeof unknownCategory;
  readonly activityType: ActivityType | typeof unknownCategory;
  readonly disability: DisabilityStatus | typeof unknownCategory;
}

/** The category of one dimension, e.g. `DisaggregationCategory<"location">` is a location or `"unknown"`. */
export type DisaggregationCategory<D extends DisaggregationDimension> = DisaggregationCategories[D];

/**
 * Where a cell sits: its category in each dimension of the result, typed by dimension
 * (`key.gender` is a {@link Gender}, `key.location` a {@link LocationCode} or `"unknown"`…).
 */
export type DisaggregationKey<D extends DisaggregationDimension = DisaggregationDimension> = {
  readonly [K in D]?: DisaggregationCategories[K];
};

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
  readonly count?: number | undefined;
  readonly gender?: Gender | null | undefined;
  readonly birthYear?: number | null | undefined;
  /** An age band already computed in the scheme of `options.age.scheme`; wins over `birthYear`. */
  readonly ageBand?: string | null | undefined;
  readonly location?: LocationCode | null | undefined;
  readonly activityType?: ActivityType | null | undefined;
  /** Washington Group Short Set status (`disabilityStatusOf`); missing counts as `"unknown"`. */
  readonly disability?: DisabilityStatus | null | undefined;
}
