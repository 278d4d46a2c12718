import type { Db } from "@peacelearn/db";
import { data } from "react-router";
import type { SessionUser } from "~/modules/auth/session.server";
import {
  type CourseOutline,
  courseOutlineAt,
  loadCourseOutline,
} from "~/modules/courses/outline.server";
import { assertCourseVisible } from "./course-access.server";
import { loadCourseState } from "./course-state.server";
import type { EnrolmentStatus } from "./enrolment.server";
import { type LessonState, type ProgressCount, summariseProgress } from "./progress.server";

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
  if (!user) {
    const outline = await loadCourseOutline(db, courseKey, locale);
    assertCourseVisible(outline, user);
    return { outline, enrolment: null, progress: null };
  }
  const state = await loadCourseState(db, user.id, courseKey);
  if (!state) throw data(null, { status: 404 });
  const outline = await courseOutlineAt(db, state.contentVersion, courseKey, locale);
  assertCourseVisible(outline, user);

  const summary = summariseProgress(outline.modules, state.progress);
  const passed = new Set(state.passedModuleIds);
  return {
    outline,
    enrolment: state.enrolment,
    progress: {
      course: summary.course,
      modules: Object.fromEntries(summary.modules),
      lessons: Object.fromEntries(summary.lessons),
      passedChecks: outline.modules.filter((m) => passed.has(m.id)).map((m) => m.key),
      hasStarted: state.progress.length > 0,
    },
  };
}
