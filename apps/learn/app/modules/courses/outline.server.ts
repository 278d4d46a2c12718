import type { Db } from "@peacelearn/db";
import { contentVersion } from "./outline.sql.server";
import { activeContent, type LocalizedText, localizedField } from "./translation";

export type OutlineLesson = {
  id: string;
  key: string;
  moduleKey: string;
  title: LocalizedText;
  estimatedMinutes: number | null;
};

/** A knowledge check of a module; a module's checks are in key order. */
export type OutlineCheck = {
  id: string;
  key: string;
  title: LocalizedText;
  /** Percentage (0–100) of points needed to pass. */
  passMark: number;
};

export type OutlineModule = {
  id: string;
  key: string;
  title: LocalizedText;
  summary: LocalizedText;
  /** Whether the module ends with a knowledge check (at /courses/:c/modules/:m/check). */
  hasCheck: boolean;
  checks: OutlineCheck[];
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

/** A lesson's text in one language, as stored (the page renders `body` once and caches it). */
export type LessonTranslationContent = {
  id: string;
  locale: string;
  title: string;
  body: string;
  estimatedMinutes: number;
};

/** The version of all course content: it changes with every write to it (ContentVersion). */
export async function readContentVersion(db: Db): Promise<string> {
  const row = await contentVersion.one(db);
  if (!row) throw new Error("ContentVersion has no row: the database is not migrated");
  return row.version;
}

/**
 * Everything a course's pages show, in every language: one nested read per content version. This
 * is the one place that decides what is in a course: modules and lessons the importer retired
 * are left out here, so every reader of the outline (course and lesson pages, the completion
 * rule, the cohort grid) leaves them out alike.
 */
function loadCourseContent(db: Db, courseKey: string) {
  return db.course.findUnique({
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
          translations: { select: { locale: true, title: true, summary: true } },
          knowledgeChecks: {
            orderBy: { key: "asc" },
            select: {
              id: true,
              key: true,
              passMark: true,
              translations: { select: { locale: true, title: true } },
            },
          },
          lessons: {
            where: activeContent,
            orderBy: { position: "asc" },
            select: {
              id: true,
              key: true,
              translations: {
                select: { id: true, locale: true, title: true, body: true, estimatedMinutes: true },
              },
            },
          },
        },
      },
    },
  });
}

/** A course's stored content in every language, as cached (see {@link courseContentAt}). */
export type CourseContent = NonNullable<Awaited<ReturnType<typeof loadCourseContent>>>;

type ContentCache = {
  version: string;
  courses: Map<string, Promise<CourseContent | null>>;
  outlines: Map<string, Promise<CourseOutline | null>>;
};

// Course content changes only when the curriculum is imported, yet every course and lesson page
// needs it: it is read once per (database, content version) and kept in memory. Every entry was
// read after its version was, so it is never older than the version it is filed under.
const caches = new WeakMap<Db, ContentCache>();

function cacheAt(db: Db, version: string): ContentCache {
  let cache = caches.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, courses: new Map(), outlines: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

/**
 * The cached content of a course as of content `version`, for readers that title it by a rule
 * of their own (the cohort grid); pages use {@link courseOutlineAt}.
 */
export function courseContentAt(
  db: Db,
  version: string,
  courseKey: string,
): Promise<CourseContent | null> {
  const { courses } = cacheAt(db, version);
  let content = courses.get(courseKey);
  if (!content) {
    content = loadCourseContent(db, courseKey);
    courses.set(courseKey, content);
    // A failed read is not remembered.
    content.catch(() => courses.delete(courseKey));
  }
  return content;
}

function outlineOf(course: CourseContent, locale: string): CourseOutline {
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
      checks: module.knowledgeChecks.map((check) => ({
        id: check.id,
        key: check.key,
        title: localizedField(check.translations, locale, "title", check.key),
        passMark: check.passMark,
      })),
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

/**
 * A course with its modules and lessons in reading order, titled in `locale` where translated
 * (English otherwise, with the language recorded), as of content `version` (from
 * {@link readContentVersion}, or read together with the learner's state). Served from memory.
 */
export function courseOutlineAt(
  db: Db,
  version: string,
  courseKey: string,
  locale: string,
): Promise<CourseOutline | null> {
  const { outlines } = cacheAt(db, version);
  const key = `${courseKey}\u0000${locale}`;
  let outline = outlines.get(key);
  if (!outline) {
    outline = courseContentAt(db, version, courseKey).then((course) =>
      course ? outlineOf(course, locale) : null,
    );
    outlines.set(key, outline);
    outline.catch(() => outlines.delete(key));
  }
  return outline;
}

/** {@link courseOutlineAt} at the current content version (one small query). */
export async function loadCourseOutline(
  db: Db,
  courseKey: string,
  locale: string,
): Promise<CourseOutline | null> {
  return courseOutlineAt(db, await readContentVersion(db), courseKey, locale);
}

/** Every stored translation of one lesson of the course (empty if it is not in the course). */
export async function lessonTranslationsAt(
  db: Db,
  version: string,
  courseKey: string,
  lessonId: string,
): Promise<LessonTranslationContent[]> {
  const course = await courseContentAt(db, version, courseKey);
  for (const module of course?.modules ?? []) {
    const lesson = module.lessons.find((candidate) => candidate.id === lessonId);
    if (lesson) return lesson.translations;
  }
  return [];
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
