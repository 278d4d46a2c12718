import type { DisaggregationDimension } from "@peacelearn/domain";
import type { MeasureReport, RateCell } from "./report.server";

/** A published count as the page and the CSV show it (no real number when suppressed). */
export type PublishedCount = {
  count: number | null;
  suppressed: boolean;
  /** Formal tables only say "withheld" (ADR 021): nothing about the size of the count. */
  reason?: "withheld";
};

/** One line of a report table: a cell, a margin ("all" in the other dimensions) or the total. */
export type ReportRow = {
  id: string;
  kind: "cell" | "margin" | "total";
  key: Partial<Record<DisaggregationDimension, string>>;
  value: PublishedCount;
  rate?: RateCell;
};

/** A result's cell as published: its count, or withheld with no number. */
export const published = (cell: {
  count: number | null;
  suppressed: boolean;
  reason?: string;
}): PublishedCount => ({
  count: cell.suppressed ? null : cell.count,
  suppressed: cell.suppressed,
  ...(cell.suppressed ? { reason: "withheld" as const } : {}),
});

/**
 * Flattens a measure's result into table rows: cells, then each dimension's margin, then the
 * total — all from one protected result, so together they reveal no small count.
 */
export function reportRows(report: MeasureReport): ReportRow[] {
  const { result, rates } = report;
  const rows: ReportRow[] = result.cells.map((cell, i) => ({
    id: `cell-${i}`,
    kind: "cell",
    key: cell.key,
    value: published(cell),
    ...(rates ? { rate: rates.cells[i] } : {}),
  }));
  for (const dimension of result.by) {
    const margin = result.margins[dimension] ?? [];
    margin.forEach((cell, i) => {
      const rate = rates?.margins[dimension]?.[i];
      rows.push({
        id: `margin-${dimension}-${i}`,
        kind: "margin",
        key: cell.key,
        value: published(cell),
        ...(rate ? { rate } : {}),
      });
    });
  }
  rows.push({
    id: "total",
    kind: "total",
    key: {},
    value: published(result.total),
    ...(rates ? { rate: rates.total } : {}),
  });
  return rows;
}

/** A row that shows a published zero: listing it adds nothing, so long tables leave it out. */
export function isVisibleZero(row: Pick<ReportRow, "value">): boolean {
  return !row.value.suppressed && row.value.count === 0;
}
