import type { Db } from "@peacelearn/db";
import { type ProgrammeRegion, programmeRegionCodes } from "@peacelearn/domain";
import type { CatalogueFilter } from "./schema";
import { activeContent, type LocalizedText, localizedField } from "./translation";

export type CatalogueCourse = {
  key: string;
  title: LocalizedText;
  summary: LocalizedText;
  /** Content languages, e.g. ["en", "fr"]. */
  locales: string[];
  /** Programme regions where the course is run, derived from its cohorts. */
  regions: ProgrammeRegion[];
  moduleCount: number;
  lessonCount: number;
  isEnrolled: boolean;
};

/**
 * Published courses matching the filters, sorted by title in the reader's language. A course's
 * languages are those it has a translation in; its regions are those of its cohorts (the schema
 * has no course-level region). Two queries whatever the catalogue's size.
 */
export async function listCatalogue(
  db: Db,
  { locale, filter, userId }: { locale: string; filter: CatalogueFilter; userId?: string },
): Promise<CatalogueCourse[]> {
  const [courses, enrolments] = await Promise.all([
    db.course.findMany({
      where: {
        publishedAt: { not: null },
        ...(filter.language ? { translations: { some: { locale: filter.language } } } : {}),
        ...(filter.region ? { cohorts: { some: { programmeRegion: filter.region } } } : {}),
      },
      select: {
        id: true,
        key: true,
        translations: { select: { locale: true, title: true, summary: true } },
        cohorts: { select: { programmeRegion: true }, distinct: ["programmeRegion"] },
        modules: {
          where: activeContent,
          select: { _count: { select: { lessons: { where: activeContent } } } },
        },
      },
    }),
    userId
      ? db.enrolment.findMany({ where: { userId }, select: { courseId: true } })
      : Promise.resolve([]),
  ]);
  const enrolled = new Set(enrolments.map((enrolment) => enrolment.courseId));
  const collator = new Intl.Collator(locale);

  return courses
    .map((course) => ({
      key: course.key,
      title: localizedField(course.translations, locale, "title", course.key),
      summary: localizedField(course.translations, locale, "summary", ""),
      locales: course.translations.map((translation) => translation.locale).sort(),
      regions: programmeRegionCodes.filter((code) =>
        course.cohorts.some((cohort) => cohort.programmeRegion === code),
      ),
      moduleCount: course.modules.length,
      lessonCount: course.modules.reduce((sum, module) => sum + module._count.lessons, 0),
      isEnrolled: enrolled.has(course.id),
    }))
    .sort((a, b) => collator.compare(a.title.text, b.title.text));
}
