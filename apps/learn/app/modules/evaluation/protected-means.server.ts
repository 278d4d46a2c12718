import {
  type ActivityType,
  type AgeBandScheme,
  activityTypes,
  ageBandOf,
  type DisaggregationCell,
  type DisaggregationDimension,
  type DisaggregationKey,
  type DisaggregationRecord,
  type DisaggregationResult,
  disaggregateMany,
  GenderSchema,
  LocationCodeSchema,
  regionOf,
} from "@peacelearn/domain";

// Means (scores, ratings) published beside counts, protected as one linked family per course
// (ADR 029). The counts go through `disaggregateMany` like every formal table; a mean is shown only
// where its count is, over exactly the people that count counts. A course's cohorts ride on the
// family's activity-type dimension (each cohort slot is one code of that closed list: the records
// are not counted by activity here), so a cohort's tables and the course's are margins of one
// system and cannot be differenced (course − cohort A = cohort B) to reveal a cell.

/**
 * The course's cuts: sex × age × region as its three two-way margins and their margins, like the
 * formal tier (ADR 024: the domain's protection moves are two-way; on a programme of 50 learners
 * the three-way cross withholds nearly everything, the course total included).
 */
const evaluationCuts = {
  total: [],
  sex: ["gender"],
  age: ["ageBand"],
  region: ["region"],
  sexAge: ["gender", "ageBand"],
  sexRegion: ["gender", "region"],
  ageRegion: ["ageBand", "region"],
} as const satisfies Record<string, readonly DisaggregationDimension[]>;
export type EvaluationCutId = keyof typeof evaluationCuts;
export const evaluationCutIds = Object.keys(evaluationCuts) as EvaluationCutId[];

/** The cohorts' cuts, in the same family: each cohort's total, and by sex. */
const cohortCuts = [["activityType"], ["activityType", "gender"]] as const;

/**
 * Cohort slots: the first activity-type codes are a course's first cohorts (by start date); the
 * last code holds everyone else (learners in no cohort, or in a later one), never published on
 * its own but part of the course's figures.
 */
const slotCodes = activityTypes;
export const cohortSlots = slotCodes.length - 1;
const OTHER_SLOT = slotCodes.length;

/** One person's values (e.g. pre and post score) and what they are counted by. */
export type MeanRecord = {
  gender: string | null;
  birthYear: number | null;
  locationCode: string | null;
  /** 1 … {@link cohortSlots}, or null for a learner in no published cohort. */
  cohortSlot: number | null;
  values: readonly number[];
};

/** A published cell: `n` and the means are null when withheld (never a number or "<k"). */
export type MeanCell = {
  key: DisaggregationKey;
  n: number | null;
  /** One mean per value (rounded to one decimal); null when withheld or n is 0. */
  means: (number | null)[];
};

export type MeanTable = { cells: MeanCell[]; total: MeanCell };

export type ProtectedMeans = {
  /** A cut of the whole course. */
  table(cut: EvaluationCutId): MeanTable;
  /** A cohort slot's total, and its cells by sex. */
  cohort(slot: number): MeanTable;
  /** Every table as `disaggregateMany` published it (for the attack test). */
  tables: readonly DisaggregationResult[];
};

type Categorised = {
  slot: ActivityType;
  values: readonly number[];
  categories: Record<"gender" | "ageBand" | "region", string>;
};

const slotCode = (slot: number): ActivityType => slotCodes[slot - 1] as ActivityType;

/**
 * Each person as `disaggregateMany` counts her (gender, birth year, location, cohort slot as the
 * activity type) and as the means are taken (the same categories, computed once).
 */
export function categorise(
  records: readonly MeanRecord[],
  age: { scheme: AgeBandScheme; asOf: Date },
): { disaggregation: DisaggregationRecord & { ageBand: string }; categorised: Categorised }[] {
  return records.map((record) => {
    const location = LocationCodeSchema.safeParse(record.locationCode).data ?? null;
    const gender = GenderSchema.safeParse(record.gender).data ?? "not-recorded";
    const slot = slotCode(record.cohortSlot ?? OTHER_SLOT);
    // Computed once, here: the count and the mean of a cell then group the same people.
    const ageBand = ageBandOf(record.birthYear, age);
    return {
      disaggregation: {
        gender,
        birthYear: record.birthYear,
        ageBand,
        location,
        activityType: slot,
      },
      categorised: {
        slot,
        values: record.values,
        categories: {
          gender,
          ageBand,
          region: location ? regionOf(location) : "unknown",
        },
      } satisfies Categorised,
    };
  });
}

/**
 * Protects a course's counts with `minCellSize` (the formal threshold + 1: see ADR 029 — the
 * width guarantee keeps any group a reader can derive at `minCellSize − 1` people or more, and a
 * mean needs that group to be at least the formal threshold) and attaches means to the counts
 * shown.
 */
export function protectMeans(
  records: readonly MeanRecord[],
  options: { minCellSize: number; ageScheme: AgeBandScheme; asOf: Date },
): ProtectedMeans {
  const age = { scheme: options.ageScheme, asOf: options.asOf };
  const dated = categorise(records, age);
  const cuts = [...evaluationCutIds.map((id) => evaluationCuts[id]), ...cohortCuts];
  const tables = disaggregateMany(
    dated.map((record) => record.disaggregation),
    cuts,
    { minCellSize: options.minCellSize, age },
  );
  const people = dated.map((record) => record.categorised);
  const width = records[0]?.values.length ?? 0;
  const tableAt = (index: number) => {
    const table = tables[index];
    if (!table) throw new Error(`no table ${index}`);
    return table;
  };
  return {
    tables,
    table(cut) {
      const published = tableAt(evaluationCutIds.indexOf(cut));
      return {
        cells: published.cells.map((cell) => meanCell(cell, people, width)),
        total: meanCell({ key: {}, ...published.total }, people, width),
      };
    },
    cohort(slot) {
      if (!Number.isInteger(slot) || slot < 1 || slot > cohortSlots) {
        throw new RangeError(`no cohort slot ${slot}`);
      }
      const code = slotCode(slot);
      const ofSlot = (cell: DisaggregationCell) => cell.key.activityType === code;
      const totals = tableAt(evaluationCutIds.length).cells.filter(ofSlot);
      const bySex = tableAt(evaluationCutIds.length + 1).cells.filter(ofSlot);
      const total = totals[0];
      if (!total) throw new Error(`no total for cohort slot ${slot}`);
      return {
        cells: bySex.map((cell) => meanCell(cell, people, width)),
        total: meanCell(total, people, width),
      };
    },
  };
}

function meanCell(
  cell: Pick<DisaggregationCell, "key" | "count">,
  people: readonly Categorised[],
  width: number,
): MeanCell {
  const none = { key: cell.key, n: cell.count, means: Array.from({ length: width }, () => null) };
  if (cell.count === null || cell.count === 0) return none;
  const members = people.filter((person) =>
    Object.entries(cell.key).every(
      ([dimension, value]) =>
        (dimension === "activityType"
          ? person.slot
          : person.categories[dimension as keyof Categorised["categories"]]) === value,
    ),
  );
  // The count is the protected figure; a mean over anyone else would be wrong (a defect).
  if (members.length !== cell.count) {
    throw new Error(`mean of ${JSON.stringify(cell.key)}: ${members.length} ≠ ${cell.count}`);
  }
  return {
    key: cell.key,
    n: cell.count,
    means: Array.from({ length: width }, (_, v) => {
      const sum = members.reduce((total, person) => total + (person.values[v] ?? 0), 0);
      return Math.round((10 * sum) / members.length) / 10;
    }),
  };
}
