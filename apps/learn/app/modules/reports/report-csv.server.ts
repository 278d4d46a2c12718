import type { DisaggregationDimension } from "@peacelearn/domain";
import { labelCategory } from "@peacelearn/domain";
import type { TFunction } from "i18next";
import { type CsvCell, type CsvWriteOptions, toCsv } from "~/lib/csv";
import type { MeasureReport, RateCell } from "./report.server";
import { isVisibleZero, type PublishedCount, type ReportRow, reportRows } from "./report-rows";

function countField(value: PublishedCount, t: TFunction): string | number {
  if (!value.suppressed && value.count !== null) return value.count;
  // Never a number, nor "<5": a withheld count may be of any size (ADR 021).
  return t("reports:cell.withheld");
}

function rateField(rate: RateCell | undefined, t: TFunction): string | number {
  if (!rate) return "";
  if (rate.suppressed) return t("reports:cell.withheld");
  return rate.value ?? "";
}

/**
 * A formal report as CSV: one line per cell of the chosen cut, then the margins ("All" in the
 * other columns), then the total; one column per measure (three for pass rates: pairs passed, not
 * passed, and the rate). Lines where every measure is a published zero are left out; withheld
 * cells stay, written as withheld. `notes` (the period, the threshold, what each measure counts)
 * follow the table after an empty line. The whole file, written by the app's one CSV writer.
 */
export function reportCsv(
  reports: readonly MeasureReport[],
  by: readonly DisaggregationDimension[],
  locale: string,
  t: TFunction,
  notes: readonly string[] = [],
  options: CsvWriteOptions = {},
): string {
  const rowsOf = reports.map((report) => reportRows(report));
  const notPassedOf = reports.map((report) =>
    report.notPassed ? reportRows({ ...report, result: report.notPassed }) : [],
  );
  const header = [
    ...by.map((dimension) => t(`reports:dimensions.${dimension}`)),
    ...reports.flatMap((report) =>
      report.measure === "passRates"
        ? [
            t("reports:csv.checksPassed"),
            t("reports:csv.checksNotPassed"),
            t("reports:csv.passRatePercent"),
          ]
        : [t(`reports:formalUnits.${report.measure}`)],
    ),
  ];
  const lines: CsvCell[][] = [header];
  const first = rowsOf[0] ?? [];
  first.forEach((row: ReportRow, i) => {
    const columns = rowsOf.map((rows) => rows[i] as ReportRow);
    if (
      row.kind !== "total" &&
      columns.every((column) => isVisibleZero(column) && !column.rate?.suppressed) &&
      notPassedOf.every((rows) => !rows[i] || isVisibleZero(rows[i] as ReportRow))
    )
      return;
    const keys = by.map((dimension) => {
      const code = row.key[dimension];
      return code === undefined ? t("reports:table.all") : labelCategory(dimension, code, locale);
    });
    const values = reports.flatMap((report, m) => {
      const column = columns[m] as ReportRow;
      const count = countField(column.value, t);
      if (report.measure !== "passRates") return [count];
      const notPassed = notPassedOf[m]?.[i];
      return [count, notPassed ? countField(notPassed.value, t) : "", rateField(column.rate, t)];
    });
    lines.push([...keys, ...values]);
  });
  if (notes.length > 0) lines.push([], ...notes.map((note) => [note]));
  return toCsv(lines, options);
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
