import { data } from "react-router";
import { parseSeparatorParam, readerDelimiter } from "~/lib/csv";
import { getDb } from "~/lib/db.server";
import { isDiscreet } from "~/lib/discreet.server";
import { readQuery } from "~/lib/form.server";
import { createI18n } from "~/lib/i18n";
import { getLocale } from "~/lib/locale.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { requireRole } from "~/modules/auth/guards.server";
import { loadFormalReport, type MeasureReport } from "~/modules/reports/report.server";
import { reportCsv, reportFileName } from "~/modules/reports/report-csv.server";
import { formalQuery, reportMeasures } from "~/modules/reports/schema";
import type { Route } from "./+types/export-csv";

/**
 * Every measure for the page's cut and period, as a CSV download — always from the formal tier
 * (a table of each measure's protected family); an exploration link is read as formal.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireRole(request, "staff");
  const search = readQuery(request);
  const query = formalQuery(search);
  // The spreadsheet the file is for: `sep=comma|semicolon`, else the reader's language decides.
  const separator = parseSeparatorParam(search.get("sep"));
  if (separator === null)
    throw data({ message: "unknown-separator", field: "sep" }, { status: 400 });
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const now = new Date();
  const reports: MeasureReport[] = [];
  for (const measure of reportMeasures) {
    reports.push((await loadFormalReport(db, measure, query, now)).report);
  }
  const { t } = createI18n(locale);
  const period = reports[0]?.period ?? "";
  const notes = [
    t("reports:csv.notePeriod", { period }),
    t("reports:csv.noteProtection", { min: reports[0]?.result.minCellSize ?? 5 }),
    ...reportMeasures.map(
      (measure) =>
        `${t(`reports:measures.${measure}`)}: ${t(`reports:formalDefinitions.${measure}`)}`,
    ),
  ];
  const delimiter = separator ?? readerDelimiter(locale);
  const body = reportCsv(reports, query.by, locale, t, notes, { delimiter });
  await recordAudit(db, {
    actorId: user.id,
    action: "report.exported",
    subjectType: "report",
    subjectId: "csv",
    metadata: { format: "csv", separator: delimiter },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${reportFileName(now, "csv", { discreet: await isDiscreet(request) })}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
