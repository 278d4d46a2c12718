import { data } from "react-router";
import { toCsv } from "~/lib/csv";
import { isDiscreet } from "~/lib/discreet.server";
import { readQuery } from "~/lib/form.server";
import { getLocale } from "~/lib/locale.server";
import { loadCohortAttendance } from "~/modules/attendance/attendance.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { requireCohortTrainer } from "~/modules/cohorts/access.server";
import {
  attendanceTable,
  exportFileName,
  isExportKind,
  progressTable,
  rosterTable,
} from "~/modules/cohorts/export";
import { loadCohortRoster } from "~/modules/cohorts/roster.server";
import type { Route } from "./+types/export-csv";

/** `/trainer/cohorts/:cohortId/export.csv?kind=roster|progress|attendance` — the page's figures as CSV. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, user, cohort } = await requireCohortTrainer(request, params.cohortId);
  const kind = readQuery(request).get("kind");
  if (!isExportKind(kind)) throw data({ message: "unknown-export" }, { status: 400 });
  const locale = await getLocale(request);
  const now = new Date();
  let rows: ReturnType<typeof rosterTable>;
  if (kind === "attendance") {
    rows = attendanceTable(await loadCohortAttendance(db, { cohortId: cohort.id, locale, now }));
  } else {
    const roster = await loadCohortRoster(db, { cohortId: cohort.id, locale, now });
    if (!roster) throw data({ message: "not-found" }, { status: 404 });
    rows = kind === "roster" ? rosterTable(roster) : progressTable(roster);
  }
  // Names and progress of a cohort leave the platform: who took them is on record (issue 12).
  await recordAudit(db, {
    actorId: user.id,
    action: "cohort.roster.exported",
    subjectType: "cohort",
    subjectId: cohort.id,
    metadata: { format: "csv", kind },
  });
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(cohort.name, kind, now, { discreet: await isDiscreet(request) })}"`,
      // Personal data: never kept by shared caches or the browser's back/forward cache.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
