import { getDb } from "~/lib/db.server";
import { isDiscreet } from "~/lib/discreet.server";
import { readQuery } from "~/lib/form.server";
import { createI18n } from "~/lib/i18n";
import { getLocale } from "~/lib/locale.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { requireRole } from "~/modules/auth/guards.server";
import { loadMeasureReport } from "~/modules/reports/report.server";
import { reportCsv, reportFileName } from "~/modules/reports/report-csv.server";
import { parseReportQuery, reportMeasures } from "~/modules/reports/schema";
import type { Route } from "./+types/export-csv";

/** Every measure for the same cut and filters as the page, as a CSV download. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireRole(request, "staff");
  const query = parseReportQuery(readQuery(request));
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const now = new Date();
  const reports = [];
  for (const measure of reportMeasures)
    reports.push(await loadMeasureReport(db, measure, query, now));
  const { t } = createI18n(locale);
  const body = reportCsv(reports, query.by, query.minCellSize, locale, t);
  await recordAudit(db, {
    actorId: user.id,
    action: "report.exported",
    subjectType: "report",
    subjectId: "csv",
    metadata: { format: "csv" },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${reportFileName(now, "csv", { discreet: await isDiscreet(request) })}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
