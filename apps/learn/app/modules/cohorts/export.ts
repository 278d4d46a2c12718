import { attendanceStatuses } from "@peacelearn/db/schemas";
import type { CsvCell } from "~/lib/csv";
import type { CohortAttendance } from "~/modules/attendance/attendance.server";
import type { HelpSignal } from "./needs-help";
import type { CohortRoster } from "./roster.server";

// The exports are built from the very objects the pages render (loadCohortRoster,
// loadCohortAttendance), so a figure in a file is the figure on the screen. Headers are stable
// snake_case English and values are codes, so scripts and pivot tables keep working whatever
// the trainer's language. Accompaniment notes are never part of any export.

const exportKinds = ["roster", "progress", "attendance"] as const;
export type ExportKind = (typeof exportKinds)[number];

export function isExportKind(value: string | null): value is ExportKind {
  return (exportKinds as readonly (string | null)[]).includes(value);
}

/** ASCII slug of a cohort name for file names: "Gulu 2026 — Transitional…" → "gulu-2026-transitional…". */
function cohortSlug(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "cohort";
}

/**
 * `cohort-<slug>-<kind>-2026-11-27T0612Z.csv`: UTC to the minute, safe in every file system. In
 * discreet mode `notes-2026-11-27T0612Z.csv`: a phone's download list must not name the cohort.
 */
export function exportFileName(
  cohortName: string,
  kind: ExportKind,
  now: Date,
  { discreet = false }: { discreet?: boolean } = {},
): string {
  const iso = now.toISOString();
  const stamp = `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
  return discreet ? `notes-${stamp}.csv` : `cohort-${cohortSlug(cohortName)}-${kind}-${stamp}.csv`;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const instant = (date: Date | null) => (date ? `${date.toISOString().slice(0, 19)}Z` : null);
const signalCodes = (signals: readonly HelpSignal[]) =>
  [...new Set(signals.map((signal) => signal.reason))].join(" ");

export function rosterTable(roster: CohortRoster): CsvCell[][] {
  return [
    [
      "name",
      "email",
      "joined_on",
      "lessons_completed",
      "lessons_total",
      "course_percent",
      "attendance_rate_percent",
      "last_activity_at",
      "needs_help",
    ],
    ...roster.trainees.map((trainee) => [
      trainee.displayName,
      trainee.email,
      day(trainee.joinedAt),
      trainee.course.completed,
      trainee.course.total,
      trainee.course.percent,
      trainee.attendance.ratePercent,
      instant(trainee.lastActivityAt),
      signalCodes(trainee.signals),
    ]),
  ];
}

export function progressTable(roster: CohortRoster): CsvCell[][] {
  const moduleHeaders = roster.modules.flatMap((module) =>
    [
      "lessons_completed",
      "lessons_total",
      "percent",
      "check",
      "check_attempts",
      "check_best_score",
    ].map((suffix) => `${module.key}_${suffix}`),
  );
  return [
    [
      "name",
      "email",
      ...moduleHeaders,
      "course_lessons_completed",
      "course_lessons_total",
      "course_percent",
      "last_activity_at",
      "needs_help",
    ],
    ...roster.trainees.map((trainee) => [
      trainee.displayName,
      trainee.email,
      ...trainee.cells.flatMap((cell) => [
        cell.lessonsCompleted,
        cell.lessonsTotal,
        cell.percent,
        cell.check,
        cell.attempts,
        cell.bestScore,
      ]),
      trainee.course.completed,
      trainee.course.total,
      trainee.course.percent,
      instant(trainee.lastActivityAt),
      signalCodes(trainee.signals),
    ]),
  ];
}

export function attendanceTable(attendance: CohortAttendance): CsvCell[][] {
  return [
    [
      "name",
      "email",
      "joined_on",
      // Workshop times are wall-clock times at the venue, kept with a UTC label (see schema.ts).
      ...attendance.sessions.map(
        (session) =>
          `${session.startsAt.toISOString().slice(0, 16).replace("T", " ")} ${session.title}`,
      ),
      ...attendanceStatuses,
      "not_recorded",
      "workshops_held",
      "attendance_rate_percent",
    ],
    ...attendance.members.map((member) => [
      member.displayName,
      member.email,
      day(member.joinedAt),
      ...member.states,
      ...attendanceStatuses.map((status) => member.summary[status]),
      member.summary.notRecorded,
      member.summary.held,
      member.summary.ratePercent,
    ]),
  ];
}
