import type { Db } from "@peacelearn/db";
import {
  type ActivityType,
  ActivityTypeSchema,
  type ProgrammeRegion,
  programmeRegionCodes,
  type Theme,
  themes,
} from "@peacelearn/domain";
import { foldForSearch } from "~/lib/search-text";
import type { CatalogueFilter } from "./schema";
import { activeContent, type LocalizedText, localizedField } from "./translation";

export type CatalogueCourse = {
  key: string;
  title: LocalizedText;
  summary: LocalizedText;
  /** Content languages, e.g. ["en", "fr"]. */
  locales: string[];
  /**
   * Programme regions the course is offered in, in the vocabulary's order: those its curriculum
   * declares (course.yaml `regions`), plus any region a cohort of it has run in.
   */
  regions: ProgrammeRegion[];
  /** Thematic domains the curriculum declares, in the vocabulary's order. */
  themes: Theme[];
  /** The kind of activity the course is (course.yaml `activityType`), when declared. */
  activityType: ActivityType | null;
  moduleCount: number;
  lessonCount: number;
  isEnrolled: boolean;
};

/**
 * Published courses matching the filters, sorted by title in the reader's language. A course's
 * languages are those it has a translation in.
 *
 * Its regions are the union of those its curriculum declares and those its cohorts ran in. The
 * declared ones make a course nobody has run yet findable where it is meant for; the cohorts'
 * count too because a cohort is the programme actually offering the course in that region (a
 * pilot outside the declared list is still where a learner there would look), and because
 * courses stored before the column existed, or made outside the curriculum, declare none.
 *
 * A bounded number of queries whatever the catalogue's size; the cohorts are read as distinct
 * (course, region) pairs, so their cost follows the catalogue, not the number of cohorts ever run.
 */
export async function listCatalogue(
  db: Db,
  { locale, filter, userId }: { locale: string; filter: CatalogueFilter; userId?: string },
): Promise<CatalogueCourse[]> {
  const [courses, cohortRegions, enrolments] = await Promise.all([
    db.course.findMany({
      where: {
        publishedAt: { not: null },
        ...(filter.language ? { translations: { some: { locale: filter.language } } } : {}),
        ...(filter.region
          ? {
              OR: [
                { regions: { has: filter.region } },
                { cohorts: { some: { programmeRegion: filter.region } } },
              ],
            }
          : {}),
      },
      select: {
        id: true,
        key: true,
        regions: true,
        themes: true,
        activityType: true,
        translations: { select: { locale: true, title: true, summary: true } },
        modules: {
          where: activeContent,
          select: { _count: { select: { lessons: { where: activeContent } } } },
        },
      },
    }),
    // GROUP BY in the database (a nested `distinct` would fetch every cohort row); pairs of
    // unpublished courses are simply not looked up.
    db.cohort.groupBy({ by: ["courseId", "programmeRegion"] }),
    userId
      ? db.enrolment.findMany({ where: { userId }, select: { courseId: true } })
      : Promise.resolve([]),
  ]);
  const enrolled = new Set(enrolments.map((enrolment) => enrolment.courseId));
  const regionsRun = new Map<string, Set<string>>();
  for (const { courseId, programmeRegion } of cohortRegions) {
    const regions = regionsRun.get(courseId) ?? new Set<string>();
    regions.add(programmeRegion);
    regionsRun.set(courseId, regions);
  }
  const collator = new Intl.Collator(locale);
  const words = filter.q ? foldForSearch(filter.q).split(" ") : [];

  return courses
    .filter((course) => {
      if (words.length === 0) return true;
      // Every word, somewhere in a title or summary of any language the course is in.
      const haystack = foldForSearch(
        course.translations.map((t) => `${t.title} ${t.summary}`).join(" "),
      );
      return words.every((word) => haystack.includes(word));
    })
    .map((course) => ({
      key: course.key,
      title: localizedField(course.translations, locale, "title", course.key),
      summary: localizedField(course.translations, locale, "summary", ""),
      locales: course.translations.map((translation) => translation.locale).sort(),
      // Vocabulary codes only, in its order: a stray stored code is never shown.
      regions: programmeRegionCodes.filter(
        (code) => course.regions.includes(code) || regionsRun.get(course.id)?.has(code),
      ),
      // Vocabulary codes only, like the regions.
      themes: themes.filter((theme) => course.themes.includes(theme)),
      activityType: ActivityTypeSchema.safeParse(course.activityType).data ?? null,
      moduleCount: course.modules.length,
      lessonCount: course.modules.reduce((sum, module) => sum + module._count.lessons, 0),
      isEnrolled: enrolled.has(course.id),
    }))
    .sort((a, b) => collator.compare(a.title.text, b.title.text));
}
