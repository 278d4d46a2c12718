import type { Db } from "@peacelearn/db";
import { data } from "react-router";
import { createI18n } from "~/lib/i18n";
import type { SessionUser } from "~/modules/auth/session.server";
import { enrol } from "~/modules/learning/enrolment.server";
import { recordLessonView } from "~/modules/learning/lesson-progress.server";
import { lessonNeighbours, type Step } from "~/modules/learning/navigation";
import { assertCourseVisible } from "./access.server";
import { lessonHtmlCache } from "./markdown.server";
import {
  type CourseOutline,
  findLesson,
  loadCourseOutline,
  type OutlineLesson,
} from "./outline.server";
import { type CalloutTitles, calloutKinds } from "./remark-lesson.server";
import { contentLocales, pickTranslation } from "./translation";

export type LessonPage = {
  course: Pick<CourseOutline, "key" | "title">;
  module: { key: string; title: CourseOutline["modules"][number]["title"] };
  lesson: Pick<OutlineLesson, "key">;
  title: string;
  /** Language the content is actually in; differs from the UI's when it is not translated yet. */
  contentLocale: string;
  estimatedMinutes: number;
  html: string;
  previous: Step | null;
  next: Step;
  isCompleted: boolean;
};

const titlesByLocale = new Map<string, CalloutTitles>();

/** Call-out titles in the language of the content they head, not of the interface around it. */
function calloutTitles(locale: string): CalloutTitles {
  let titles = titlesByLocale.get(locale);
  if (!titles) {
    const t = createI18n(locale).getFixedT(locale, "courses");
    titles = Object.fromEntries(
      calloutKinds.map((kind) => [kind, t(`callouts.${kind}`)]),
    ) as CalloutTitles;
    titlesByLocale.set(locale, titles);
  }
  return titles;
}

/** The course and lesson behind a lesson URL, or a 404. */
export async function findCourseLesson(
  db: Db,
  {
    courseKey,
    lessonKey,
    locale,
    user,
  }: {
    courseKey: string;
    lessonKey: string;
    locale: string;
    user: SessionUser;
  },
) {
  const outline = await loadCourseOutline(db, courseKey, locale);
  assertCourseVisible(outline, user);
  const lesson = findLesson(outline, lessonKey);
  if (!lesson) throw data(null, { status: 404 });
  return { outline, lesson };
}

/**
 * A lesson as the signed-in user reads it. Opening it enrols them (see ADR 006) and records the
 * view; the Markdown is rendered once per translation and served from memory afterwards.
 */
export async function loadLessonPage(
  db: Db,
  input: { courseKey: string; lessonKey: string; locale: string; user: SessionUser },
): Promise<LessonPage> {
  const { outline, lesson } = await findCourseLesson(db, input);
  const userId = input.user.id;
  const [translations, view] = await Promise.all([
    db.lessonTranslation.findMany({
      where: { lessonId: lesson.id, locale: { in: contentLocales(input.locale) } },
      select: { id: true, locale: true, title: true, body: true, estimatedMinutes: true },
    }),
    recordLessonView(db, userId, lesson.id),
  ]);
  // Enrolment happens with the first view of a lesson; later views need not check it again.
  if (view.isFirstView) await enrol(db, userId, outline.id);
  const translation = pickTranslation(translations, input.locale);
  // A lesson with neither the reader's language nor English has nothing to show them.
  if (!translation) throw data(null, { status: 404 });

  const module = outline.modules.find((m) => m.key === lesson.moduleKey);
  const neighbours = lessonNeighbours(outline.modules, lesson.key);
  if (!module || !neighbours) throw data(null, { status: 404 });

  return {
    course: { key: outline.key, title: outline.title },
    module: { key: module.key, title: module.title },
    lesson: { key: lesson.key },
    title: translation.title,
    contentLocale: translation.locale,
    estimatedMinutes: translation.estimatedMinutes,
    html: lessonHtmlCache.get(translation.id, translation.body, calloutTitles(translation.locale)),
    previous: neighbours.previous,
    next: neighbours.next,
    isCompleted: view.completedAt !== null,
  };
}
