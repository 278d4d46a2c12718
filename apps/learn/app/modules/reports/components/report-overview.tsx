import { useTranslation } from "~/lib/i18n-react";
import type { ReportOverview as Overview, OverviewFigure } from "../overview.server";
import { BarChart } from "./bar-chart";
import { periodLabel } from "./report-filters";

function Headline({
  figure,
  measure,
}: {
  figure: OverviewFigure;
  measure: "enrolments" | "completions";
}) {
  const { t, i18n } = useTranslation("reports");
  const number = new Intl.NumberFormat(i18n.language).format(figure.count);
  return (
    <div className="flex flex-col gap-1 rounded-card border border-border p-4">
      <dt className="font-semibold">{t(`overview.${measure}.label`)}</dt>
      <dd className="text-4xl font-bold tabular-nums" data-headline>
        {t("overview.about", { figure: number })}
      </dd>
      <dd className="text-sm text-ink-muted">{t(`overview.${measure}.unit`)}</dd>
    </div>
  );
}

/**
 * The first thing a programme officer reads: the year's enrolments and completions, then the
 * chosen measure quarter by quarter — approximate figures, said so in words (ADR 026).
 */
export function ReportOverview({ overview, locale }: { overview: Overview; locale: string }) {
  const { t } = useTranslation("reports");
  const { year, trend } = overview;
  return (
    <section aria-labelledby="report-overview-heading" className="flex flex-col gap-4">
      <h2 id="report-overview-heading" className="text-2xl font-bold">
        {t("overview.heading", { year })}
      </h2>
      <dl className="grid gap-4 sm:grid-cols-2">
        <Headline figure={overview.enrolments} measure="enrolments" />
        <Headline figure={overview.completions} measure="completions" />
      </dl>
      <BarChart
        title={t("overview.trendTitle", {
          unit: t(`overview.trendUnits.${trend.measure}`),
          year,
        })}
        approximate
        showZeros
        groups={[
          {
            id: "quarters",
            bars: trend.quarters.map((quarter) => ({
              id: quarter.period,
              label: periodLabel(quarter.period, locale),
              value: { count: quarter.count, suppressed: false },
            })),
          },
        ]}
      />
      <p className="max-w-3xl text-sm text-ink-muted">{t("overview.note")}</p>
    </section>
  );
}
