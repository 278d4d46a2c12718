import type { Db } from "@peacelearn/db";
import {
  type AttendanceSummary,
  isAttendanceStatus,
  type SessionState,
  sessionState,
  summariseAttendance,
} from "~/modules/attendance/attendance-rates";
import type { LocalizedText } from "~/modules/courses/translation";
import type { ProgressCount } from "~/modules/learning/progress.server";
import {
  type LessonState,
  lessonState,
  summariseProgress,
} from "~/modules/learning/progress.server";
import { type CohortSummary, loadCohortCourse } from "./course-structure.server";
import { type HelpSignal, helpSignals, latestOf } from "./needs-help";

export type TraineeDetail = {
  cohort: CohortSummary;
  trainee: { id: string; displayName: string; email: string; joinedAt: Date };
  course: ProgressCount;
  lastActivityAt: Date | null;
  signals: HelpSignal[];
  modules: Array<{
    key: string;
    title: LocalizedText;
    progress: ProgressCount;
    lessons: Array<{
      key: string;
      title: LocalizedText;
      state: LessonState;
      lastViewedAt: Date | null;
      completedAt: Date | null;
    }>;
    checks: Array<{
      id: string;
      title: LocalizedText;
      passMark: number;
      attempts: Array<{ submittedAt: Date; score: number; passed: boolean }>;
    }>;
  }>;
  workshops: Array<{ id: string; title: string; startsAt: Date; state: SessionState }>;
  attendance: AttendanceSummary;
};

/**
 * One trainee's record in one cohort: lessons per module, every knowledge-check attempt with its
 * score, and attendance. Null when the person is not a member of the cohort. Five queries.
 */
export async function loadTraineeDetail(
  db: Db,
  {
    cohortId,
    userId,
    locale,
    now,
  }: { cohortId: string; userId: string; locale: string; now: Date },
): Promise<TraineeDetail | null> {
  const ofCohortCourse = { module: { course: { cohorts: { some: { id: cohortId } } } } };
  const [membership, structure, progress, attempts, workshops] = await Promise.all([
    db.cohortMembership.findUnique({
      where: { cohortId_userId: { cohortId, userId } },
      select: { joinedAt: true, user: { select: { id: true, displayName: true, email: true } } },
    }),
    loadCohortCourse(db, cohortId, locale),
    db.lessonProgress.findMany({
      where: { userId, lesson: ofCohortCourse },
      select: { lessonId: true, startedAt: true, lastViewedAt: true, completedAt: true },
    }),
    db.knowledgeCheckAttempt.findMany({
      where: { userId, knowledgeCheck: ofCohortCourse },
      orderBy: { submittedAt: "asc" },
      select: { knowledgeCheckId: true, score: true, passed: true, submittedAt: true },
    }),
    db.cohortSession.findMany({
      where: { cohortId },
      orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        title: true,
        startsAt: true,
        endsAt: true,
        attendance: { where: { userId }, select: { status: true } },
      },
    }),
  ]);
  if (!membership || !structure) return null;

  const summary = summariseProgress(structure.modules, progress);
  const byLesson = new Map(progress.map((row) => [row.lessonId, row]));
  const lastActivityAt = latestOf([
    ...progress.flatMap((row) => [row.lastViewedAt, row.completedAt, row.startedAt]),
    ...attempts.map((attempt) => attempt.submittedAt),
  ]);
  const states = workshops.map((workshop) => {
    const status = workshop.attendance[0]?.status;
    return sessionState(
      membership.joinedAt,
      workshop,
      status && isAttendanceStatus(status) ? status : undefined,
      now,
    );
  });

  const attendance = summariseAttendance(states);
  return {
    cohort: structure.cohort,
    trainee: { ...membership.user, joinedAt: membership.joinedAt },
    course: summary.course,
    lastActivityAt,
    signals: helpSignals(
      {
        joinedAt: membership.joinedAt,
        lastActivityAt,
        attempts,
        courseCompleted:
          summary.course.total > 0 && summary.course.completed === summary.course.total,
        attendance: {
          ratePercent: attendance.ratePercent,
          recorded: attendance.held - attendance.notRecorded,
        },
      },
      now,
    ),
    modules: structure.modules.map((module) => ({
      key: module.key,
      title: module.title,
      progress: summary.modules.get(module.key) ?? {
        completed: 0,
        total: module.lessons.length,
        percent: 0,
      },
      lessons: module.lessons.map((lesson) => {
        const row = byLesson.get(lesson.id);
        return {
          key: lesson.key,
          title: lesson.title,
          state: lessonState(row),
          lastViewedAt: row?.lastViewedAt ?? null,
          completedAt: row?.completedAt ?? null,
        };
      }),
      checks: module.checks.map((check) => ({
        id: check.id,
        title: check.title,
        passMark: check.passMark,
        attempts: attempts
          .filter((attempt) => attempt.knowledgeCheckId === check.id)
          .map(({ submittedAt, score, passed }) => ({ submittedAt, score, passed })),
      })),
    })),
    workshops: workshops.map((workshop, index) => ({
      id: workshop.id,
      title: workshop.title,
      startsAt: workshop.startsAt,
      state: states[index] ?? "not-recorded",
    })),
    attendance,
  };
}
