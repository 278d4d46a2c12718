import type { Db } from "@peacelearn/db";
import type { AgeBandScheme } from "@peacelearn/domain";
import { data } from "react-router";
import { activeContent } from "~/modules/courses/translation";
import { cohortSlotsOf, evaluationMinCellSize } from "./gain.server";
import {
  type MeanRecord,
  type MeanTable,
  type ProtectedMeans,
  protectMeans,
} from "./protected-means.server";

// Reaction (ADR 029): an optional end-of-module form, one answer per person and module (answering
// again replaces it, so a double post or a Back-and-resubmit changes nothing). Reported per course
// as each person's average over the modules she rated — the person is the unit, as for gain, so
// that a count of 6 is 6 people, not one person's 6 modules.

type ModuleRef = { id: string; key: string; title: string; courseKey: string; courseTitle: string };

const FALLBACK_LOCALE = "en";

/** A published module of a published course, in `locale`; 404 otherwise. */
export async function loadReactionModule(
  db: Db,
  { courseKey, moduleKey, locale }: { courseKey: string; moduleKey: string; locale: string },
): Promise<ModuleRef> {
  const translations = { where: { locale: { in: [...new Set([locale, FALLBACK_LOCALE])] } } };
  const module = await db.module.findFirst({
    where: {
      key: moduleKey,
      ...activeContent,
      course: { key: courseKey, publishedAt: { not: null } },
    },
    select: {
      id: true,
      key: true,
      translations: { ...translations, select: { locale: true, title: true } },
      course: {
        select: {
          key: true,
          translations: { ...translations, select: { locale: true, title: true } },
        },
      },
    },
  });
  if (!module) throw data(null, { status: 404 });
  const pick = <T extends { locale: string }>(rows: T[]) =>
    rows.find((row) => row.locale === locale) ?? rows[0];
  return {
    id: module.id,
    key: module.key,
    title: pick(module.translations)?.title ?? module.key,
    courseKey: module.course.key,
    courseTitle: pick(module.course.translations)?.title ?? module.course.key,
  };
}

/** Her reaction to a module, if she gave one. */
export function findReaction(db: Db, { userId, moduleId }: { userId: string; moduleId: string }) {
  return db.moduleReaction.findUnique({
    where: { userId_moduleId: { userId, moduleId } },
    select: { usefulness: true, confidence: true },
  });
}

/** Stores (or replaces) her reaction: idempotent, one row per person and module. */
export async function recordReaction(
  db: Db,
  input: { userId: string; moduleId: string; usefulness: number; confidence: number },
  now = new Date(),
): Promise<void> {
  const values = { usefulness: input.usefulness, confidence: input.confidence, submittedAt: now };
  await db.moduleReaction.upsert({
    where: { userId_moduleId: { userId: input.userId, moduleId: input.moduleId } },
    create: { userId: input.userId, moduleId: input.moduleId, ...values },
    update: values,
  });
}

export type ReactionFamily = {
  cohorts: { id: string; slot: number }[];
  means: ProtectedMeans;
  /** What was protected (for the attack test): the people and the date ages are taken at. */
  records: MeanRecord[];
  asOf: Date;
};

/** Each person's average usefulness and confidence over the course's modules she rated. */
async function reactionRecords(
  db: Db,
  courseId: string,
  slotOf: ReadonlyMap<string, number>,
): Promise<MeanRecord[]> {
  const rows = await db.moduleReaction.findMany({
    where: { module: { courseId } },
    select: {
      userId: true,
      usefulness: true,
      confidence: true,
      user: { select: { gender: true, birthYear: true, locationCode: true } },
    },
  });
  const people = new Map<string, { rows: typeof rows }>();
  for (const row of rows) {
    const person = people.get(row.userId) ?? { rows: [] };
    person.rows.push(row);
    people.set(row.userId, person);
  }
  return [...people].map(([userId, person]) => {
    const [first] = person.rows;
    const mean = (pick: (row: (typeof rows)[number]) => number) =>
      person.rows.reduce((sum, row) => sum + pick(row), 0) / person.rows.length;
    return {
      gender: first?.user.gender ?? null,
      birthYear: first?.user.birthYear ?? null,
      locationCode: first?.user.locationCode ?? null,
      cohortSlot: slotOf.get(userId) ?? null,
      values: [mean((row) => row.usefulness), mean((row) => row.confidence)],
    };
  });
}

/** The protected reaction family of a course (same cuts, threshold and cohort slots as gain). */
export async function loadReactionFamily(
  db: Db,
  courseId: string,
  { ageScheme, now = new Date() }: { ageScheme: AgeBandScheme; now?: Date },
): Promise<ReactionFamily> {
  const { cohorts, slotOf } = await cohortSlotsOf(db, courseId);
  const records = await reactionRecords(db, courseId, slotOf);
  const asOf = new Date(Date.UTC(now.getUTCFullYear(), 11, 31));
  return {
    cohorts,
    means: protectMeans(records, { minCellSize: evaluationMinCellSize, ageScheme, asOf }),
    records,
    asOf,
  };
}

export type ReactionCell = {
  key: MeanTable["total"]["key"];
  n: number | null;
  usefulness: number | null;
  confidence: number | null;
};

/** One table of the reaction family: a cut of the course, or a cohort's total and cells by sex. */
export function reactionTable(
  family: ReactionFamily,
  cut: Parameters<ProtectedMeans["table"]>[0],
  cohortId: string | null,
) {
  let table: MeanTable;
  if (cohortId === null) table = family.means.table(cut);
  else {
    const slot = family.cohorts.find((cohort) => cohort.id === cohortId)?.slot;
    if (slot === undefined) return null;
    table = family.means.cohort(slot);
  }
  const cell = (mean: MeanTable["total"]): ReactionCell => ({
    key: mean.key,
    n: mean.n,
    usefulness: mean.means[0] ?? null,
    confidence: mean.means[1] ?? null,
  });
  return { cells: table.cells.map(cell), total: cell(table.total) };
}
