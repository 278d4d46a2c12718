import type { Db } from "@peacelearn/db";
import { submitAttempt } from "~/modules/assessment/attempts.server";
import type { KnowledgeCheckContent } from "~/modules/assessment/check-data.server";
import type { AttemptAnswers } from "~/modules/assessment/grade-attempt.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { certificateHref, checkHref, courseHref } from "~/modules/courses/hrefs";
import { loadCourseOutline } from "~/modules/courses/outline.server";
import { completeCourseIfDone } from "./completion.server";
import { enrol } from "./enrolment.server";
import { findCourseLesson } from "./lesson-page.server";
import { completeLesson } from "./lesson-progress.server";
import { lessonNeighbours, stepHref } from "./navigation";

// The learner's progress events. Each one does, in one place, what any event that can finish a
// course must do: enrol (ADR 006), record the event, then apply the completion rule — and
// returns where the learner goes next, so the route only parses and redirects.

/**
 * "Mark as complete and continue": completes the lesson (once) and returns the next step, or the
 * certificate when this lesson was the course's last requirement. Throws a 404 for a lesson the
 * user cannot see.
 */
export async function recordLessonCompleted(
  db: Db,
  input: { user: SessionUser; courseKey: string; lessonKey: string; locale: string },
): Promise<{ redirectTo: string }> {
  const { outline, lesson } = await findCourseLesson(db, input);
  const userId = input.user.id;
  await enrol(db, userId, outline.id);
  await completeLesson(db, userId, lesson.id);
  // The last lesson can be what completes a course whose checks are already passed.
  const completion = await completeCourseIfDone(db, { userId, course: outline });
  if (completion.status === "completed" && completion.issuedNow) {
    return { redirectTo: certificateHref(outline.key) };
  }
  const neighbours = lessonNeighbours(outline.modules, lesson.key);
  return {
    redirectTo: neighbours ? stepHref(outline.key, neighbours.next) : courseHref(outline.key),
  };
}

export type CheckAttemptOutcome =
  | { kind: "recorded"; redirectTo: string }
  /** The form's token was already used for another check: a stale or tampered form. */
  | { kind: "token-used-elsewhere" };

/**
 * A submitted knowledge check: enrols on the first attempt (as a cohort member when the person is
 * in one of the course's cohorts), stores the graded attempt once per token, and completes the
 * course when a pass was its last requirement. Returns the attempt's result page.
 */
export async function recordCheckAttempt(
  db: Db,
  input: {
    userId: string;
    content: KnowledgeCheckContent;
    answers: AttemptAnswers;
    token: string;
    locale: string;
  },
): Promise<CheckAttemptOutcome> {
  const { userId, content } = input;
  await enrol(db, userId, content.course.id);
  const outcome = await submitAttempt(db, {
    userId,
    content,
    answers: input.answers,
    token: input.token,
  });
  if (outcome.kind === "token-used-elsewhere") return outcome;
  // Also on a replay: a request that died between storing the attempt and issuing the
  // certificate is finished by the next identical post.
  if (outcome.attempt.passed) {
    const course = await loadCourseOutline(db, content.course.key, input.locale);
    if (course) await completeCourseIfDone(db, { userId, course });
  }
  const resultPage = checkHref(content.course.key, content.module.key);
  return {
    kind: "recorded",
    redirectTo: `${resultPage}?attempt=${encodeURIComponent(outcome.attempt.id)}`,
  };
}
