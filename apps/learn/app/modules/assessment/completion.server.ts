import type { Db } from "@peacelearn/db";
import { issueCertificate } from "~/modules/certificates/certificates.server";
import { enrol } from "~/modules/learning/enrolment.server";

/**
 * COURSE COMPLETION RULE (see docs/decisions/007-knowledge-checks-and-certificates.md):
 * a course is complete for a person when
 *   1. every lesson of every module has a LessonProgress with `completedAt`, and
 *   2. every knowledge check of every module has at least one attempt with `passed = true`,
 * and the course has at least one lesson or check. "Passed" is decided per attempt against that
 * check's own pass mark (KnowledgeCheck.passMark — the curriculum's course `passMark` is the
 * default the importer gives checks, not a second threshold). There is no course-wide average:
 * failing one check and retrying it is the expected path, and the best attempt counts.
 */
export type CourseCompletionState = {
  lessonsTotal: number;
  lessonsCompleted: number;
  checksTotal: number;
  checksPassed: number;
  complete: boolean;
};

/** Where a person stands against the completion rule. Three queries, whatever the course size. */
export async function courseCompletionState(
  db: Db,
  { userId, courseId }: { userId: string; courseId: string },
): Promise<CourseCompletionState> {
  const inCourse = { module: { courseId } };
  const [lessonsTotal, lessonsCompleted, checks] = await Promise.all([
    db.lesson.count({ where: inCourse }),
    db.lessonProgress.count({
      where: { userId, completedAt: { not: null }, lesson: inCourse },
    }),
    db.knowledgeCheck.findMany({
      where: inCourse,
      select: { attempts: { where: { userId, passed: true }, take: 1, select: { id: true } } },
    }),
  ]);
  const checksPassed = checks.filter((check) => check.attempts.length > 0).length;
  return {
    lessonsTotal,
    lessonsCompleted,
    checksTotal: checks.length,
    checksPassed,
    complete:
      lessonsTotal + checks.length > 0 &&
      lessonsCompleted >= lessonsTotal &&
      checksPassed === checks.length,
  };
}

export type CompletionOutcome =
  | { status: "incomplete"; state: CourseCompletionState }
  | {
      status: "completed";
      /** True only for the request that issued the certificate. */
      issuedNow: boolean;
      certificate: { id: string; verificationCode: string; issuedAt: Date };
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
  { userId, courseId, now = new Date() }: { userId: string; courseId: string; now?: Date },
): Promise<CompletionOutcome> {
  const existing = await db.certificate.findUnique({
    where: { userId_courseId: { userId, courseId } },
    select: { id: true, verificationCode: true, issuedAt: true },
  });
  if (existing) return { status: "completed", issuedNow: false, certificate: existing };

  const state = await courseCompletionState(db, { userId, courseId });
  if (!state.complete) return { status: "incomplete", state };

  await enrol(db, userId, courseId);
  const { certificate, issuedNow } = await issueCertificate(db, {
    userId,
    courseId,
    issuedAt: now,
  });
  // Only an unset date is written, so a race loser never moves the winner's date.
  await db.enrolment.updateMany({
    where: { userId, courseId, completedAt: null },
    data: { completedAt: certificate.issuedAt },
  });
  return { status: "completed", issuedNow, certificate };
}
