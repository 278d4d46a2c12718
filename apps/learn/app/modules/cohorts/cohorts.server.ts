import { CohortInputSchema, type Db } from "@peacelearn/db";
import {
  type ActivityType,
  type DacGenderMarker,
  type LocationCode,
  type ProgrammeRegion,
  regionOf,
} from "@peacelearn/domain";
import type { SessionUser } from "~/modules/auth/session.server";
import { contentLocales, type LocalizedText, localizedField } from "~/modules/courses/translation";
import { cohortScope } from "./access.server";
import type { CohortForm } from "./schema";
import { cohortFields } from "./stored-cohort";

export type CohortListItem = {
  id: string;
  name: string;
  courseTitle: LocalizedText;
  locationCode: LocationCode;
  programmeRegion: ProgrammeRegion;
  place: string | null;
  startsOn: Date;
  endsOn: Date | null;
  activityType: ActivityType;
  dacGenderMarker: DacGenderMarker;
  memberCount: number;
  trainerNames: string[];
};

/** The cohorts a user runs (all of them for admins), newest first. One query. */
export async function listCohorts(
  db: Db,
  user: Pick<SessionUser, "id" | "roles">,
  locale: string,
): Promise<CohortListItem[]> {
  const rows = await db.cohort.findMany({
    where: cohortScope(user),
    orderBy: [{ startsOn: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      locationCode: true,
      programmeRegion: true,
      place: true,
      startsOn: true,
      endsOn: true,
      activityType: true,
      dacGenderMarker: true,
      course: {
        select: {
          key: true,
          translations: {
            where: { locale: { in: contentLocales(locale) } },
            select: { locale: true, title: true },
          },
        },
      },
      trainers: {
        orderBy: { createdAt: "asc" },
        select: { user: { select: { displayName: true } } },
      },
      _count: { select: { memberships: true } },
    },
  });
  return rows.map((row) => ({
    ...cohortFields(row),
    courseTitle: localizedField(row.course.translations, locale, "title", row.course.key),
    memberCount: row._count.memberships,
    trainerNames: row.trainers.map((trainer) => trainer.user.displayName),
  }));
}

export type CourseOption = { id: string; title: LocalizedText };

/** Published courses a cohort can follow, by title. One query. */
export async function listCourseOptions(db: Db, locale: string): Promise<CourseOption[]> {
  const courses = await db.course.findMany({
    where: { publishedAt: { not: null } },
    select: {
      id: true,
      key: true,
      translations: {
        where: { locale: { in: contentLocales(locale) } },
        select: { locale: true, title: true },
      },
    },
  });
  return courses
    .map((course) => ({
      id: course.id,
      title: localizedField(course.translations, locale, "title", course.key),
    }))
    .sort((a, b) => a.title.text.localeCompare(b.title.text, locale));
}

export type CreateCohortResult = { ok: true; cohortId: string } | { ok: false; field: "courseId" };

/**
 * Creates a cohort with its creator as its trainer. The programme region comes from the location
 * (`regionOf`: Abkhazia is in the South Caucasus region while staying its own location).
 */
export async function createCohort(
  db: Db,
  creatorId: string,
  form: CohortForm,
): Promise<CreateCohortResult> {
  const course = await db.course.findFirst({
    where: { id: form.courseId, publishedAt: { not: null } },
    select: { id: true },
  });
  if (!course) return { ok: false, field: "courseId" };
  const input = CohortInputSchema.parse({
    courseId: course.id,
    name: form.name,
    programmeRegion: regionOf(form.locationCode),
    locationCode: form.locationCode,
    place: form.place || null,
    startsOn: form.startsOn,
    endsOn: form.endsOn ?? null,
    activityType: form.activityType,
    dacSectorCode: form.dacSectorCode,
    dacGenderMarker: form.dacGenderMarker,
  });
  const cohort = await db.cohort.create({
    data: { ...input, trainers: { create: { userId: creatorId } } },
    select: { id: true },
  });
  return { ok: true, cohortId: cohort.id };
}
