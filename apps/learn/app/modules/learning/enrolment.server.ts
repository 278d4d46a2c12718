import { type Db, isUniqueViolation } from "@peacelearn/db";
import type { EnrolmentSource } from "@peacelearn/db/schemas";
import { data } from "react-router";
import type { SessionUser } from "~/modules/auth/session.server";
import { assertCourseVisible } from "./course-access.server";

export type EnrolmentStatus = {
  source: EnrolmentSource;
  enrolledAt: Date;
  completedAt: Date | null;
} | null;

/**
 * Enrols the user unless they already are; an existing enrolment (e.g. through a cohort) is left
 * as it is. Safe to repeat and to race: a double-submitted form makes one row.
 */
async function ensureEnrolment(
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
