import type { Db } from "@peacelearn/db";
import { type AgeBandScheme, defaultMinCellSize, learningGain } from "@peacelearn/domain";
import {
  cohortSlots,
  type EvaluationCutId,
  type MeanCell,
  type MeanRecord,
  type MeanTable,
  type ProtectedMeans,
  protectMeans,
} from "./protected-means.server";

// Learning gain (ADR 029): per course, each learner's FIRST pre-test and FIRST post-test score (a
// re-take measures practice with the test, not the course). Only learners with both count: the
// pre and post means are over the same people, so their difference is a gain, not a change of
// who answered.

/** The threshold of evaluation families: the formal one (the domain default) plus one (ADR 029). */
export const evaluationMinCellSize = defaultMinCellSize + 1;

/** A course's cohorts as an evaluation family slots them (the first {@link cohortSlots}). */
/**
 * A slotted cohort, named by its number, region and start (never its name: a report reader is not
 * one of its trainers, and a cohort's name can say who is in it).
 */
type SlottedCohort = { id: string; slot: number; programmeRegion: string; startsOn: Date };

/** The cohorts of a course by start date, each with its slot; and each member's slot. */
export async function cohortSlotsOf(
  db: Db,
  courseId: string,
): Promise<{ cohorts: SlottedCohort[]; slotOf: Map<string, number> }> {
  const rows = await db.cohort.findMany({
    where: { courseId },
    orderBy: [{ startsOn: "asc" }, { id: "asc" }],
    take: cohortSlots,
    select: {
      id: true,
      programmeRegion: true,
      startsOn: true,
      memberships: { orderBy: { joinedAt: "asc" }, select: { userId: true } },
    },
  });
  const slotOf = new Map<string, number>();
  const cohorts = rows.map((cohort, index) => {
    // A learner in two cohorts of the course counts in the earlier one only.
    for (const { userId } of cohort.memberships)
      if (!slotOf.has(userId)) slotOf.set(userId, index + 1);
    return {
      id: cohort.id,
      slot: index + 1,
      programmeRegion: cohort.programmeRegion,
      startsOn: cohort.startsOn,
    };
  });
  return { cohorts, slotOf };
}

/** Each learner's first pre and first post score for the course, with what reports count her by. */
async function gainRecords(
  db: Db,
  courseId: string,
  slotOf: ReadonlyMap<string, number>,
): Promise<MeanRecord[]> {
  const attempts = await db.prePostTestAttempt.findMany({
    where: { knowledgeCheck: { courseId, kind: { in: ["pre", "post"] } } },
    orderBy: [{ takenAt: "asc" }, { id: "asc" }],
    select: {
      userId: true,
      score: true,
      knowledgeCheck: { select: { kind: true } },
      user: { select: { gender: true, birthYear: true, locationCode: true } },
    },
  });
  type Person = { pre?: number; post?: number; user: (typeof attempts)[number]["user"] };
  const people = new Map<string, Person>();
  for (const attempt of attempts) {
    const person = people.get(attempt.userId) ?? { user: attempt.user };
    const kind = attempt.knowledgeCheck.kind === "pre" ? "pre" : "post";
    person[kind] ??= attempt.score;
    people.set(attempt.userId, person);
  }
  return [...people].flatMap(([userId, person]) =>
    person.pre === undefined || person.post === undefined
      ? []
      : [
          {
            gender: person.user.gender,
            birthYear: person.user.birthYear,
            locationCode: person.user.locationCode,
            cohortSlot: slotOf.get(userId) ?? null,
            values: [person.pre, person.post],
          },
        ],
  );
}

/** A published gain cell: everything null when withheld. */
export type GainCell = {
  key: MeanCell["key"];
  n: number | null;
  pre: number | null;
  post: number | null;
  /** Post − pre, percentage points. */
  gain: number | null;
  /** Hake's normalised gain of the means; null also when the pre mean is 100. */
  normalisedGain: number | null;
};

function gainCell(cell: MeanCell): GainCell {
  const [pre = null, post = null] = cell.means;
  if (pre === null || post === null) {
    return { key: cell.key, n: cell.n, pre: null, post: null, gain: null, normalisedGain: null };
  }
  const gain = learningGain(pre, post);
  return {
    key: cell.key,
    n: cell.n,
    pre,
    post,
    gain: Math.round(gain.gain * 10) / 10,
    normalisedGain:
      gain.normalisedGain === null ? null : Math.round(gain.normalisedGain * 100) / 100,
  };
}

export type GainFamily = {
  cohorts: SlottedCohort[];
  means: ProtectedMeans;
  /** What was protected (for the attack test): the people and the date ages are taken at. */
  records: MeanRecord[];
  asOf: Date;
};

/**
 * The protected gain family of a course: every cut, for the course and each of its cohorts. Ages
 * in `ageScheme`: the formal tier's, which reports own and pass in.
 */
export async function loadGainFamily(
  db: Db,
  courseId: string,
  { ageScheme, now = new Date() }: { ageScheme: AgeBandScheme; now?: Date },
): Promise<GainFamily> {
  const { cohorts, slotOf } = await cohortSlotsOf(db, courseId);
  const records = await gainRecords(db, courseId, slotOf);
  // Ages at the end of the current year, as the formal tier (ADR 024).
  const asOf = new Date(Date.UTC(now.getUTCFullYear(), 11, 31));
  return {
    cohorts,
    means: protectMeans(records, {
      minCellSize: evaluationMinCellSize,
      ageScheme,
      asOf,
    }),
    records,
    asOf,
  };
}

/**
 * One table of the family: a cut of the course, or (with `cohortId`) that cohort's total and its
 * cells by sex — the cohort tables of the family. Null for a cohort that is not one of the
 * course's slotted cohorts.
 */
export function gainTable(family: GainFamily, cut: EvaluationCutId, cohortId: string | null) {
  let table: MeanTable;
  if (cohortId === null) {
    table = family.means.table(cut);
  } else {
    const slot = family.cohorts.find((cohort) => cohort.id === cohortId)?.slot;
    if (slot === undefined) return null;
    table = family.means.cohort(slot);
  }
  return { cells: table.cells.map(gainCell), total: gainCell(table.total) };
}
