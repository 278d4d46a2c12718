import { getDb } from "~/lib/db.server";
import { isDiscreet } from "~/lib/discreet.server";
import { readQuery } from "~/lib/form.server";
import { createI18n } from "~/lib/i18n";
import { recordAudit } from "~/modules/audit/audit.server";
import { requireRole } from "~/modules/auth/guards.server";
import { type IatiIndicatorText, iatiResults } from "~/modules/reports/iati.server";
import { reportFileName } from "~/modules/reports/report-csv.server";
import { parseReportQuery, type ReportMeasure } from "~/modules/reports/schema";
import type { Route } from "./+types/iati-json";

/** IATI-shaped results (sex × age) for the period and cohort filters of the page. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireRole(request, "staff");
  const query = parseReportQuery(readQuery(request));
  const db = await getDb();
  const now = new Date();
  // IATI periods need both ends; the figures are counted over exactly the declared period.
  const today = now.toISOString().slice(0, 10);
  const period = {
    from: query.from ?? `${today.slice(0, 4)}-01-01`,
    to: query.to ?? today,
  };
  const en = createI18n("en").t;
  const fr = createI18n("fr").t;
  const narrative = (key: string) => ({
    narrative: [
      { "xml:lang": "en", text: en(key) },
      { "xml:lang": "fr", text: fr(key) },
    ],
  });
  const textsOf = (measure: ReportMeasure): IatiIndicatorText => ({
    title: narrative(`reports:iati.indicators.${measure}`),
    suppressed: narrative("reports:iati.suppressed"),
    hidden: narrative("reports:iati.hidden"),
  });
  const result = await iatiResults(db, { ...query, ...period }, textsOf, now);
  const body = {
    // A fragment to merge into the programme's iati-activity; see iati.server.ts for the mapping.
    "iati-standard-version": "2.03",
    "generated-datetime": now.toISOString(),
    "small-cell-threshold": query.minCellSize,
    "age-band-scheme": query.ageScheme,
    result,
  };
  await recordAudit(db, {
    actorId: user.id,
    action: "report.exported",
    subjectType: "report",
    subjectId: "iati-json",
    metadata: { format: "iati-json" },
  });
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `inline; filename="${reportFileName(now, "json", { discreet: await isDiscreet(request) })}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
