import type { Db } from "@peacelearn/db";
import { activeContent, contentLocales, type LocalizedText, localizedField } from "./translation";

export type OutlineLesson = {
  id: string;
  key: string;
  moduleKey: string;
  title: LocalizedText;
  estimatedMinutes: number | null;
};

export type OutlineModule = {
  id: string;
  key: string;
  title: LocalizedText;
  summary: LocalizedText;
  /** Whether the module ends with a knowledge check (at /courses/:c/modules/:m/check). */
  hasCheck: boolean;
  lessons: OutlineLesson[];
};

export type CourseOutline = {
  id: string;
  key: string;
  isPublished: boolean;
  title: LocalizedText;
  summary: LocalizedText;
  /** Locales the course has a translation in, e.g. ["en", "fr"]. */
  locales: string[];
  modules: OutlineModule[];
};

/**
 * A course with its modules and lessons in reading order, titled in `locale` where translated
 * (English otherwise, with the language recorded). One Prisma call (a handful of SQL queries
 * whatever the course's size); lesson bodies are not loaded.
 */
export async function loadCourseOutline(
  db: Db,
  courseKey: string,
  locale: string,
): Promise<CourseOutline | null> {
  const locales = contentLocales(locale);
  const course = await db.course.findUnique({
    where: { key: courseKey },
    select: {
      id: true,
      key: true,
      publishedAt: true,
      translations: { select: { locale: true, title: true, summary: true } },
      modules: {
        where: activeContent,
        orderBy: { position: "asc" },
        select: {
          id: true,
          key: true,
          translations: {
            where: { locale: { in: locales } },
            select: { locale: true, title: true, summary: true },
          },
          knowledgeChecks: { select: { id: true }, take: 1 },
          lessons: {
            where: activeContent,
            orderBy: { position: "asc" },
            select: {
              id: true,
              key: true,
              translations: {
                where: { locale: { in: locales } },
                select: { locale: true, title: true, estimatedMinutes: true },
              },
            },
          },
        },
      },
    },
  });
  if (!course) return null;
  return {
    id: course.id,
    key: course.key,
    isPublished: course.publishedAt !== null,
    title: localizedField(course.translations, locale, "title", course.key),
    summary: localizedField(course.translations, locale, "summary", ""),
    locales: course.translations.map((translation) => translation.locale).sort(),
    modules: course.modules.map((module) => ({
      id: module.id,
      key: module.key,
      title: localizedField(module.translations, locale, "title", module.key),
      summary: localizedField(module.translations, locale, "summary", ""),
      hasCheck: module.knowledgeChecks.length > 0,
      lessons: module.lessons.map((lesson) => {
        const title = localizedField(lesson.translations, locale, "title", lesson.key);
        const minutes = lesson.translations.find((t) => t.locale === title.lang)?.estimatedMinutes;
        return {
          id: lesson.id,
          key: lesson.key,
          moduleKey: module.key,
          title,
          estimatedMinutes: minutes ?? null,
        };
      }),
    })),
  };
}

/** Every lesson of the course, in reading order across modules. */
export function lessonsInOrder(outline: Pick<CourseOutline, "modules">): OutlineLesson[] {
  return outline.modules.flatMap((module) => module.lessons);
}

/**
 * The lesson with `lessonKey`. Lesson keys are unique within a module only; should two modules
 * share one, the first in reading order wins (the curriculum validator should forbid it).
 */
export function findLesson(outline: Pick<CourseOutline, "modules">, lessonKey: string) {
  return lessonsInOrder(outline).find((lesson) => lesson.key === lessonKey) ?? null;
}
