import type { Db } from "@peacelearn/db";
import {
  findIssuedCertificate,
  type IssuedCertificate,
  issueCertificate,
} from "~/modules/certificates/certificates.server";
import type { CourseOutline } from "~/modules/courses/outline.server";
import { ensureCertificateCredential } from "~/modules/credentials/credentials.server";
import { enrol } from "./enrolment.server";

/**
 * COURSE COMPLETION RULE (see docs/decisions/007-knowledge-checks-and-certificates.md):
 * a course is complete for a person when
 *   1. every lesson of every module has a LessonProgress with `completedAt`, and
 *   2. every knowledge check of every module has at least one attempt with `passed = true`,
 * where "every module" and "every lesson" are those of the course's outline (courseOutlineAt):
 * what the importer retired is hidden and unreachable, so it is not required either (issue 11),
 * and the course has at least one lesson or check. "Passed" is decided per attempt against that
 * check's own pass mark (KnowledgeCheck.passMark — the curriculum's course `passMark` is the
 * default the importer gives checks, not a second threshold). There is no course-wide average:
 * failing one check and retrying it is the expected path, and the best attempt counts.
 */
type CourseCompletionState = {
  lessonsTotal: number;
  lessonsCompleted: number;
  checksTotal: number;
  checksPassed: number;
  complete: boolean;
};

/** What the rule needs of a course: its outline (see `courseOutlineAt`). */
export type CompletionCourse = Pick<CourseOutline, "id" | "modules">;

/**
 * Where a person stands against the completion rule. Two queries, whatever the course size; the
 * course's lessons and checks come from its cached outline.
 */
async function courseCompletionState(
  db: Db,
  { userId, course }: { userId: string; course: CompletionCourse },
): Promise<CourseCompletionState> {
  const lessonIds = course.modules.flatMap((module) => module.lessons.map((lesson) => lesson.id));
  const checkIds = course.modules.flatMap((module) => module.checks.map((check) => check.id));
  const [lessonsCompleted, passed] = await Promise.all([
    lessonIds.length === 0
      ? 0
      : db.lessonProgress.count({
          where: { userId, completedAt: { not: null }, lessonId: { in: lessonIds } },
        }),
    checkIds.length === 0
      ? []
      : db.knowledgeCheckAttempt.findMany({
          where: { userId, passed: true, knowledgeCheckId: { in: checkIds } },
          distinct: ["knowledgeCheckId"],
          select: { knowledgeCheckId: true },
        }),
  ]);
  const lessonsTotal = lessonIds.length;
  const checksTotal = checkIds.length;
  const checksPassed = passed.length;
  return {
    lessonsTotal,
    lessonsCompleted,
    checksTotal,
    checksPassed,
    complete:
      lessonsTotal + checksTotal > 0 &&
      lessonsCompleted >= lessonsTotal &&
      checksPassed === checksTotal,
  };
}

export type CompletionOutcome =
  | { status: "incomplete"; state: CourseCompletionState }
  | {
      status: "completed";
      /** True only for the request that issued the certificate. */
      issuedNow: boolean;
      certificate: IssuedCertificate;
    };

/**
 * Applies the completion rule and, the first time it holds, records the completion: exactly one
 * Certificate (race-safe, see issueCertificate) and Enrolment.completedAt set to the certificate's
 * issue time. Idempotent: call it after anything that can complete a course (a passed check, a
 * completed lesson) and again whenever in doubt — a later call never changes an issued
 * certificate or an existing completion date.
 */
export async function completeCourseIfDone(
  db: Db,
  { userId, course, now = new Date() }: { userId: string; course: CompletionCourse; now?: Date },
): Promise<CompletionOutcome> {
  const courseId = course.id;
  const existing = await findIssuedCertificate(db, { userId, courseId });
  if (existing) return { status: "completed", issuedNow: false, certificate: existing };

  const state = await courseCompletionState(db, { userId, course });
  if (!state.complete) return { status: "incomplete", state };

  await enrol(db, userId, courseId);
  const { certificate, issuedNow } = await issueCertificate(db, {
    userId,
    courseId,
    issuedAt: now,
  });
  // Its Open Badges credential's place on the revocation list is taken at issue (ADR 031).
  if (issuedNow) await ensureCertificateCredential(db, certificate.id);
  // Only an unset date is written, so a race loser never moves the winner's date.
  await db.enrolment.updateMany({
    where: { userId, courseId, completedAt: null },
    data: { completedAt: certificate.issuedAt },
  });
  return { status: "completed", issuedNow, certificate };
}
