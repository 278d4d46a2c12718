import type { Db } from "@peacelearn/db";
import { data } from "react-router";
import { createI18n } from "~/lib/i18n";
import type { SessionUser } from "~/modules/auth/session.server";
import { lessonHtmlCache } from "~/modules/courses/markdown.server";
import {
  type CourseOutline,
  courseOutlineAt,
  findLesson,
  lessonTranslationsAt,
  loadCourseOutline,
  type OutlineLesson,
} from "~/modules/courses/outline.server";
import { type CalloutTitles, calloutKinds } from "~/modules/courses/remark-lesson.server";
import { pickTranslation } from "~/modules/courses/translation";
import { assertCourseVisible } from "./course-access.server";
import { type CourseState, loadCourseState } from "./course-state.server";
import { enrol } from "./enrolment.server";
import { recordLessonView, VIEW_TOUCH_MS } from "./lesson-progress.server";
import { lessonNeighbours, type Step } from "./navigation";

export type LessonPage = {
  course: Pick<CourseOutline, "key" | "title">;
  module: { key: string; number: number; title: CourseOutline["modules"][number]["title"] };
  lesson: Pick<OutlineLesson, "key"> & { number: string };
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
 * view; course content and the rendered Markdown come from memory (see `courseOutlineAt`), so a
 * repeat visit costs one query besides the session's.
 */
export async function loadLessonPage(
  db: Db,
  input: {
    courseKey: string;
    lessonKey: string;
    locale: string;
    user: SessionUser;
    /** False when the page is fetched to be saved for later, not read (ADR 028). */
    recordView?: boolean;
  },
): Promise<LessonPage> {
  const userId = input.user.id;
  const state = await loadCourseState(db, userId, input.courseKey);
  if (!state) throw data(null, { status: 404 });
  const version = state.contentVersion;
  const outline = await courseOutlineAt(db, version, input.courseKey, input.locale);
  assertCourseVisible(outline, input.user);
  const lesson = findLesson(outline, input.lessonKey);
  if (!lesson) throw data(null, { status: 404 });

  const [translations, completedAt] = await Promise.all([
    lessonTranslationsAt(db, version, outline.key, lesson.id),
    input.recordView === false
      ? (state.progress.find((progress) => progress.lessonId === lesson.id)?.completedAt ?? null)
      : recordView(db, state, userId, lesson.id),
  ]);
  const translation = pickTranslation(translations, input.locale);
  // A lesson with neither the reader's language nor English has nothing to show them.
  if (!translation) throw data(null, { status: 404 });

  const module = outline.modules.find((m) => m.key === lesson.moduleKey);
  const neighbours = lessonNeighbours(outline.modules, lesson.key);
  if (!module || !neighbours) throw data(null, { status: 404 });

  return {
    course: { key: outline.key, title: outline.title },
    module: {
      key: module.key,
      number: outline.modules.indexOf(module) + 1,
      title: module.title,
    },
    lesson: {
      key: lesson.key,
      // "2.3": the module's number and the lesson's within it (discreet mode's name for it).
      number: `${outline.modules.indexOf(module) + 1}.${module.lessons.findIndex((l) => l.key === lesson.key) + 1}`,
    },
    title: translation.title,
    contentLocale: translation.locale,
    estimatedMinutes: translation.estimatedMinutes,
    html: lessonHtmlCache.get(translation.id, translation.body, calloutTitles(translation.locale)),
    previous: neighbours.previous,
    next: neighbours.next,
    isCompleted: completedAt !== null,
  };
}

/**
 * Records that the lesson was opened; returns when it was completed (null if not yet). The first
 * view creates the progress row and the enrolment. A repeat view writes only when it changes
 * something a reader sees: "resume" must go to the lesson viewed last, and the trainer's
 * inactivity signal needs `lastViewedAt` to within an hour — so re-reading the lesson that is
 * already the latest, within the hour, is a pure read.
 */
async function recordView(
  db: Db,
  state: CourseState,
  userId: string,
  lessonId: string,
  now = new Date(),
): Promise<Date | null> {
  const row = state.progress.find((progress) => progress.lessonId === lessonId);
  const isLatest =
    row !== undefined &&
    state.progress.every(
      (other) => other === row || other.lastViewedAt.getTime() < row.lastViewedAt.getTime(),
    );
  if (row && isLatest && now.getTime() - row.lastViewedAt.getTime() < VIEW_TOUCH_MS) {
    return row.completedAt;
  }
  const view = await recordLessonView(db, userId, lessonId, now);
  if (view.isFirstView && !state.hasEnrolmentRow) await enrol(db, userId, state.courseId);
  return view.completedAt;
}
