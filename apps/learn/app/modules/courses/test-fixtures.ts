// Test-only builders for courses and cohorts (imported by *.test.ts files only); people sign in
// with ~/test/sign-in.server.
import type { Db } from "@peacelearn/db";

type LessonSpec = { key: string; locales?: string[]; body?: string; minutes?: number };
type ModuleSpec = { key: string; hasCheck?: boolean; lessons: LessonSpec[] };
export type CourseSpec = {
  key: string;
  locales?: string[];
  published?: boolean;
  /** Programme regions the course declares (course.yaml `regions`); default none. */
  regions?: string[];
  /** Thematic domains and activity type the course declares; default none. */
  themes?: string[];
  activityType?: string;
  modules: ModuleSpec[];
};

const text = (locale: string, value: string) => `${value} (${locale})`;

/** A course with translated modules and lessons; returns ids by key for assertions. */
export async function createCourse(db: Db, spec: CourseSpec) {
  const locales = spec.locales ?? ["en", "fr"];
  const course = await db.course.create({
    data: {
      key: spec.key,
      publishedAt: spec.published === false ? null : new Date("2026-01-01T00:00:00Z"),
      regions: spec.regions ?? [],
      themes: spec.themes ?? [],
      activityType: spec.activityType ?? null,
      translations: {
        create: locales.map((locale) => ({
          locale,
          slug: `${spec.key}-${locale}`,
          title: text(locale, `Course ${spec.key}`),
          summary: text(locale, `About ${spec.key}`),
        })),
      },
      modules: {
        create: spec.modules.map((module, moduleIndex) => ({
          key: module.key,
          position: moduleIndex + 1,
          translations: {
            create: locales.map((locale) => ({
              locale,
              title: text(locale, `Module ${module.key}`),
              summary: "",
            })),
          },
          knowledgeChecks: module.hasCheck
            ? { create: { key: `${module.key}-check`, passMark: 70 } }
            : undefined,
          lessons: {
            create: module.lessons.map((lesson, lessonIndex) => ({
              key: lesson.key,
              position: lessonIndex + 1,
              translations: {
                create: (lesson.locales ?? locales).map((locale) => ({
                  locale,
                  slug: `${spec.key}-${lesson.key}-${locale}`,
                  title: text(locale, `Lesson ${lesson.key}`),
                  summary: "",
                  body: lesson.body ?? `## ${lesson.key}\n\nText in ${locale}.`,
                  estimatedMinutes: lesson.minutes ?? 5,
                })),
              },
            })),
          },
        })),
      },
    },
    select: {
      id: true,
      modules: {
        select: {
          key: true,
          knowledgeChecks: { select: { id: true } },
          lessons: { select: { id: true, key: true } },
        },
      },
    },
  });
  const lessonIds: Record<string, string> = {};
  const checkIds: Record<string, string> = {};
  for (const module of course.modules) {
    for (const lesson of module.lessons) lessonIds[`${module.key}/${lesson.key}`] = lesson.id;
    const check = module.knowledgeChecks[0];
    if (check) checkIds[module.key] = check.id;
  }
  return { id: course.id, lessonIds, checkIds };
}

/** A cohort of `courseId` with `memberIds` (minimum required fields, realistic codes). */
export async function createCohort(
  db: Db,
  { courseId, region, memberIds = [] }: { courseId: string; region: string; memberIds?: string[] },
) {
  return db.cohort.create({
    data: {
      courseId,
      name: `Cohort ${region}`,
      programmeRegion: region,
      locationCode: region === "west-africa" ? "LR" : "NP",
      startsOn: new Date("2026-02-01T00:00:00Z"),
      activityType: "capacity-building-training",
      dacSectorCode: "15220",
      dacGenderMarker: 2,
      memberships: { create: memberIds.map((userId) => ({ userId })) },
    },
    select: { id: true },
  });
}
