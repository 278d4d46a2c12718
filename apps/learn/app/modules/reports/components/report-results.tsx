import { type DisaggregationDimension, labelCategory } from "@peacelearn/domain";
import { EmptyState, Table } from "@peacelearn/ui";
import { formatPercent } from "~/lib/format";
import type { Translate } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import type { MeasureReport, RateCell } from "../report.server";
import {
  isVisibleZero,
  type PublishedCount,
  published,
  type ReportRow,
  reportRows,
} from "../report-rows";
import { BarChart, type ChartBar, type ChartGroup } from "./bar-chart";

type Cell = MeasureReport["result"]["cells"][number];

/**
 * The chosen cut as bars: one dimension gives one list; two give a list per category of the first
 * (e.g. per gender, its age bands), headed by that category's published margin. Everything comes
 * from the one protected result, nothing is summed here.
 */
function ReportChart({
  report,
  locale,
  title,
}: {
  report: MeasureReport;
  locale: string;
  title: string;
}) {
  const { t } = useTranslation("reports");
  const { result } = report;
  // Bars of withheld counts alone would draw nothing: say so, and leave the figures to the table.
  if (!result.cells.some((cell) => !cell.suppressed && (cell.count ?? 0) > 0)) {
    return <p className="max-w-3xl">{t("chart.allWithheld")}</p>;
  }
  const [outer, inner] = result.by as [DisaggregationDimension, DisaggregationDimension?];
  const name = (dimension: DisaggregationDimension, code: string | undefined) =>
    labelCategory(dimension, code ?? "unknown", locale);
  const bar = (cell: Cell, dimension: DisaggregationDimension, i: number): ChartBar => ({
    id: `${i}`,
    label: name(dimension, cell.key[dimension]),
    value: published(cell),
  });
  if (!inner) {
    const bars = result.cells.map((cell, i) => bar(cell, outer, i));
    return <BarChart title={title} groups={[{ id: "all", bars }]} />;
  }
  const groups: ChartGroup[] = (result.margins[outer] ?? []).map((margin) => ({
    id: margin.key[outer] ?? "unknown",
    label: name(outer, margin.key[outer]),
    total: published(margin),
    bars: result.cells.flatMap((cell, i) =>
      cell.key[outer] === margin.key[outer] ? [bar(cell, inner, i)] : [],
    ),
  }));
  return <BarChart title={title} groups={groups} />;
}

function CountText({ value }: { value: PublishedCount }) {
  const { t, i18n } = useTranslation("reports");
  if (!value.suppressed && value.count !== null) {
    return <>{new Intl.NumberFormat(i18n.language).format(value.count)}</>;
  }
  // Never "<5": a withheld count may be of any size (ADR 021).
  return <>{t("cell.withheld")}</>;
}

function RateText({ rate }: { rate: RateCell | undefined }) {
  const { t, i18n } = useTranslation("reports");
  if (!rate) return null;
  if (rate.suppressed) return <>{t("cell.withheld")}</>;
  if (rate.value === null) return <>{t("cell.noData")}</>;
  return <>{formatPercent(rate.value, i18n.language)}</>;
}

/** What the count column counts, in words that say when one person counts more than once. */
function unitHeader(report: MeasureReport, t: Translate<"reports">): string {
  if (report.tier === "exploration") return t(`units.${report.measure}`);
  return report.measure === "passRates"
    ? t("units.checksPassed")
    : t(`formalUnits.${report.measure}`);
}

function ReportTable({
  report,
  locale,
  title,
}: {
  report: MeasureReport;
  locale: string;
  title: string;
}) {
  const { t } = useTranslation("reports");
  const notPassed = report.notPassed
    ? new Map(reportRows({ ...report, result: report.notPassed }).map((row) => [row.id, row]))
    : undefined;
  const rows = reportRows(report).filter(
    (row) =>
      row.kind !== "cell" ||
      !isVisibleZero(row) ||
      (notPassed !== undefined && !isVisibleZero(notPassed.get(row.id) ?? row)),
  );
  const dimensionColumn = (dimension: DisaggregationDimension, index: number) => ({
    key: dimension,
    header: t(`dimensions.${dimension}`),
    isRowHeader: index === 0,
    cell: (row: ReportRow) => {
      if (row.kind === "total") return index === 0 ? t("table.total") : "";
      const code = row.key[dimension];
      return code === undefined ? t("table.all") : labelCategory(dimension, code, locale);
    },
  });
  const columns = [
    ...(report.result.by.length === 0
      ? [{ key: "what", header: t("table.what"), isRowHeader: true, cell: () => t("table.total") }]
      : report.result.by.map(dimensionColumn)),
    {
      key: "count",
      header: unitHeader(report, t),
      align: "end" as const,
      cell: (row: ReportRow) => <CountText value={row.value} />,
    },
    ...(notPassed
      ? [
          {
            key: "notPassed",
            header: t("units.checksNotPassed"),
            align: "end" as const,
            cell: (row: ReportRow) => {
              const other = notPassed.get(row.id);
              return other ? <CountText value={other.value} /> : null;
            },
          },
        ]
      : []),
    ...(report.rates
      ? [
          {
            key: "rate",
            header: t("table.passRate"),
            align: "end" as const,
            cell: (row: ReportRow) => <RateText rate={row.rate} />,
          },
        ]
      : []),
  ];
  return (
    <Table
      caption={title}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      emptyMessage={t("table.empty")}
      locale={locale === "fr" ? "fr" : "en"}
    />
  );
}

/**
 * The chosen measure: its cut as bars (counts with at least one dimension), then the table, the
 * exact and complete source (also what a screen reader browses cell by cell).
 */
export function ReportResults({ report, locale }: { report: MeasureReport; locale: string }) {
  const { t } = useTranslation("reports");
  const title = t(`measures.${report.measure}`);
  // A perturbed 0 may stand for 1–4 people: exploration never says "no records", it shows 0.
  if (
    report.tier === "formal" &&
    report.result.total.count === 0 &&
    (report.notPassed?.total.count ?? 0) === 0
  ) {
    return <EmptyState title={t("results.emptyTitle")} description={t("results.emptyBody")} />;
  }
  const chart = report.measure !== "passRates" && report.result.by.length > 0;
  return (
    <div className="flex flex-col gap-8">
      {chart ? <ReportChart report={report} locale={locale} title={title} /> : null}
      <ReportTable report={report} locale={locale} title={title} />
    </div>
  );
}
