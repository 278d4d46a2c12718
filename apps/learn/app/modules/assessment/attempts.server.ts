import { randomBytes } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { type Db, isUniqueViolation, type KnowledgeCheckAttempt } from "@peacelearn/db";
import type { CheckQuestion, KnowledgeCheckContent } from "./check-data.server";
import { type AttemptAnswers, gradeAttempt, hasPassed } from "./grade-attempt.server";

/**
 * A one-time attempt token for the check form (160 random bits, 32 base32 characters). It becomes
 * the attempt's idempotency key, so posting the same form twice (double tap, reload after a
 * timeout on 2G) finds the first attempt instead of storing a second one. It needs no signature:
 * a forged token can only create an attempt the person could create anyway.
 */
export function newAttemptToken(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(20));
}

type StoredAttempt = Pick<
  KnowledgeCheckAttempt,
  "id" | "knowledgeCheckId" | "score" | "passed" | "submittedAt"
>;

export type SubmitOutcome =
  | { kind: "stored"; attempt: StoredAttempt }
  | { kind: "replayed"; attempt: StoredAttempt }
  /** The token was already used for another check: a stale or tampered form. */
  | { kind: "token-used-elsewhere" };

const attemptSelect = {
  id: true,
  knowledgeCheckId: true,
  score: true,
  passed: true,
  submittedAt: true,
} as const;

/**
 * Grades `answers` and stores one attempt keyed by `token`. A replayed token returns the attempt
 * stored the first time (the unique (user, idempotency key) index settles races between two
 * identical posts: exactly one insert wins).
 */
export async function submitAttempt(
  db: Db,
  input: {
    userId: string;
    content: Pick<KnowledgeCheckContent, "check" | "questions">;
    answers: AttemptAnswers;
    token: string;
  },
): Promise<SubmitOutcome> {
  const grade = gradeAttempt(input.content.questions, input.answers);
  try {
    const attempt = await db.knowledgeCheckAttempt.create({
      data: {
        knowledgeCheckId: input.content.check.id,
        userId: input.userId,
        idempotencyKey: input.token,
        answers: input.answers,
        score: grade.score,
        passed: hasPassed(grade, input.content.check.passMark),
      },
      select: attemptSelect,
    });
    return { kind: "stored", attempt };
  } catch (error) {
    if (!isUniqueViolation(error, "idempotencyKey")) throw error;
  }
  const first = await db.knowledgeCheckAttempt.findUniqueOrThrow({
    where: { userId_idempotencyKey: { userId: input.userId, idempotencyKey: input.token } },
    select: attemptSelect,
  });
  if (first.knowledgeCheckId !== input.content.check.id) return { kind: "token-used-elsewhere" };
  return { kind: "replayed", attempt: first };
}

/** The person's attempts at a check, newest first (bounded: the page lists a few). */
export function attemptHistory(db: Db, userId: string, knowledgeCheckId: string, take = 10) {
  return db.knowledgeCheckAttempt.findMany({
    where: { userId, knowledgeCheckId },
    orderBy: { submittedAt: "desc" },
    take,
    select: { id: true, score: true, passed: true, submittedAt: true },
  });
}

type ChosenOption = { key: string; label: string; feedback: string; isCorrect: boolean };
type QuestionResult = {
  key: string;
  prompt: string;
  correct: boolean;
  chosen: ChosenOption[];
  correctLabels: string[];
};
export type AttemptResult = {
  id: string;
  score: number;
  passed: boolean;
  passMark: number;
  submittedAt: Date;
  correctCount: number;
  total: number;
  questions: QuestionResult[];
};

/**
 * One of the person's own attempts at this check, explained question by question: what was
 * chosen, each chosen option's feedback, and the right options. Null when the id is not theirs or
 * belongs to another check (the page answers 404 either way).
 */
export async function loadAttemptResult(
  db: Db,
  {
    userId,
    attemptId,
    content,
  }: { userId: string; attemptId: string; content: KnowledgeCheckContent },
): Promise<AttemptResult | null> {
  const attempt = await db.knowledgeCheckAttempt.findFirst({
    where: { id: attemptId, userId, knowledgeCheckId: content.check.id },
    select: { id: true, answers: true, score: true, passed: true, submittedAt: true },
  });
  if (!attempt) return null;
  const answers = asAnswers(attempt.answers);
  // Re-graded against today's content to explain it; score and verdict stay as stored.
  const grade = gradeAttempt(content.questions, answers);
  const byKey = new Map<string, CheckQuestion>(content.questions.map((q) => [q.key, q]));
  return {
    id: attempt.id,
    score: attempt.score,
    passed: attempt.passed,
    passMark: content.check.passMark,
    submittedAt: attempt.submittedAt,
    correctCount: grade.correctCount,
    total: grade.total,
    questions: grade.questions.map((graded) => {
      const question = byKey.get(graded.key);
      const options = question?.options ?? [];
      return {
        key: graded.key,
        prompt: question?.prompt ?? graded.key,
        correct: graded.correct,
        chosen: options
          .filter((option) => graded.chosen.includes(option.key))
          .map(({ key, label, feedback, isCorrect }) => ({ key, label, feedback, isCorrect })),
        correctLabels: options.filter((option) => option.isCorrect).map((option) => option.label),
      };
    }),
  };
}

function asAnswers(value: unknown): AttemptAnswers {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).map(([key, chosen]) => [
      key,
      Array.isArray(chosen) ? chosen.filter((k): k is string => typeof k === "string") : [],
    ]),
  );
}
