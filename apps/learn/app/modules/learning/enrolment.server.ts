import { type Db, isUniqueViolation } from "@peacelearn/db";
import { data } from "react-router";
import type { SessionUser } from "~/modules/auth/session.server";
import { assertCourseVisible } from "./course-access.server";

export type EnrolmentSource = "self" | "cohort";

export type EnrolmentStatus = {
  source: EnrolmentSource;
  enrolledAt: Date;
  completedAt: Date | null;
} | null;

/**
 * The user's enrolment in a course. A member of one of the course's cohorts counts as enrolled
 * even before an Enrolment row exists (cohort imports may add members only); the row is then
 * created on their first lesson.
 */
export async function getEnrolment(
  db: Db,
  userId: string,
  courseId: string,
): Promise<EnrolmentStatus> {
  const enrolment = await db.enrolment.findUnique({
    where: { userId_courseId: { userId, courseId } },
    select: { source: true, enrolledAt: true, completedAt: true },
  });
  if (enrolment) {
    return {
      source: enrolment.source === "cohort" ? "cohort" : "self",
      enrolledAt: enrolment.enrolledAt,
      completedAt: enrolment.completedAt,
    };
  }
  const membership = await db.cohortMembership.findFirst({
    where: { userId, cohort: { courseId } },
    select: { joinedAt: true },
  });
  return membership
    ? { source: "cohort", enrolledAt: membership.joinedAt, completedAt: null }
    : null;
}

/**
 * Enrols the user unless they already are; an existing enrolment (e.g. through a cohort) is left
 * as it is. Safe to repeat and to race: a double-submitted form makes one row.
 */
export async function ensureEnrolment(
  db: Db,
  userId: string,
  courseId: string,
  source: EnrolmentSource = "self",
): Promise<void> {
  try {
    await db.enrolment.upsert({
      where: { userId_courseId: { userId, courseId } },
      create: { userId, courseId, source },
      update: {},
      select: { id: true },
    });
  } catch (error) {
    // Two requests both found no row and both inserted: the other one won, which is the goal.
    if (!isUniqueViolation(error)) throw error;
  }
}

/**
 * Self-enrolment (the enrol button, a first lesson view or completion): one query when already
 * enrolled (the usual case), else enrols — recorded as "cohort" when the user is in one of the
 * course's cohorts, "self" otherwise.
 */
export async function enrol(db: Db, userId: string, courseId: string): Promise<void> {
  const existing = await db.enrolment.findUnique({
    where: { userId_courseId: { userId, courseId } },
    select: { id: true },
  });
  if (existing) return;
  const membership = await db.cohortMembership.findFirst({
    where: { userId, cohort: { courseId } },
    select: { cohortId: true },
  });
  await ensureEnrolment(db, userId, courseId, membership ? "cohort" : "self");
}

/**
 * The course page's enrol button: enrols the user in the course with `courseKey` (see
 * {@link enrol}). Throws a 404 for a course that does not exist or that the user cannot see.
 */
export async function enrolInCourse(
  db: Db,
  { user, courseKey }: { user: SessionUser; courseKey: string },
): Promise<void> {
  const course = await db.course.findUnique({
    where: { key: courseKey },
    select: { id: true, publishedAt: true },
  });
  if (!course) throw data(null, { status: 404 });
  assertCourseVisible({ isPublished: course.publishedAt !== null }, user);
  await enrol(db, user.id, course.id);
}
