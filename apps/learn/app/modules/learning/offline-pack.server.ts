import type { Db } from "@peacelearn/db";
import type { SessionUser } from "~/modules/auth/session.server";
import { checkHref, courseHref, lessonHref } from "~/modules/courses/hrefs";
import { loadCourseOutline } from "~/modules/courses/outline.server";
import type { LocalizedText } from "~/modules/courses/translation";
import { assertCourseVisible } from "./course-access.server";

/** One page the service worker saves for reading offline (docs/decisions/028-offline-writes.md). */
type OfflinePackPage =
  | { kind: "course"; href: string }
  | { kind: "lesson"; href: string; number: string; title: LocalizedText }
  | { kind: "check"; href: string; moduleNumber: number; moduleTitle: LocalizedText };

/**
 * Everything a trainee needs to take a course along with no connection: its page, every lesson
 * and every module's check, in reading order. The worker downloads this list (the stylesheets
 * come with the pages); without a worker the page is still an honest list of links.
 */
export async function loadOfflinePack(
  db: Db,
  input: { courseKey: string; locale: string; user: SessionUser },
) {
  const outline = await loadCourseOutline(db, input.courseKey, input.locale);
  assertCourseVisible(outline, input.user);
  const pages: OfflinePackPage[] = [{ kind: "course", href: courseHref(outline.key) }];
  outline.modules.forEach((module, moduleIndex) => {
    module.lessons.forEach((lesson, lessonIndex) => {
      pages.push({
        kind: "lesson",
        href: lessonHref(outline.key, lesson.key),
        number: `${moduleIndex + 1}.${lessonIndex + 1}`,
        title: lesson.title,
      });
    });
    if (module.hasCheck) {
      pages.push({
        kind: "check",
        href: checkHref(outline.key, module.key),
        moduleNumber: moduleIndex + 1,
        moduleTitle: module.title,
      });
    }
  });
  return { course: { key: outline.key, title: outline.title }, pages };
}
