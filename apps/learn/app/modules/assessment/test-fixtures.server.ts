// Test-only helpers shared by the assessment and certificate tests (imported by *.test.ts only).
import type { Db } from "@peacelearn/db";
import { createSession, generateSessionToken } from "~/modules/auth/session.server";

/** A trainee with a live session: `token` goes in the session cookie of `pageGet`. */
export async function signedInTrainee(db: Db, email: string, displayName = email.split("@")[0]) {
  const user = await db.user.create({
    data: {
      email,
      displayName: displayName ?? email,
      roles: ["trainee"],
      gender: "woman",
      locationCode: "LR",
      organisation: "Women's Peace Network",
    },
  });
  const token = generateSessionToken();
  await createSession(db, token, user.id, "vitest");
  return { user, token };
}

/** The seeded demo course (seedDemo): its keys, lessons and the right answers of its check. */
export async function demoCourse(db: Db) {
  const course = await db.course.findUniqueOrThrow({
    where: { key: "demo-gender-and-peacebuilding-basics" },
    select: {
      id: true,
      key: true,
      modules: {
        orderBy: { position: "asc" },
        select: {
          key: true,
          lessons: { select: { id: true } },
          knowledgeChecks: {
            select: {
              id: true,
              questions: {
                select: { key: true, options: { select: { key: true, isCorrect: true } } },
              },
            },
          },
        },
      },
    },
  });
  const checkModule = course.modules.find((module) => module.knowledgeChecks.length > 0);
  const check = checkModule?.knowledgeChecks[0];
  if (!checkModule || !check) throw new Error("the demo course has no knowledge check");
  const rightAnswers = Object.fromEntries(
    check.questions.map((question) => [
      question.key,
      question.options.filter((option) => option.isCorrect).map((option) => option.key),
    ]),
  );
  return {
    id: course.id,
    key: course.key,
    checkModuleKey: checkModule.key,
    checkId: check.id,
    lessonIds: course.modules.flatMap((module) => module.lessons.map((lesson) => lesson.id)),
    rightAnswers,
  };
}

/** Form fields for the check form from question key → option keys. */
export function answerFields(answers: Record<string, string[]>, token: string) {
  return {
    token,
    ...Object.fromEntries(
      Object.entries(answers).map(([key, chosen]) => [`answer-${key}`, chosen]),
    ),
  };
}

export async function completeLessons(db: Db, userId: string, lessonIds: readonly string[]) {
  const now = new Date();
  await db.lessonProgress.createMany({
    data: lessonIds.map((lessonId) => ({ userId, lessonId, completedAt: now })),
  });
}
