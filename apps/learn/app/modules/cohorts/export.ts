import { attendanceStatuses } from "@peacelearn/db/schemas";
import { type CsvCell, type CsvDelimiter, parseSeparatorParam } from "~/lib/csv";
import type { CohortAttendance } from "~/modules/attendance/attendance.server";
import type { HelpSignal } from "./needs-help";
import type { CohortRoster } from "./roster.server";

// The exports are built from the very objects the pages render (loadCohortRoster,
// loadCohortAttendance), so a figure in a file is the figure on the screen. Headers are written
// as stable snake_case codes, then (by default) named in the reader's language with
// `labelHeaders`, with coded values in the reader's words too (`labelValues`); `headers=codes`
// keeps every code for scripts. Numbers stay bare numbers. Accompaniment notes are never part of
// any export.

const exportKinds = ["roster", "progress", "attendance"] as const;
export type ExportKind = (typeof exportKinds)[number];

export function isExportKind(value: string | null): value is ExportKind {
  return (exportKinds as readonly (string | null)[]).includes(value);
}

export type ExportFormat = {
  /** Undefined: the reader's language decides (semicolons in French). */
  separator: CsvDelimiter | undefined;
  headers: "reader" | "codes";
};

/** `sep` and `headers` of an export address; an unknown value names its field. */
export function parseExportFormat(
  query: URLSearchParams,
): ({ ok: true } & ExportFormat) | { ok: false; error: string; field: "sep" | "headers" } {
  const separator = parseSeparatorParam(query.get("sep"));
  const headers = query.get("headers");
  if (separator === null) return { ok: false, error: "unknown-separator", field: "sep" };
  if (headers !== null && headers !== "" && headers !== "reader" && headers !== "codes") {
    return { ok: false, error: "unknown-headers", field: "headers" };
  }
  return {
    ok: true,
    separator,
    headers: headers === "codes" ? "codes" : "reader",
  };
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

/** The per-module columns of the progress export, after the module's key: `<key>_<suffix>`. */
const moduleColumnSuffixes = [
  "lessons_completed",
  "lessons_total",
  "percent",
  "check_attempts",
  "check_best_score",
  "check",
] as const;
export type ModuleColumn = (typeof moduleColumnSuffixes)[number];

/**
 * The header row in the reader's words: `column(code)` names a plain column (undefined keeps the
 * code, e.g. a workshop's own title), `moduleColumn(number, suffix)` a per-module one of
 * `modules` (by their keys, in order).
 */
export function labelHeaders(
  rows: CsvCell[][],
  {
    modules,
    column,
    moduleColumn,
  }: {
    modules: readonly { key: string }[];
    column: (code: string) => string | undefined;
    moduleColumn: (moduleNumber: number, suffix: ModuleColumn) => string;
  },
): CsvCell[][] {
  const [header = [], ...body] = rows;
  const named = header.map((cell) => {
    if (typeof cell !== "string") return cell;
    for (const [index, module] of modules.entries()) {
      for (const suffix of moduleColumnSuffixes) {
        if (cell === `${module.key}_${suffix}`) return moduleColumn(index + 1, suffix);
      }
    }
    return column(cell) ?? cell;
  });
  return [named, ...body];
}

/** The coded values of the exports, as the reader says them (see {@link labelValues}). */
export type ValueLabels = {
  /** A module's check state: none, not-attempted, failed, passed. */
  check: (state: string) => string;
  /** One reason a trainee may need help: failed-check, inactive, low-attendance. */
  needsHelp: (reason: string) => string;
  /** One workshop's state for a member: present, late, excused, absent, not-recorded… */
  attendance: (state: string) => string;
};

/**
 * The body's coded values in the reader's words, found by their column's code in the (still
 * coded) header row: `needs_help` (reasons, space-separated → a comma list), `<module>_check`
 * (check states), and in the attendance export the workshop columns, between `joined_on` and the
 * first status total. Empty cells and numbers are left as they are.
 */
export function labelValues(
  rows: CsvCell[][],
  kind: ExportKind,
  { modules, labels }: { modules: readonly { key: string }[]; labels: ValueLabels },
): CsvCell[][] {
  const [header = [], ...body] = rows;
  const checkColumns = new Set(modules.map((module) => `${module.key}_check`));
  const firstWorkshop = header.indexOf("joined_on") + 1;
  const afterWorkshops = header.indexOf(attendanceStatuses[0]);
  const labelOf = (column: number): ((code: string) => string) | undefined => {
    const code = header[column];
    if (code === "needs_help") {
      return (codes) => codes.split(" ").filter(Boolean).map(labels.needsHelp).join(", ");
    }
    if (typeof code === "string" && checkColumns.has(code)) return labels.check;
    if (kind === "attendance" && column >= firstWorkshop && column < afterWorkshops) {
      return labels.attendance;
    }
    return undefined;
  };
  const columns = header.map((_, column) => labelOf(column));
  return [
    header,
    ...body.map((row) =>
      row.map((cell, column) => {
        const label = columns[column];
        return label && typeof cell === "string" && cell !== "" ? label(cell) : cell;
      }),
    ),
  ];
}
