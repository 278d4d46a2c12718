import type { Db } from "@peacelearn/db";
import type { DisaggregationDimension } from "@peacelearn/domain";
import { type GainIndicatorText, learningGainResults } from "~/modules/evaluation/iati-gain.server";
import { loadFormalReport, type MeasureReport, type RateCell } from "./report.server";
import { type PublishedCount, reportRows } from "./report-rows";
import {
  formalAgeScheme,
  formalCuts,
  periodDays,
  type ReportMeasure,
  type ReportPeriod,
} from "./schema";

/*
 * Shape follows the IATI Activity Standard 2.03, element iati-activity/result:
 *   result/@type (1 = output), result/title/narrative,
 *   result/indicator/@measure (1 = unit, 2 = percentage), indicator/@ascending,
 *   indicator/title/narrative,
 *   indicator/period/period-start/@iso-date, period/period-end/@iso-date,
 *   period/actual/@value, actual/dimension/@name + @value (one dimension per disaggregation
 *   category, e.g. sex = female, age = 18-49), actual/comment/narrative.
 * https://iatistandard.org/en/iati-standard/203/activity-standard/iati-activities/iati-activity/result/indicator/period/actual/dimension/
 * XML attributes become JSON keys of the same name. `dimension` values are free text in IATI:
 * sex uses "female" / "male" (as IATI's own guidance examples do) and the domain's codes for the
 * other gender categories; age uses the domain's band codes of the formal scheme (adult bands).
 * indicator/description/narrative says what the unit is. Every figure comes from the formal
 * tier (ADR 024): the sex × age table of the measure's protected family for one fixed period.
 */

type Narrative = { narrative: Array<{ "xml:lang": string; text: string }> };
type IatiActual = {
  value?: number;
  dimension: Array<{ name: "sex" | "age"; value: string }>;
  comment?: Narrative;
};

export type IatiIndicatorText = { title: Narrative; description: Narrative; withheld: Narrative };

/** The indicators exported, in order; the texts (en + fr) come from the caller. */
const iatiIndicators: ReadonlyArray<{ measure: ReportMeasure; iatiMeasure: 1 | 2 }> = [
  { measure: "enrolments", iatiMeasure: 1 },
  { measure: "completions", iatiMeasure: 1 },
  { measure: "passRates", iatiMeasure: 2 },
  { measure: "attendance", iatiMeasure: 1 },
  { measure: "accompaniment", iatiMeasure: 1 },
];

const sexValue = (gender: string) =>
  gender === "woman" ? "female" : gender === "man" ? "male" : gender;

function dimensionsOf(key: Partial<Record<DisaggregationDimension, string>>) {
  const dimension: IatiActual["dimension"] = [];
  if (key.gender !== undefined) dimension.push({ name: "sex", value: sexValue(key.gender) });
  if (key.ageBand !== undefined) dimension.push({ name: "age", value: key.ageBand });
  return dimension;
}

/**
 * One `actual` per published count (total, sex margins, age margins, sex × age cells). A
 * suppressed count has no `value` — only a comment saying it was withheld — so nothing of it
 * leaves the server. Published zeros of sex × age cells are left out; margins and total always stay.
 */
function actualsOf(report: MeasureReport, texts: IatiIndicatorText): IatiActual[] {
  const actuals: IatiActual[] = [];
  for (const row of reportRows(report)) {
    const value: PublishedCount | RateCell =
      report.measure === "passRates" ? (row.rate ?? { value: null, suppressed: true }) : row.value;
    const number = "count" in value ? value.count : value.value;
    if (row.kind === "cell" && !value.suppressed && number === 0) continue;
    const dimension = dimensionsOf(row.key);
    if (value.suppressed || number === null) {
      actuals.push({ dimension, ...(value.suppressed ? { comment: texts.withheld } : {}) });
    } else {
      actuals.push({ value: number, dimension });
    }
  }
  return actuals;
}

/**
 * IATI results for one fixed period (a year, quarter or month; default: the latest year with
 * data), each indicator disaggregated by sex × age from the formal tier. Returns the period used.
 */
export async function iatiResults(
  db: Db,
  requested: ReportPeriod | undefined,
  textsOf: (measure: ReportMeasure) => IatiIndicatorText,
  now = new Date(),
  /** Learning gain (ADR 029): pre-test mean as baseline, post-test mean as actual, per course. */
  gainTextsOf?: (courseTitle: { en: string; fr: string }) => GainIndicatorText,
) {
  const result = [];
  let period: ReportPeriod = requested ?? String(now.getUTCFullYear());
  for (const { measure, iatiMeasure } of iatiIndicators) {
    const { report } = await loadFormalReport(
      db,
      measure,
      { by: [...formalCuts["gender-ageBand"]], ...(requested ? { period: requested } : {}) },
      now,
    );
    period = report.period ?? period;
    const { start, end } = periodDays(period);
    const texts = textsOf(measure);
    result.push({
      type: 1,
      "aggregation-status": false,
      title: texts.title,
      indicator: [
        {
          measure: iatiMeasure,
          ascending: true,
          "aggregation-status": iatiMeasure === 1,
          title: texts.title,
          description: texts.description,
          period: [
            {
              "period-start": { "iso-date": start },
              "period-end": { "iso-date": end },
              actual: actualsOf(report, texts),
            },
          ],
        },
      ],
    });
  }
  const gain = gainTextsOf
    ? await learningGainResults(db, { ageScheme: formalAgeScheme, textsOf: gainTextsOf, now })
    : [];
  return { period, result: [...result, ...gain] };
}
