import type { Db } from "@peacelearn/db";
import { loadExplorationReport } from "./report.server";
import { formalAgeScheme, periodDays, type ReportMeasure, type ReportPeriod } from "./schema";

/** One approximate figure of the overview: a perturbed total for a window. */
export type OverviewFigure = { period: ReportPeriod; count: number };

/**
 * What a programme officer reads first (ADR 026): the year's enrolments and course completions
 * (the headline), and the chosen measure quarter by quarter (the trend).
 *
 * Every figure is an exploration total — the whole programme for one window, perturbed with the
 * cell-key method (ADR 024) — so it is exactly what the exploration tier shows anyone who asks for
 * that window, and publishes nothing new. Exact formal totals cannot serve here: on a programme
 * the size of the demo (60 trainees) the formal family withholds every count's year total, and of
 * its 24 quarter totals (6 counts × 4) withholds 11 and publishes one non-zero figure (the rest are
 * true zeros), so a headline and a trend from it would read "withheld" throughout.
 */
export type ReportOverview = {
  year: number;
  enrolments: OverviewFigure;
  completions: OverviewFigure;
  /** The chosen measure's units (for pass rates: person × check pairs attempted), per quarter. */
  trend: { measure: ReportMeasure; quarters: OverviewFigure[] };
};

async function perturbedTotal(
  db: Db,
  measure: ReportMeasure,
  period: ReportPeriod,
  now: Date,
): Promise<OverviewFigure> {
  const { start, end } = periodDays(period);
  const report = await loadExplorationReport(
    db,
    measure,
    { by: [], ageScheme: formalAgeScheme, from: start, to: end },
    now,
  );
  // A perturbed total is never withheld; it may be 0 (no one, or 1–4 people rounded to 0).
  return { period, count: report.result.total.count ?? 0 };
}

/** The overview of one calendar year (six small queries: two year totals, four quarters). */
export async function loadReportOverview(
  db: Db,
  measure: ReportMeasure,
  year: number,
  now = new Date(),
): Promise<ReportOverview> {
  const enrolments = await perturbedTotal(db, "enrolments", String(year), now);
  const completions = await perturbedTotal(db, "completions", String(year), now);
  const quarters: OverviewFigure[] = [];
  for (const q of [1, 2, 3, 4]) {
    quarters.push(await perturbedTotal(db, measure, `${year}-Q${q}`, now));
  }
  return { year, enrolments, completions, trend: { measure, quarters } };
}
