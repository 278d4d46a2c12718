import { type DisaggregationDimension, labelCategory } from "@peacelearn/domain";
import { DisaggregationChart, type DisaggregationData, EmptyState, Table } from "@peacelearn/ui";
import { formatPercent } from "~/lib/format";
import { useTranslation } from "~/lib/i18n-react";
import type { MeasureReport, RateCell } from "../report.server";
import { isVisibleZero, type PublishedCount, type ReportRow, reportRows } from "../report-rows";

type Cell = MeasureReport["result"]["cells"][number];

/**
 * A sum of published cells for a sub-table (one location, one activity type…). It uses only what
 * the result publishes, so it reveals nothing new: any hidden member hides the sum.
 */
function derivedSum(cells: readonly Cell[]): DisaggregationData["total"] {
  if (cells.some((cell) => cell.suppressed || cell.count === null)) {
    // Withheld, like its members: the sum of hidden cells can be of any size.
    return { count: null, suppressed: true, reason: "withheld" };
  }
  return { count: cells.reduce((sum, cell) => sum + (cell.count ?? 0), 0), suppressed: false };
}

function derivedMargin(cells: readonly Cell[], dimension: "gender" | "ageBand") {
  const codes = [...new Set(cells.map((cell) => cell.key[dimension] as string))];
  return codes.map((code) => ({
    key: { [dimension]: code },
    ...derivedSum(cells.filter((cell) => cell.key[dimension] === code)),
  }));
}

/**
 * Gender × age-band pyramids, one per combination of the other chosen dimensions (only those with
 * someone in them), each built from the cells of the one protected result.
 */
function Pyramids({
  report,
  locale,
  title,
}: {
  report: MeasureReport;
  locale: string;
  title: string;
}) {
  const { t } = useTranslation("reports");
  // The chart would write "<5" under a hidden bar; formal counts are only ever "withheld".
  const messages = { fewerThan: t("cell.withheld"), suppressedNote: t("results.withheldNote") };
  const { result } = report;
  const others = result.by.filter((d) => d !== "gender" && d !== "ageBand");
  if (others.length === 0) {
    return (
      <DisaggregationChart
        data={result}
        title={title}
        locale={locale === "fr" ? "fr" : "en"}
        messages={messages}
      />
    );
  }
  const slices = new Map<string, { key: Cell["key"]; cells: Cell[] }>();
  for (const cell of result.cells) {
    // Categories are typed per dimension; the slice's key takes them over as they are.
    const key = Object.fromEntries(others.map((d) => [d, cell.key[d]])) as Cell["key"];
    const id = JSON.stringify(key);
    const slice = slices.get(id) ?? { key, cells: [] };
    slice.cells.push(cell);
    slices.set(id, slice);
  }
  const shown = [...slices.values()].filter((slice) =>
    slice.cells.some((cell) => cell.suppressed || (cell.count ?? 0) > 0),
  );
  return (
    <div className="flex flex-col gap-10">
      {shown.map((slice) => {
        const sliceTitle = `${title} — ${others
          .map((dimension) => labelCategory(dimension, slice.key[dimension] as string, locale))
          .join(" · ")}`;
        const data: DisaggregationData = {
          by: ["gender", "ageBand"],
          minCellSize: result.minCellSize,
          cells: slice.cells,
          margins: {
            gender: derivedMargin(slice.cells, "gender"),
            ageBand: derivedMargin(slice.cells, "ageBand"),
          },
          total: derivedSum(slice.cells),
        };
        return (
          <DisaggregationChart
            key={JSON.stringify(slice.key)}
            data={data}
            title={sliceTitle}
            locale={locale === "fr" ? "fr" : "en"}
            messages={messages}
          />
        );
      })}
    </div>
  );
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
      header: t(
        report.tier === "formal" && report.measure === "passRates"
          ? "units.checksPassed"
          : `units.${report.measure}`,
      ),
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

/** The chosen measure as pyramids (gender × age band chosen) or as a table. */
export function ReportResults({ report, locale }: { report: MeasureReport; locale: string }) {
  const { t } = useTranslation("reports");
  const title = t(`measures.${report.measure}`);
  const { by } = report.result;
  // A perturbed 0 may stand for 1–4 people: exploration never says "no records", it shows 0.
  if (
    report.tier === "formal" &&
    report.result.total.count === 0 &&
    (report.notPassed?.total.count ?? 0) === 0
  ) {
    return <EmptyState title={t("results.emptyTitle")} description={t("results.emptyBody")} />;
  }
  const pyramid = report.measure !== "passRates" && by.includes("gender") && by.includes("ageBand");
  return pyramid ? (
    <Pyramids report={report} locale={locale} title={title} />
  ) : (
    <ReportTable report={report} locale={locale} title={title} />
  );
}
