import { Alert, Button, LinkButton } from "@peacelearn/ui";
import { href } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { CsvSeparatorChoice } from "~/components/csv-separator-choice";
import { getDb } from "~/lib/db.server";
import { readQuery } from "~/lib/form.server";
import { useTranslation } from "~/lib/i18n-react";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { requireRole } from "~/modules/auth/guards.server";
import { periodLabel, ReportFilters } from "~/modules/reports/components/report-filters";
import { ReportOverview } from "~/modules/reports/components/report-overview";
import { ReportResults } from "~/modules/reports/components/report-results";
import { loadReportOverview } from "~/modules/reports/overview.server";
import { loadExplorationReport, loadFormalReport } from "~/modules/reports/report.server";
import {
  formalMinCellSize,
  parseReportQuery,
  type ReportQuery,
  reportSearch,
} from "~/modules/reports/schema";
import type { Route } from "./+types/index";

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "staff");
  const query = parseReportQuery(readQuery(request));
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const now = new Date();
  if (query.tier === "formal") {
    const { report, periods } = await loadFormalReport(db, query.measure, query, now);
    const year = Number(report.period?.slice(0, 4) ?? now.getUTCFullYear());
    const overview = await loadReportOverview(db, query.measure, year, now);
    return { locale, query: { ...query, period: report.period }, report, periods, overview };
  }
  const report = await loadExplorationReport(db, query.measure, query, now);
  const year = Number(query.to?.slice(0, 4) ?? now.getUTCFullYear());
  const overview = await loadReportOverview(db, query.measure, year, now);
  return { locale, query, report, periods: [], overview };
}

/**
 * The formal downloads: the CSV on a GET form that asks which spreadsheet it is for (semicolons
 * for French Excel and LibreOffice, the default in French), and the IATI results, which stay codes.
 */
function FormalDownloads({ query, locale }: { query: ReportQuery; locale: string }) {
  const { t } = useTranslation("reports");
  return (
    <div className="flex flex-col gap-3">
      <h3 className="text-xl font-bold">{t("export.heading")}</h3>
      <AppForm
        method="get"
        action={href("/reports/export.csv")}
        reloadDocument
        className="flex flex-col gap-3"
      >
        {[...new URLSearchParams(reportSearch(query))].map(([name, value]) => (
          <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
        ))}
        <CsvSeparatorChoice locale={locale} />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" variant="secondary">
            {t("export.csv")}
          </Button>
          <LinkButton
            as={AppLink}
            to={`${href("/reports/iati.json")}?${reportSearch(query)}`}
            variant="secondary"
          >
            {t("export.iati")}
          </LinkButton>
        </div>
      </AppForm>
    </div>
  );
}

export default function ReportsPage({ loaderData }: Route.ComponentProps) {
  const { locale, query, report, periods, overview } = loaderData;
  const { t } = useTranslation("reports");
  const title = usePageTitle(t("title"));
  const formal = report.tier === "formal";
  return (
    <div className="flex flex-col gap-8">
      <title>{title}</title>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <div className="flex max-w-3xl flex-col gap-2">
        <p>{t("intro")}</p>
        <p>{t(`introTier.${query.tier}`, { min: formalMinCellSize })}</p>
      </div>
      <ReportOverview overview={overview} locale={locale} />
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
          <FormalDownloads query={query} locale={locale} />
        ) : (
          <p className="text-sm text-ink-muted">{t("export.formalOnly")}</p>
        )}
      </section>
    </div>
  );
}
