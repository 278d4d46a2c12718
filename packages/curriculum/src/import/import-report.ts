/** What happened to one kind of entity during an import. */
export interface ImportCounts {
  created: number;
  /** The row itself or one of its translations (for questions: options) changed. */
  updated: number;
  unchanged: number;
  /** Gone from the source but kept (position set to RETIRED_POSITION) because learner data refers to it. */
  retired: number;
  /** Gone from the source and referenced by nothing, so deleted. */
  deleted: number;
}

export interface ImportReport {
  /** True when the changes were computed and then rolled back (`dryRun` option). */
  dryRun: boolean;
  courses: ImportCounts;
  /** A module's knowledge check (pass mark, titles) counts towards its module. */
  modules: ImportCounts;
  lessons: ImportCounts;
  questions: ImportCounts;
}

const reportLevels = ["courses", "modules", "lessons", "questions"] as const;

const emptyCounts = (): ImportCounts => ({
  created: 0,
  updated: 0,
  unchanged: 0,
  retired: 0,
  deleted: 0,
});

export function emptyReport(dryRun = false): ImportReport {
  return {
    dryRun,
    courses: emptyCounts(),
    modules: emptyCounts(),
    lessons: emptyCounts(),
    questions: emptyCounts(),
  };
}

/** True when the import wrote nothing. */
export function isUnchanged(report: ImportReport): boolean {
  return reportLevels.every((level) => {
    const counts = report[level];
    return counts.created + counts.updated + counts.retired + counts.deleted === 0;
  });
}

/** The report as an aligned table, one line per entity kind. */
export function formatReport(report: ImportReport): string[] {
  const columns = ["created", "updated", "unchanged", "retired", "deleted"] as const;
  const header = ["", ...columns].map((cell, i) => (i === 0 ? cell.padEnd(10) : cell.padStart(10)));
  const rows = reportLevels.map((level) =>
    [level.padEnd(10), ...columns.map((column) => String(report[level][column]).padStart(10))].join(
      "",
    ),
  );
  return [header.join(""), ...rows];
}
