import type { Db } from "@peacelearn/db";
import type { MemberRef } from "~/modules/attendance/attendance.server";
import { type AttendanceSummary, percentOneDecimal } from "~/modules/attendance/attendance-rates";
import { type ProgressCount, percentOf } from "~/modules/learning/progress.server";
import { type CohortSummary, loadCohortCourse, type ModuleColumn } from "./course-structure.server";
import { type HelpSignal, helpSignalsFromTallies, latestOf } from "./needs-help";
import {
  type CheckAttempts,
  queryRosterMembers,
  type RosterMemberRow,
} from "./roster-queries.server";

/** What a cell of the progress grid says about one trainee in one module. */
export type ModuleCell = {
  moduleKey: string;
  lessonsCompleted: number;
  lessonsTotal: number;
  percent: number;
  /** The module's knowledge check(s): no check, not tried, failed so far, or passed. */
  check: "none" | "not-attempted" | "failed" | "passed";
  attempts: number;
  /** Best score (0–100) over all attempts, null without attempts. */
  bestScore: number | null;
};

export type TraineeProgress = MemberRef & {
  /** Her account is deactivated (ADR 027): she stays on the roster, marked. */
  inactive: boolean;
  cells: ModuleCell[];
  course: ProgressCount;
  lastActivityAt: Date | null;
  signals: HelpSignal[];
  attendance: AttendanceSummary;
};

export type CohortRoster = {
  cohort: CohortSummary;
  modules: ModuleColumn[];
  trainees: TraineeProgress[];
  workshopCount: number;
};

/**
 * The roster with its progress grid, help signals and attendance — the one source of the cohort
 * page and of its roster and progress exports. Two statements, run together, whatever the number
 * of trainees: the cohort with its course outline (course-structure.server.ts) and the members
 * with their figures added up in the database (roster-queries.server.ts).
 */
export async function loadCohortRoster(
  db: Db,
  { cohortId, locale, now }: { cohortId: string; locale: string; now: Date },
): Promise<CohortRoster | null> {
  const [structure, rows] = await Promise.all([
    loadCohortCourse(db, cohortId, locale),
    queryRosterMembers(db, cohortId, now),
  ]);
  if (!structure) return null;
  const lessonsTotal = structure.modules.reduce((sum, module) => sum + module.lessons.length, 0);

  const trainees = sortMembers(rows, locale).map((row): TraineeProgress => {
    const completedByModule = new Map(
      row.progress.map((entry) => [entry.moduleId, entry.completed]),
    );
    const cells = structure.modules.map((module) =>
      moduleCell(module, completedByModule.get(module.id) ?? 0, row.checks),
    );
    const completed = cells.reduce((sum, cell) => sum + cell.lessonsCompleted, 0);
    const lastActivityAt = latestOf([row.lastLessonAt, row.lastAttemptAt]);
    const attendance = attendanceSummary(row);
    return {
      userId: row.userId,
      displayName: row.displayName,
      email: row.email,
      inactive: row.inactive,
      joinedAt: row.joinedAt,
      cells,
      course: { completed, total: lessonsTotal, percent: percentOf(completed, lessonsTotal) },
      lastActivityAt,
      signals: helpSignalsFromTallies(
        {
          joinedAt: row.joinedAt,
          lastActivityAt,
          checks: row.checks,
          courseCompleted: lessonsTotal > 0 && completed === lessonsTotal,
          attendance: {
            ratePercent: attendance.ratePercent,
            recorded: attendance.held - attendance.notRecorded,
          },
        },
        now,
      ),
      attendance,
    };
  });

  return {
    cohort: structure.cohort,
    modules: structure.modules,
    trainees,
    workshopCount: structure.workshopCount,
  };
}

function moduleCell(
  module: ModuleColumn,
  completed: number,
  tallies: readonly CheckAttempts[],
): ModuleCell {
  const total = module.lessons.length;
  let attempts = 0;
  let bestScore: number | null = null;
  let passedAll = module.checks.length > 0;
  for (const check of module.checks) {
    const tally = tallies.find((row) => row.knowledgeCheckId === check.id);
    if (!tally?.passed) passedAll = false;
    if (!tally) continue;
    attempts += tally.attempts;
    bestScore = bestScore === null ? tally.bestScore : Math.max(bestScore, tally.bestScore);
  }
  return {
    moduleKey: module.key,
    lessonsCompleted: completed,
    lessonsTotal: total,
    percent: percentOf(completed, total),
    check:
      module.checks.length === 0
        ? "none"
        : passedAll
          ? "passed"
          : attempts === 0
            ? "not-attempted"
            : "failed",
    attempts,
    bestScore,
  };
}

function attendanceSummary(counts: RosterMemberRow): AttendanceSummary {
  const { present, late, excused, absent, notRecorded } = counts;
  const attended = present + late;
  return {
    present,
    late,
    excused,
    absent,
    notRecorded,
    held: present + late + excused + absent + notRecorded,
    ratePercent: percentOneDecimal(attended, attended + absent),
  };
}

const collators = new Map<string, Intl.Collator>();

/** By name in the reader's language, then e-mail: the attendance page's order (loadMembers). */
function sortMembers<T extends { displayName: string; email: string }>(
  members: T[],
  locale: string,
): T[] {
  let collator = collators.get(locale);
  if (!collator) {
    if (collators.size >= 64) collators.clear();
    collator = new Intl.Collator(locale, { sensitivity: "base" });
    collators.set(locale, collator);
  }
  const compare = collator.compare;
  return members.sort(
    (a, b) => compare(a.displayName, b.displayName) || a.email.localeCompare(b.email),
  );
}
