import type { Db } from "@peacelearn/db";
import type {
  ActivityType,
  DacGenderMarker,
  DacSectorCode,
  LocationCode,
  ProgrammeRegion,
} from "@peacelearn/domain";
import { contentLocales, type LocalizedText, localizedField } from "~/modules/courses/translation";

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

/**
 * A cohort with its course's modules, lessons and knowledge checks in reading order, titled in
 * the reader's language. One Prisma query (its nested selects are a fixed number of SQL
 * statements, whatever the number of trainees).
 */
export async function loadCohortCourse(
  db: Db,
  cohortId: string,
  locale: string,
): Promise<{ cohort: CohortSummary; modules: ModuleColumn[] } | null> {
  const locales = { locale: { in: contentLocales(locale) } };
  const row = await db.cohort.findUnique({
    where: { id: cohortId },
    select: {
      id: true,
      name: true,
      locationCode: true,
      programmeRegion: true,
      place: true,
      startsOn: true,
      endsOn: true,
      activityType: true,
      dacSectorCode: true,
      dacGenderMarker: true,
      course: {
        select: {
          key: true,
          translations: { where: locales, select: { locale: true, title: true } },
          modules: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              key: true,
              translations: { where: locales, select: { locale: true, title: true } },
              lessons: {
                orderBy: { position: "asc" },
                select: {
                  id: true,
                  key: true,
                  translations: { where: locales, select: { locale: true, title: true } },
                },
              },
              knowledgeChecks: {
                orderBy: { key: "asc" },
                select: {
                  id: true,
                  key: true,
                  passMark: true,
                  translations: { where: locales, select: { locale: true, title: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  const { course, ...cohort } = row;
  return {
    cohort: {
      ...cohort,
      // Stored codes passed the domain's schemas when the cohort was created.
      locationCode: cohort.locationCode as LocationCode,
      programmeRegion: cohort.programmeRegion as ProgrammeRegion,
      activityType: cohort.activityType as ActivityType,
      dacSectorCode: cohort.dacSectorCode as DacSectorCode,
      dacGenderMarker: cohort.dacGenderMarker as DacGenderMarker,
      course: {
        key: course.key,
        title: localizedField(course.translations, locale, "title", course.key),
      },
    },
    modules: course.modules.map((module) => ({
      id: module.id,
      key: module.key,
      title: localizedField(module.translations, locale, "title", module.key),
      lessons: module.lessons.map((lesson) => ({
        id: lesson.id,
        key: lesson.key,
        title: localizedField(lesson.translations, locale, "title", lesson.key),
      })),
      checks: module.knowledgeChecks.map((check) => ({
        id: check.id,
        key: check.key,
        passMark: check.passMark,
        title: localizedField(check.translations, locale, "title", check.key),
      })),
    })),
  };
}
