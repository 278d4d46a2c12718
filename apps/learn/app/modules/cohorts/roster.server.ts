import type { Db } from "@peacelearn/db";
import {
  buildCohortAttendance,
  loadMembers,
  loadWorkshops,
  type MemberRef,
} from "~/modules/attendance/attendance.server";
import type { AttendanceSummary } from "~/modules/attendance/attendance-rates";
import {
  type ProgressCount,
  percentOf,
  summariseProgress,
} from "~/modules/learning/progress.server";
import { type CohortSummary, loadCohortCourse, type ModuleColumn } from "./course-structure.server";
import { type HelpSignal, helpSignals, latestOf } from "./needs-help";

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

export type AttemptRow = {
  userId: string;
  knowledgeCheckId: string;
  score: number;
  passed: boolean;
  submittedAt: Date;
};

/**
 * The roster with its progress grid, help signals and attendance — the one source of the cohort
 * page and of its roster and progress exports. Six queries, run together, whatever the number of
 * trainees: the cohort's course, its members, their lesson progress and attempts in that course,
 * its workshops and their attendance records.
 */
export async function loadCohortRoster(
  db: Db,
  { cohortId, locale, now }: { cohortId: string; locale: string; now: Date },
): Promise<CohortRoster | null> {
  const inCohort = { cohortMemberships: { some: { cohortId } } };
  const ofCohortCourse = { module: { course: { cohorts: { some: { id: cohortId } } } } };
  const [structure, members, progress, attempts, workshops] = await Promise.all([
    loadCohortCourse(db, cohortId, locale),
    loadMembers(db, cohortId, locale),
    db.lessonProgress.findMany({
      where: { user: inCohort, lesson: ofCohortCourse },
      select: {
        userId: true,
        lessonId: true,
        startedAt: true,
        lastViewedAt: true,
        completedAt: true,
      },
    }),
    db.knowledgeCheckAttempt.findMany({
      where: { user: inCohort, knowledgeCheck: ofCohortCourse },
      orderBy: { submittedAt: "asc" },
      select: {
        userId: true,
        knowledgeCheckId: true,
        score: true,
        passed: true,
        submittedAt: true,
      },
    }),
    loadWorkshops(db, cohortId),
  ]);
  if (!structure) return null;

  const attendance = buildCohortAttendance(members, workshops.sessions, workshops.records, now);
  const attendanceByUser = new Map(attendance.members.map((row) => [row.userId, row.summary]));
  const progressByUser = groupBy(progress, (row) => row.userId);
  const attemptsByUser = groupBy(attempts, (row) => row.userId);

  const trainees = members.map((member): TraineeProgress => {
    const rows = progressByUser.get(member.userId) ?? [];
    const tries = attemptsByUser.get(member.userId) ?? [];
    const summary = summariseProgress(structure.modules, rows);
    const lastActivityAt = latestOf([
      ...rows.flatMap((row) => [row.lastViewedAt, row.completedAt, row.startedAt]),
      ...tries.map((attempt) => attempt.submittedAt),
    ]);
    return {
      ...member,
      cells: structure.modules.map((module) => moduleCell(module, summary.modules, tries)),
      course: summary.course,
      lastActivityAt,
      signals: helpSignals(
        {
          joinedAt: member.joinedAt,
          lastActivityAt,
          attempts: tries,
          courseCompleted:
            summary.course.total > 0 && summary.course.completed === summary.course.total,
        },
        now,
      ),
      attendance: attendanceByUser.get(member.userId) ?? emptyAttendance(),
    };
  });

  return {
    cohort: structure.cohort,
    modules: structure.modules,
    trainees,
    workshopCount: workshops.sessions.length,
  };
}

function moduleCell(
  module: ModuleColumn,
  counts: ReadonlyMap<string, ProgressCount>,
  attempts: readonly AttemptRow[],
): ModuleCell {
  const count = counts.get(module.key) ?? {
    completed: 0,
    total: module.lessons.length,
    percent: 0,
  };
  const checkIds = new Set(module.checks.map((check) => check.id));
  const mine = attempts.filter((attempt) => checkIds.has(attempt.knowledgeCheckId));
  const passed =
    module.checks.length > 0 &&
    module.checks.every((check) =>
      mine.some((attempt) => attempt.knowledgeCheckId === check.id && attempt.passed),
    );
  return {
    moduleKey: module.key,
    lessonsCompleted: count.completed,
    lessonsTotal: count.total,
    percent: percentOf(count.completed, count.total),
    check:
      module.checks.length === 0
        ? "none"
        : passed
          ? "passed"
          : mine.length === 0
            ? "not-attempted"
            : "failed",
    attempts: mine.length,
    bestScore: mine.length === 0 ? null : Math.max(...mine.map((attempt) => attempt.score)),
  };
}

function emptyAttendance(): AttendanceSummary {
  return { present: 0, late: 0, excused: 0, absent: 0, notRecorded: 0, held: 0, ratePercent: null };
}

export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
