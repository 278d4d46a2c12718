import type { Db } from "@peacelearn/db";
import type {
  ActivityType,
  DacGenderMarker,
  DacSectorCode,
  LocationCode,
  ProgrammeRegion,
} from "@peacelearn/domain";
import { type CourseContent, courseContentAt } from "~/modules/courses/outline.server";
import {
  CONTENT_FALLBACK_LOCALE,
  contentLocales,
  type LocalizedText,
  localizedField,
} from "~/modules/courses/translation";
import { cohortWithCourse } from "./course-structure.sql.server";
import { cohortFields } from "./stored-cohort";

export type LessonColumn = { id: string; key: string; title: LocalizedText };
export type CheckColumn = { id: string; key: string; title: LocalizedText; passMark: number };
export type ModuleColumn = {
  id: string;
  key: string;
  title: LocalizedText;
  lessons: LessonColumn[];
  checks: CheckColumn[];
};

export type CohortSummary = {
  id: string;
  name: string;
  locationCode: LocationCode;
  programmeRegion: ProgrammeRegion;
  place: string | null;
  startsOn: Date;
  endsOn: Date | null;
  activityType: ActivityType;
  dacSectorCode: DacSectorCode;
  dacGenderMarker: DacGenderMarker;
  course: { key: string; title: LocalizedText };
};

export type CohortCourse = {
  cohort: CohortSummary;
  modules: ModuleColumn[];
  /** How many workshops the cohort has (held or not). */
  workshopCount: number;
};

function localized(title: string | null, lang: string | null, fallback: string): LocalizedText {
  return title === null || lang === null
    ? { text: fallback, lang: CONTENT_FALLBACK_LOCALE }
    : { text: title, lang };
}

/**
 * A trainer's grid reads titles in their language or English, else the stable key (marked
 * English) — never a third language they may not read, unlike the learner's pages.
 */
function gridTitle(
  translations: ReadonlyArray<{ locale: string; title: string }>,
  locale: string,
  key: string,
): LocalizedText {
  const readable = contentLocales(locale);
  return localizedField(
    translations.filter((translation) => readable.includes(translation.locale)),
    locale,
    "title",
    key,
  );
}

/** The grid's columns: the course's cached outline (retired content is not in it). */
function moduleColumns(content: CourseContent | null, locale: string): ModuleColumn[] {
  return (content?.modules ?? []).map((module) => ({
    id: module.id,
    key: module.key,
    title: gridTitle(module.translations, locale, module.key),
    lessons: module.lessons.map((lesson) => ({
      id: lesson.id,
      key: lesson.key,
      title: gridTitle(lesson.translations, locale, lesson.key),
    })),
    checks: module.knowledgeChecks.map((check) => ({
      id: check.id,
      key: check.key,
      passMark: check.passMark,
      title: gridTitle(check.translations, locale, check.key),
    })),
  }));
}

/**
 * A cohort with its course's modules (by position), lessons (by position) and knowledge checks
 * (by key), titled in the reader's language, and its number of workshops. One raw statement for
 * the cohort row and the content version (with Prisma 6's query compiler, a nested select cost
 * several times the CPU, and each statement has a fixed cost); the course's structure comes from
 * the outline cached per content version, the same one the course pages and the completion rule
 * read, so the grid's columns are exactly what learners can see.
 */
export async function loadCohortCourse(
  db: Db,
  cohortId: string,
  locale: string,
): Promise<CohortCourse | null> {
  const row = await cohortWithCourse.one(db, cohortId, locale, CONTENT_FALLBACK_LOCALE);
  if (!row) return null;
  const content = await courseContentAt(db, row.contentVersion, row.courseKey);

  return {
    cohort: {
      ...cohortFields(row),
      // Like the other codes, it passed the domain's schemas when the cohort was created.
      dacSectorCode: row.dacSectorCode as DacSectorCode,
      course: {
        key: row.courseKey,
        title: localized(row.courseTitle, row.courseTitleLocale, row.courseKey),
      },
    },
    modules: moduleColumns(content, locale),
    workshopCount: row.workshopCount,
  };
}
