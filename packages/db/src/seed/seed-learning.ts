import { createHash } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import { DEMO_CHECK_CORRECT_ANSWERS, DEMO_CHECK_QUESTIONS } from "./demo-course";
import { createPrng, type Prng } from "./prng";
import { addDays, type SeedCohort } from "./seed-dates";

type LearningInput = {
  today: Date;
  courseId: string;
  lessonIds: string[];
  check: { id: string; passMark: number };
  cohorts: Array<SeedCohort>;
  selfEnrolledIds: string[];
};

/** Lessons completed per trainee (of 4): a realistic spread from not started to finished. */
const LESSONS_DONE_WEIGHTS = [
  [0, 10],
  [1, 15],
  [2, 20],
  [3, 20],
  [4, 35],
] as const;

/** Enrolments, lesson progress, knowledge-check attempts, completions and certificates. */
export async function seedLearning(
  tx: Prisma.TransactionClient,
  input: LearningInput,
): Promise<void> {
  const prng = createPrng(2122);
  const learners = [
    ...input.cohorts.flatMap((cohort) =>
      cohort.memberIds.map((userId) => ({ userId, cohort, startsOn: cohort.startsOn })),
    ),
    ...input.selfEnrolledIds.map((userId) => ({
      userId,
      cohort: undefined,
      startsOn: addDays(input.today, -prng.int(20, 80)),
    })),
  ];

  await tx.cohortMembership.createMany({
    data: learners.flatMap(({ userId, cohort, startsOn }) =>
      cohort
        ? [{ cohortId: cohort.id, userId, joinedAt: addDays(startsOn, -prng.int(1, 10)) }]
        : [],
    ),
  });

  const progress: Prisma.LessonProgressCreateManyInput[] = [];
  const attempts: Prisma.KnowledgeCheckAttemptCreateManyInput[] = [];
  const enrolments: Prisma.EnrolmentCreateManyInput[] = [];
  const certificates: Prisma.CertificateCreateManyInput[] = [];

  for (const [index, learner] of learners.entries()) {
    const lessonsDone = prng.weighted(LESSONS_DONE_WEIGHTS);
    const elapsedDays = Math.max(
      1,
      Math.round((input.today.getTime() - learner.startsOn.getTime()) / 86_400_000),
    );
    let day = 0;
    let lastCompleted: Date | undefined;
    input.lessonIds.forEach((lessonId, lessonIndex) => {
      if (lessonIndex > lessonsDone) return;
      day = Math.min(elapsedDays - 1, day + prng.int(1, 9));
      const viewed = addDays(learner.startsOn, day);
      const completed = lessonIndex < lessonsDone ? viewed : null;
      if (completed) lastCompleted = completed;
      progress.push({
        userId: learner.userId,
        lessonId,
        startedAt: viewed,
        lastViewedAt: viewed,
        completedAt: completed,
      });
    });

    // Those past module 1 (2 lessons) took the check: some failed first, then passed.
    let passed = false;
    if (lessonsDone >= 2) {
      const tries = prng.chance(0.3) ? 2 : 1;
      for (let attempt = 1; attempt <= tries; attempt++) {
        const answers = answer(prng, attempt === tries ? 0.85 : 0.4);
        const score = scoreOf(answers);
        passed = score >= input.check.passMark;
        attempts.push({
          knowledgeCheckId: input.check.id,
          userId: learner.userId,
          idempotencyKey: `demo-${index}-${attempt}`,
          answers,
          score,
          passed,
          submittedAt: addDays(learner.startsOn, Math.min(elapsedDays - 1, 5 + attempt)),
        });
      }
    }

    const completedAt =
      lessonsDone === input.lessonIds.length && passed ? (lastCompleted ?? null) : null;
    enrolments.push({
      userId: learner.userId,
      courseId: input.courseId,
      source: learner.cohort ? "cohort" : "self",
      enrolledAt: learner.startsOn,
      completedAt,
    });
    if (completedAt) {
      certificates.push({
        userId: learner.userId,
        courseId: input.courseId,
        verificationCode: verificationCode(index),
        issuedAt: completedAt,
      });
    }
  }

  await tx.enrolment.createMany({ data: enrolments });
  await tx.lessonProgress.createMany({ data: progress });
  await tx.knowledgeCheckAttempt.createMany({ data: attempts });
  await tx.certificate.createMany({ data: certificates });
}

/** Answers each question correctly with probability `accuracy`, otherwise with a wrong option. */
function answer(prng: Prng, accuracy: number): Record<string, string[]> {
  return Object.fromEntries(
    DEMO_CHECK_QUESTIONS.map((question) => {
      const correct = DEMO_CHECK_CORRECT_ANSWERS[question.key] ?? [];
      if (prng.chance(accuracy)) return [question.key, correct];
      const wrong = question.optionKeys.filter((key) => !correct.includes(key));
      return [question.key, [prng.pick(wrong)]];
    }),
  );
}

/** Percentage of questions answered exactly right (all and only the correct options). */
function scoreOf(answers: Record<string, string[]>): number {
  const right = DEMO_CHECK_QUESTIONS.filter((question) => {
    const correct = [...(DEMO_CHECK_CORRECT_ANSWERS[question.key] ?? [])].sort();
    const given = [...(answers[question.key] ?? [])].sort();
    return correct.length === given.length && correct.every((key, i) => key === given[i]);
  }).length;
  return Math.round((100 * right) / DEMO_CHECK_QUESTIONS.length);
}

/** Deterministic, unambiguous (Crockford base32) 10-character code, e.g. "PL-7K3M-9QX2". */
function verificationCode(index: number): string {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const digest = createHash("sha256").update(`peacelearn-demo-certificate-${index}`).digest();
  const chars = [...digest.subarray(0, 8)].map((byte) => alphabet[byte % 32]).join("");
  return `PL-${chars.slice(0, 4)}-${chars.slice(4, 8)}`;
}
