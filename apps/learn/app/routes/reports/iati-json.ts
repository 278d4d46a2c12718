import { getDb } from "~/lib/db.server";
import { isDiscreet } from "~/lib/discreet.server";
import { readQuery } from "~/lib/form.server";
import { createI18n } from "~/lib/i18n";
import { recordAudit } from "~/modules/audit/audit.server";
import { requireRole } from "~/modules/auth/guards.server";
import { type IatiIndicatorText, iatiResults } from "~/modules/reports/iati.server";
import { reportFileName } from "~/modules/reports/report-csv.server";
import {
  formalAgeScheme,
  formalMinCellSize,
  formalQuery,
  type ReportMeasure,
} from "~/modules/reports/schema";
import type { Route } from "./+types/iati-json";

/**
 * IATI-shaped results (sex × age) for the page's fixed period (a year, quarter or month), from the
 * formal tier only: the sex × age table of each measure's protected family. An exploration link
 * (window, filters) is read as formal: perturbed figures are never exported.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireRole(request, "staff");
  const query = formalQuery(readQuery(request));
  const db = await getDb();
  const now = new Date();
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
    description: narrative(`reports:formalDefinitions.${measure}`),
    withheld: narrative("reports:iati.withheld"),
  });
  const gainTextsOf = (course: { en: string; fr: string }) => ({
    title: {
      narrative: [
        { "xml:lang": "en", text: en("evaluation:iati.title", { course: course.en }) },
        { "xml:lang": "fr", text: fr("evaluation:iati.title", { course: course.fr }) },
      ],
    },
    description: narrative("evaluation:iati.description"),
    withheld: narrative("reports:iati.withheld"),
  });
  const { period, result } = await iatiResults(db, query.period, textsOf, now, gainTextsOf);
  const body = {
    // A fragment to merge into the programme's iati-activity; see iati.server.ts for the mapping.
    "iati-standard-version": "2.03",
    "generated-datetime": now.toISOString(),
    "reporting-period": period,
    "small-cell-threshold": formalMinCellSize,
    "age-band-scheme": formalAgeScheme,
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
