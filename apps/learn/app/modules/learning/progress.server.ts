import type { Db } from "@peacelearn/db";
import { activeContent } from "~/modules/courses/translation";

export type LessonState = "not-started" | "in-progress" | "completed";

/** What the progress math needs of a LessonProgress row. */
export type ProgressRow = { lessonId: string; lastViewedAt: Date; completedAt: Date | null };

export type ProgressCount = { completed: number; total: number; percent: number };

/**
 * Whole percent, rounded down: "100 %" only once everything is done, and one lesson of three
 * shows 33, not 34.
 */
export function percentOf(completed: number, total: number): number {
  if (total <= 0) return 0;
  return Math.floor((Math.min(completed, total) * 100) / total);
}

export function lessonState(row: ProgressRow | undefined): LessonState {
  if (!row) return "not-started";
  return row.completedAt ? "completed" : "in-progress";
}

export type CourseProgress = {
  course: ProgressCount;
  modules: Map<string, ProgressCount>;
  lessons: Map<string, LessonState>;
};

/**
 * Progress through a course's lessons. Rows for lessons that are no longer in the course (a
 * re-import removed them) are ignored, so a percentage never exceeds 100.
 */
export function summariseProgress(
  modules: ReadonlyArray<{ key: string; lessons: ReadonlyArray<{ id: string }> }>,
  rows: readonly ProgressRow[],
): CourseProgress {
  const byLesson = new Map(rows.map((row) => [row.lessonId, row]));
  const lessons = new Map<string, LessonState>();
  const moduleCounts = new Map<string, ProgressCount>();
  let completed = 0;
  let total = 0;
  for (const module of modules) {
    let done = 0;
    for (const lesson of module.lessons) {
      const state = lessonState(byLesson.get(lesson.id));
      lessons.set(lesson.id, state);
      if (state === "completed") done += 1;
    }
    moduleCounts.set(module.key, {
      completed: done,
      total: module.lessons.length,
      percent: percentOf(done, module.lessons.length),
    });
    completed += done;
    total += module.lessons.length;
  }
  return {
    course: { completed, total, percent: percentOf(completed, total) },
    modules: moduleCounts,
    lessons,
  };
}

/**
 * Where "Resume" goes: the incomplete lesson viewed most recently, else the first incomplete one
 * in reading order, else nothing (the course is done: stay on the course page).
 */
export function resumeLessonId(
  orderedLessonIds: readonly string[],
  rows: readonly ProgressRow[],
): string | null {
  const inCourse = new Set(orderedLessonIds);
  let lastViewed: ProgressRow | undefined;
  for (const row of rows) {
    if (row.completedAt || !inCourse.has(row.lessonId)) continue;
    if (!lastViewed || row.lastViewedAt > lastViewed.lastViewedAt) lastViewed = row;
  }
  if (lastViewed) return lastViewed.lessonId;
  const completed = new Set(rows.filter((row) => row.completedAt).map((row) => row.lessonId));
  return orderedLessonIds.find((id) => !completed.has(id)) ?? null;
}

/** One query: the user's progress rows for one course. */
export function loadCourseProgressRows(
  db: Db,
  userId: string,
  courseId: string,
): Promise<ProgressRow[]> {
  return db.lessonProgress.findMany({
    where: { userId, lesson: { module: { courseId } } },
    select: { lessonId: true, lastViewedAt: true, completedAt: true },
  });
}

/**
 * Lesson progress per course for a dashboard: two queries whatever the number of courses (lesson
 * totals grouped per module, completed lessons per course).
 */
export async function loadProgressByCourse(
  db: Db,
  userId: string,
  courseIds: readonly string[],
): Promise<Map<string, ProgressCount>> {
  if (courseIds.length === 0) return new Map();
  const [modules, completedRows] = await Promise.all([
    db.module.findMany({
      where: { courseId: { in: [...courseIds] }, ...activeContent },
      select: { courseId: true, _count: { select: { lessons: { where: activeContent } } } },
    }),
    db.lessonProgress.findMany({
      where: {
        userId,
        completedAt: { not: null },
        lesson: {
          ...activeContent,
          module: { courseId: { in: [...courseIds] }, ...activeContent },
        },
      },
      select: { lesson: { select: { module: { select: { courseId: true } } } } },
    }),
  ]);
  return countByCourse(
    courseIds,
    modules.map((module) => ({ courseId: module.courseId, lessons: module._count.lessons })),
    completedRows.map((row) => row.lesson.module.courseId),
  );
}

/** Pure half of {@link loadProgressByCourse}. */
export function countByCourse(
  courseIds: readonly string[],
  modules: ReadonlyArray<{ courseId: string; lessons: number }>,
  completedLessonCourseIds: readonly string[],
): Map<string, ProgressCount> {
  const totals = new Map<string, number>();
  for (const module of modules) {
    totals.set(module.courseId, (totals.get(module.courseId) ?? 0) + module.lessons);
  }
  const done = new Map<string, number>();
  for (const courseId of completedLessonCourseIds) {
    done.set(courseId, (done.get(courseId) ?? 0) + 1);
  }
  return new Map(
    courseIds.map((courseId) => {
      const total = totals.get(courseId) ?? 0;
      const completed = Math.min(done.get(courseId) ?? 0, total);
      return [courseId, { completed, total, percent: percentOf(completed, total) }];
    }),
  );
}
