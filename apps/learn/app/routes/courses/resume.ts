import { redirect } from "react-router";
import { getDb } from "~/lib/db.server";
import { getLocale } from "~/lib/locale.server";
import { requireUser } from "~/modules/auth/guards.server";
import { courseHref, lessonHref } from "~/modules/courses/hrefs";
import { lessonsInOrder, loadCourseOutline } from "~/modules/courses/outline.server";
import { assertCourseVisible } from "~/modules/learning/course-access.server";
import { loadCourseProgressRows, resumeLessonId } from "~/modules/learning/progress.server";
import type { Route } from "./+types/resume";

/**
 * "Resume where I left off": the last lesson viewed and not completed, else the first one not
 * completed, else (all done) the course page.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const outline = await loadCourseOutline(db, params.courseKey, locale);
  assertCourseVisible(outline, user);
  const lessons = lessonsInOrder(outline);
  const rows = await loadCourseProgressRows(db, user.id, outline.id);
  const lessonId = resumeLessonId(
    lessons.map((lesson) => lesson.id),
    rows,
  );
  const lesson = lessons.find((candidate) => candidate.id === lessonId);
  return redirect(lesson ? lessonHref(outline.key, lesson.key) : courseHref(outline.key));
}
