import type { Db } from "@peacelearn/db";
import type { AgeBandScheme } from "@peacelearn/domain";
import { loadGainFamily } from "./gain.server";
import type { MeanCell } from "./protected-means.server";

/*
 * Learning gain as IATI 2.03 results (ADR 029): per course with a pre/post test, one outcome
 * result (result/@type 2) whose indicator (@measure 2, percentage; @ascending true) is the mean
 * test score, with
 *   indicator/baseline  @year, @iso-date (the first pre-test), @value = the pre-test mean,
 *   indicator/period    period-start/end (first pre-test, last post-test), actual @value = the
 *                       post-test mean,
 * each for the total and by sex, age band and sex × age (baseline/dimension, actual/dimension),
 * from the course's protected gain family: a withheld mean has no @value, only a comment.
 * https://iatistandard.org/en/iati-standard/203/activity-standard/iati-activities/iati-activity/result/indicator/baseline/
 */

type Narrative = { narrative: Array<{ "xml:lang": string; text: string }> };
type Dimension = { name: "sex" | "age"; value: string };
type Figure = { value?: string; dimension: Dimension[]; comment?: Narrative };

/** Texts of a course's gain indicator (en + fr), from the caller. */
export type GainIndicatorText = { title: Narrative; description: Narrative; withheld: Narrative };

const sexValue = (gender: string) =>
  gender === "woman" ? "female" : gender === "man" ? "male" : gender;

function dimensionsOf(key: MeanCell["key"]): Dimension[] {
  const dimension: Dimension[] = [];
  if (key.gender !== undefined) dimension.push({ name: "sex", value: sexValue(key.gender) });
  if (key.ageBand !== undefined) dimension.push({ name: "age", value: key.ageBand });
  return dimension;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** IATI results for every course with a pre/post test that has anyone with both. */
export async function learningGainResults(
  db: Db,
  {
    ageScheme,
    textsOf,
    now = new Date(),
  }: {
    ageScheme: AgeBandScheme;
    textsOf: (courseTitle: { en: string; fr: string }) => GainIndicatorText;
    now?: Date;
  },
) {
  const courses = await db.course.findMany({
    where: { prePostTests: { some: { testAttempts: { some: {} } } } },
    orderBy: { key: "asc" },
    select: {
      id: true,
      key: true,
      translations: {
        where: { locale: { in: ["en", "fr"] } },
        select: { locale: true, title: true },
      },
    },
  });
  const results = [];
  for (const course of courses) {
    const family = await loadGainFamily(db, course.id, { ageScheme, now });
    const span = await db.prePostTestAttempt.aggregate({
      where: { knowledgeCheck: { courseId: course.id } },
      _min: { takenAt: true },
      _max: { takenAt: true },
    });
    const first = span._min.takenAt;
    const last = span._max.takenAt;
    if (!first || !last) continue;
    const title = (locale: string) =>
      course.translations.find((t) => t.locale === locale)?.title ?? course.key;
    const texts = textsOf({ en: title("en"), fr: title("fr") });
    // Total, sex, age and sex × age: tables of the one protected family.
    const cells = [
      family.means.table("total").total,
      ...family.means.table("sex").cells,
      ...family.means.table("age").cells,
      ...family.means.table("sexAge").cells,
    ].filter((cell) => cell.n !== 0);
    const figure = (cell: MeanCell, index: 0 | 1): Figure => {
      const value = cell.means[index];
      return value === null || value === undefined
        ? { dimension: dimensionsOf(cell.key), comment: texts.withheld }
        : { value: String(value), dimension: dimensionsOf(cell.key) };
    };
    results.push({
      type: 2,
      "aggregation-status": false,
      title: texts.title,
      indicator: [
        {
          measure: 2,
          ascending: true,
          "aggregation-status": false,
          title: texts.title,
          description: texts.description,
          baseline: cells.map((cell) => ({
            year: first.getUTCFullYear(),
            "iso-date": day(first),
            ...figure(cell, 0),
          })),
          period: [
            {
              "period-start": { "iso-date": day(first) },
              "period-end": { "iso-date": day(last) },
              actual: cells.map((cell) => figure(cell, 1)),
            },
          ],
        },
      ],
    });
  }
  return results;
}
