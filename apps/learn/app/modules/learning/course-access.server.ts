import { data } from "react-router";
import { hasRole } from "~/modules/auth/guards.server";
import type { SessionUser } from "~/modules/auth/session.server";

/**
 * Unpublished courses (being imported or reviewed) exist only for trainers and admins; to
 * everyone else they are a 404, exactly like a course that does not exist.
 */
export function assertCourseVisible(
  course: { isPublished: boolean } | null,
  user: Pick<SessionUser, "roles"> | null,
): asserts course is { isPublished: boolean } {
  if (!course) throw data(null, { status: 404 });
  if (!course.isPublished && !(user && hasRole(user, "trainer"))) {
    throw data(null, { status: 404 });
  }
}
