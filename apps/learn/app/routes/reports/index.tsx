import { Alert, LinkButton } from "@peacelearn/ui";
import { href } from "react-router";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { readQuery } from "~/lib/form.server";
import { useTranslation } from "~/lib/i18n-react";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { requireRole } from "~/modules/auth/guards.server";
import { periodLabel, ReportFilters } from "~/modules/reports/components/report-filters";
import { ReportResults } from "~/modules/reports/components/report-results";
import { loadExplorationReport, loadFormalReport } from "~/modules/reports/report.server";
import { formalMinCellSize, parseReportQuery, reportSearch } from "~/modules/reports/schema";
import type { Route } from "./+types/index";

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "staff");
  const query = parseReportQuery(readQuery(request));
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  if (query.tier === "formal") {
    const { report, periods } = await loadFormalReport(db, query.measure, query);
    return { locale, query: { ...query, period: report.period }, report, periods };
  }
  const report = await loadExplorationReport(db, query.measure, query);
  return { locale, query, report, periods: [] };
}

export default function ReportsPage({ loaderData }: Route.ComponentProps) {
  const { locale, query, report, periods } = loaderData;
  const { t } = useTranslation("reports");
  const title = usePageTitle(t("title"));
  const search = reportSearch(query);
  const formal = report.tier === "formal";
  return (
    <div className="flex flex-col gap-8">
      <title>{title}</title>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl">{t("intro", { min: formalMinCellSize })}</p>
      <ReportFilters query={query} locale={locale} periods={periods} />
      <section aria-labelledby="report-results-heading" className="flex flex-col gap-4">
        <h2 id="report-results-heading" className="text-2xl font-bold">
          {formal && report.period
            ? t("results.headingFor", { period: periodLabel(report.period, locale) })
            : t("results.heading")}
        </h2>
        <p className="text-sm text-ink-muted">
          {t(formal ? `formalDefinitions.${query.measure}` : `definitions.${query.measure}`)}
        </p>
        {formal ? (
          <p className="text-sm text-ink-muted">
            {t("results.formalNote", { min: formalMinCellSize })}
          </p>
        ) : (
          <Alert tone="warning" role="none" title={t("results.perturbedTitle")}>
            {t("results.perturbedNote")}
          </Alert>
        )}
        {report.measure === "passRates" ? (
          <Alert tone="info" role="none" title={t("results.rateNoteTitle")}>
            {t(formal ? "results.rateNote" : "results.perturbedRateNote")}
          </Alert>
        ) : null}
        <ReportResults report={report} locale={locale} />
        {formal ? (
          <div className="flex flex-wrap gap-3">
            <LinkButton
              as={AppLink}
              to={`${href("/reports/export.csv")}?${search}`}
              variant="secondary"
              download
            >
              {t("export.csv")}
            </LinkButton>
            <LinkButton
              as={AppLink}
              to={`${href("/reports/iati.json")}?${search}`}
              variant="secondary"
            >
              {t("export.iati")}
            </LinkButton>
          </div>
        ) : (
          <p className="text-sm text-ink-muted">{t("export.formalOnly")}</p>
        )}
      </section>
    </div>
  );
}
