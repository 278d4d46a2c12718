import type { Db } from "@peacelearn/db";
import type { SessionUser } from "~/modules/auth/session.server";
import { type EnrolmentStatus, getEnrolment } from "~/modules/learning/enrolment.server";
import {
  type LessonState,
  loadCourseProgressRows,
  type ProgressCount,
  summariseProgress,
} from "~/modules/learning/progress.server";
import { assertCourseVisible } from "./access.server";
import { type CourseOutline, loadCourseOutline } from "./outline.server";

export type CoursePage = {
  outline: CourseOutline;
  enrolment: EnrolmentStatus;
  /** Null for visitors who are not signed in: they see the outline without progress. */
  progress: {
    course: ProgressCount;
    modules: Record<string, ProgressCount>;
    lessons: Record<string, LessonState>;
    /** Keys of modules whose knowledge check the user has passed. */
    passedChecks: string[];
    hasStarted: boolean;
  } | null;
};

/** Everything the course page shows; throws a 404 for unknown or hidden courses. */
export async function loadCoursePage(
  db: Db,
  { courseKey, locale, user }: { courseKey: string; locale: string; user: SessionUser | null },
): Promise<CoursePage> {
  const outline = await loadCourseOutline(db, courseKey, locale);
  assertCourseVisible(outline, user);
  if (!user) return { outline, enrolment: null, progress: null };

  const [enrolment, rows, passed] = await Promise.all([
    getEnrolment(db, user.id, outline.id),
    loadCourseProgressRows(db, user.id, outline.id),
    db.knowledgeCheckAttempt.findMany({
      where: {
        userId: user.id,
        passed: true,
        knowledgeCheck: { module: { courseId: outline.id } },
      },
      distinct: ["knowledgeCheckId"],
      select: { knowledgeCheck: { select: { module: { select: { key: true } } } } },
    }),
  ]);
  const summary = summariseProgress(outline.modules, rows);
  return {
    outline,
    enrolment,
    progress: {
      course: summary.course,
      modules: Object.fromEntries(summary.modules),
      lessons: Object.fromEntries(summary.lessons),
      passedChecks: passed.map((attempt) => attempt.knowledgeCheck.module.key),
      hasStarted: rows.length > 0,
    },
  };
}
