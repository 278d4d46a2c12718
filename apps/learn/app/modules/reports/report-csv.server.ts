import type { DisaggregationDimension } from "@peacelearn/domain";
import { labelCategory } from "@peacelearn/domain";
import type { TFunction } from "i18next";
import { type CsvCell, toCsv } from "~/lib/csv";
import type { MeasureReport, RateCell } from "./report.server";
import { isVisibleZero, type PublishedCount, type ReportRow, reportRows } from "./report-rows";

function countField(value: PublishedCount, minCellSize: number, t: TFunction): string | number {
  if (!value.suppressed && value.count !== null) return value.count;
  // Never the real number: "<5" says only what the reason says; a complementary cell is at least
  // the threshold, so "<5" would be false there.
  return value.reason === "complementary" ? t("reports:cell.hidden") : `<${minCellSize}`;
}

function rateField(rate: RateCell | undefined, t: TFunction): string | number {
  if (!rate) return "";
  if (rate.suppressed) return t("reports:cell.suppressed");
  return rate.value ?? "";
}

/**
 * The report as CSV: one line per cell of the chosen dimensions, then the margins ("All" in the
 * other columns), then the total; one column per measure (two for pass rates: pairs attempted and
 * the rate). Lines where every measure is a published zero are left out; suppressed cells stay.
 * The whole file, written by the app's one CSV writer (`~/lib/csv`).
 */
export function reportCsv(
  reports: readonly MeasureReport[],
  by: readonly DisaggregationDimension[],
  minCellSize: number,
  locale: string,
  t: TFunction,
): string {
  const rowsOf = reports.map((report) => reportRows(report));
  const header = [
    ...by.map((dimension) => t(`reports:dimensions.${dimension}`)),
    ...reports.flatMap((report) =>
      report.measure === "passRates"
        ? [t("reports:csv.passRateTakers"), t("reports:csv.passRatePercent")]
        : [t(`reports:measures.${report.measure}`)],
    ),
  ];
  const lines: CsvCell[][] = [header];
  const first = rowsOf[0] ?? [];
  first.forEach((row: ReportRow, i) => {
    const columns = rowsOf.map((rows) => rows[i] as ReportRow);
    if (
      row.kind !== "total" &&
      columns.every((column) => isVisibleZero(column) && !column.rate?.suppressed)
    )
      return;
    const keys = by.map((dimension) => {
      const code = row.key[dimension];
      return code === undefined ? t("reports:table.all") : labelCategory(dimension, code, locale);
    });
    const values = reports.flatMap((report, m) => {
      const column = columns[m] as ReportRow;
      const count = countField(column.value, minCellSize, t);
      return report.measure === "passRates" ? [count, rateField(column.rate, t)] : [count];
    });
    lines.push([...keys, ...values]);
  });
  return toCsv(lines);
}

/**
 * `peacelearn-report-2026-11-27T09-15-02Z.csv`: sortable, and safe in every file system; in
 * discreet mode `notes-2026-11-27T09-15-02Z.csv`, which names neither the site nor the subject.
 */
export function reportFileName(
  now: Date,
  extension: string,
  { discreet = false }: { discreet?: boolean } = {},
): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replaceAll(":", "-");
  return `${discreet ? "notes" : "peacelearn-report"}-${stamp}.${extension}`;
}
