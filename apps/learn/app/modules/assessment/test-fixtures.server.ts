// Test-only helpers of the knowledge-check and certificate tests (imported by *.test.ts only);
// people sign in with ~/test/sign-in.server.
import type { Db } from "@peacelearn/db";

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
