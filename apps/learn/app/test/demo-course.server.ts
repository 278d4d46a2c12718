// Route calls on the seeded demo course (seedDemo + demoCourse) shared by the certificate and
// completion tests.
import { newAttemptToken } from "~/modules/assessment/attempts.server";
import { answerFields, type demoCourse } from "~/modules/assessment/test-fixtures.server";
import { loader as certificateLoader } from "~/routes/courses/certificate";
import { action as checkAction } from "~/routes/courses/modules/check";
import { callRoute, formPost, pageGet } from "./route-call";
import { sessionCookie } from "./sign-in.server";

type DemoCourse = Awaited<ReturnType<typeof demoCourse>>;

/** Submits the demo check with every answer right, as the signed-in `token`. */
export function passCheck(course: DemoCourse, token: string) {
  const path = `/courses/${course.key}/modules/${course.checkModuleKey}/check`;
  return callRoute(
    checkAction,
    formPost(path, answerFields(course.rightAnswers, newAttemptToken()), sessionCookie(token)),
    { params: { courseKey: course.key, moduleKey: course.checkModuleKey } },
  );
}

/** GET the demo course's certificate page. */
export function certificatePage(
  course: DemoCourse,
  token: string,
  headers: Record<string, string> = {},
) {
  return callRoute(
    certificateLoader,
    pageGet(`/courses/${course.key}/certificate`, token, headers),
    { params: { courseKey: course.key } },
  );
}
