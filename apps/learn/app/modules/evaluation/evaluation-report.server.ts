import type { Db } from "@peacelearn/db";
import type { AgeBandScheme } from "@peacelearn/domain";
import { z } from "zod";
import { gainTable, loadGainFamily } from "./gain.server";
import { type EvaluationCutId, evaluationCutIds } from "./protected-means.server";
import { loadReactionFamily, reactionTable } from "./reaction.server";

// The learning gain and reaction page (ADR 029): a course, the whole course or one of its cohorts,
// and a cut; both tables come from the course's protected families.

const reportQuerySchema = z.object({
  course: z.string().max(120).optional().catch(undefined),
  cohort: z.string().max(64).optional().catch(undefined),
  cut: z.enum(evaluationCutIds as [EvaluationCutId, ...EvaluationCutId[]]).catch("sex"),
});

export type EvaluationReportQuery = z.infer<typeof reportQuerySchema>;

/** The report's query, from the address: anything unknown falls back to a default (no 400 on a GET). */
export function parseEvaluationQuery(search: URLSearchParams): EvaluationReportQuery {
  return reportQuerySchema.parse(Object.fromEntries(search));
}

/** Courses that have a pre/post test, by title in `locale`. */
async function coursesWithTests(db: Db, locale: string) {
  const courses = await db.course.findMany({
    where: { prePostTests: { some: {} } },
    orderBy: { key: "asc" },
    select: {
      id: true,
      key: true,
      translations: {
        where: { locale: { in: [locale, "en"] } },
        select: { locale: true, title: true },
      },
    },
  });
  return courses.map((course) => ({
    id: course.id,
    key: course.key,
    title:
      (course.translations.find((t) => t.locale === locale) ?? course.translations[0])?.title ??
      course.key,
  }));
}

export async function loadEvaluationReport(
  db: Db,
  query: EvaluationReportQuery,
  { locale, ageScheme, now = new Date() }: { locale: string; ageScheme: AgeBandScheme; now?: Date },
) {
  const courses = await coursesWithTests(db, locale);
  const course = courses.find((found) => found.key === query.course) ?? courses[0];
  if (!course) return { courses, course: null, cohorts: [], query, gain: null, reaction: null };
  const [gainFamily, reactionFamily] = await Promise.all([
    loadGainFamily(db, course.id, { ageScheme, now }),
    loadReactionFamily(db, course.id, { ageScheme, now }),
  ]);
  const cohortId = gainFamily.cohorts.some((cohort) => cohort.id === query.cohort)
    ? (query.cohort ?? null)
    : null;
  return {
    courses,
    course,
    cohorts: gainFamily.cohorts.map(({ id, slot, programmeRegion, startsOn }) => ({
      id,
      slot,
      programmeRegion,
      startsOn: startsOn.toISOString().slice(0, 10),
    })),
    query: { ...query, course: course.key, cohort: cohortId ?? undefined },
    gain: gainTable(gainFamily, query.cut, cohortId),
    reaction: reactionTable(reactionFamily, query.cut, cohortId),
  };
}
