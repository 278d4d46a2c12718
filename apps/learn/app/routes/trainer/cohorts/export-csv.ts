import { data } from "react-router";
import { readerDelimiter, toCsv } from "~/lib/csv";
import { isDiscreet } from "~/lib/discreet.server";
import { readQuery } from "~/lib/form.server";
import { createI18n } from "~/lib/i18n";
import { runtimeKey } from "~/lib/i18n-keys";
import { getLocale } from "~/lib/locale.server";
import { loadCohortAttendance } from "~/modules/attendance/attendance.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { requireCohortTrainer } from "~/modules/cohorts/access.server";
import {
  attendanceTable,
  exportFileName,
  isExportKind,
  labelHeaders,
  labelValues,
  parseExportFormat,
  progressTable,
  rosterTable,
} from "~/modules/cohorts/export";
import { loadCohortRoster } from "~/modules/cohorts/roster.server";
import type { Route } from "./+types/export-csv";

/**
 * `/trainer/cohorts/:cohortId/export.csv?kind=roster|progress|attendance` — the page's figures as
 * CSV, headers and coded values in the reader's language (`headers=codes` keeps the codes, for
 * scripts), separated by commas or, for spreadsheets set to French, semicolons
 * (`sep=comma|semicolon`; French readers get semicolons unless they ask otherwise).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, user, cohort } = await requireCohortTrainer(request, params.cohortId);
  const query = readQuery(request);
  const kind = query.get("kind");
  if (!isExportKind(kind))
    throw data({ message: "unknown-export", field: "kind" }, { status: 400 });
  const format = parseExportFormat(query);
  if (!format.ok) throw data({ message: format.error, field: format.field }, { status: 400 });
  const locale = await getLocale(request);
  const now = new Date();
  let rows: ReturnType<typeof rosterTable>;
  let modules: readonly { key: string }[] = [];
  if (kind === "attendance") {
    rows = attendanceTable(await loadCohortAttendance(db, { cohortId: cohort.id, locale, now }));
  } else {
    const roster = await loadCohortRoster(db, { cohortId: cohort.id, locale, now });
    if (!roster) throw data({ message: "not-found" }, { status: 404 });
    rows = kind === "roster" ? rosterTable(roster) : progressTable(roster);
    modules = roster.modules;
  }
  if (format.headers === "reader") {
    const { t } = createI18n(locale);
    rows = labelValues(rows, kind, {
      modules,
      labels: {
        check: (state) => t(runtimeKey(`cohorts:export.values.check.${state}`)),
        needsHelp: (reason) => t(runtimeKey(`cohorts:export.values.needsHelp.${reason}`)),
        attendance: (state) => t(runtimeKey(`cohorts:attendance.state.${state}`)),
      },
    });
    rows = labelHeaders(rows, {
      modules,
      column: (code) =>
        t(runtimeKey(`cohorts:export.columns.${code}`), { defaultValue: "" }) || undefined,
      moduleColumn: (number, suffix) =>
        t(runtimeKey(`cohorts:export.moduleColumns.${suffix}`), { number: String(number) }),
    });
  }
  const delimiter = format.separator ?? readerDelimiter(locale);
  // Names and progress of a cohort leave the platform: who took them is on record (issue 12).
  await recordAudit(db, {
    actorId: user.id,
    action: "cohort.roster.exported",
    subjectType: "cohort",
    subjectId: cohort.id,
    metadata: { format: "csv", kind, separator: delimiter, headers: format.headers },
  });
  return new Response(toCsv(rows, { delimiter }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(cohort.name, kind, now, { discreet: await isDiscreet(request) })}"`,
      // Personal data: never kept by shared caches or the browser's back/forward cache.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
