import { Alert, LinkButton } from "@peacelearn/ui";
import { href } from "react-router";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { readQuery } from "~/lib/form.server";
import { useTranslation } from "~/lib/i18n-react";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { requireRole } from "~/modules/auth/guards.server";
import { ReportFilters } from "~/modules/reports/components/report-filters";
import { ReportResults } from "~/modules/reports/components/report-results";
import { loadMeasureReport } from "~/modules/reports/report.server";
import { parseReportQuery, reportSearch } from "~/modules/reports/schema";
import type { Route } from "./+types/index";

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "staff");
  const query = parseReportQuery(readQuery(request));
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const report = await loadMeasureReport(db, query.measure, query);
  return { locale, query, report };
}

export default function ReportsPage({ loaderData }: Route.ComponentProps) {
  const { locale, query, report } = loaderData;
  const { t } = useTranslation("reports");
  const title = usePageTitle(t("title"));
  const search = reportSearch(query);
  return (
    <div className="flex flex-col gap-8">
      <title>{title}</title>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl">{t("intro", { min: query.minCellSize })}</p>
      <ReportFilters query={query} locale={locale} />
      <section aria-labelledby="report-results-heading" className="flex flex-col gap-4">
        <h2 id="report-results-heading" className="text-2xl font-bold">
          {t("results.heading")}
        </h2>
        <p className="text-sm text-ink-muted">{t(`definitions.${query.measure}`)}</p>
        {report.measure === "passRates" ? (
          <Alert tone="info" role="none" title={t("results.rateNoteTitle")}>
            {t("results.rateNote")}
          </Alert>
        ) : null}
        <ReportResults report={report} locale={locale} />
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
      </section>
    </div>
  );
}
