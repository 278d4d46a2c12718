import type { QuestionKind } from "@peacelearn/db/schemas";

/** What grading needs to know about a question: its kind and which options are right. */
export type GradableQuestion = {
  key: string;
  kind: QuestionKind;
  options: ReadonlyArray<{ key: string; isCorrect: boolean }>;
};

/** What a trainee chose, stored as the attempt's `answers`: question key → option keys. */
export type AttemptAnswers = Record<string, string[]>;

type QuestionGrade = {
  key: string;
  correct: boolean;
  /** The options chosen, in the question's option order (unknown keys dropped). */
  chosen: string[];
  /** The right options, in the question's option order. */
  correctKeys: string[];
};

export type AttemptGrade = {
  /** Questions answered exactly right. */
  correctCount: number;
  total: number;
  /**
   * Whole percentage, rounded DOWN: the page never shows "70 %" for 69.9 %, so the number shown
   * and the pass decision (exact fraction, see {@link hasPassed}) always agree.
   */
  score: number;
  questions: QuestionGrade[];
};

/**
 * Grades an attempt. Every question weighs the same, one point, all or nothing: a single-choice
 * or true/false question is right when the one chosen option is the correct one; a
 * multiple-choice question is right only when the chosen set EQUALS the set of correct options
 * (choosing one of two right answers, or both right answers plus a wrong one, scores nothing).
 * Partial credit would reward ticking every box; all-or-nothing is what the curriculum's
 * feedback is written for. Pure: no database, no clock.
 */
export function gradeAttempt(
  questions: readonly GradableQuestion[],
  answers: AttemptAnswers,
): AttemptGrade {
  const graded = questions.map((question): QuestionGrade => {
    const given = new Set(answers[question.key] ?? []);
    const chosen = question.options.filter((o) => given.has(o.key)).map((o) => o.key);
    const correctKeys = question.options.filter((o) => o.isCorrect).map((o) => o.key);
    // An option key that is not part of the question makes the answer wrong, not ignored.
    const onlyKnown = chosen.length === given.size;
    const correct =
      onlyKnown &&
      chosen.length > 0 &&
      chosen.length === correctKeys.length &&
      chosen.every((key) => correctKeys.includes(key)) &&
      (question.kind === "multiple" || chosen.length === 1);
    return { key: question.key, correct, chosen, correctKeys };
  });
  const correctCount = graded.filter((question) => question.correct).length;
  const total = graded.length;
  const score = total === 0 ? 0 : Math.floor((100 * correctCount) / total);
  return { correctCount, total, score, questions: graded };
}

/**
 * Whether a grade reaches `passMark` (a whole percentage), compared on the exact fraction
 * (`correct / total ≥ passMark / 100`), never on a rounded score. A check without questions
 * cannot be passed.
 */
export function hasPassed(grade: Pick<AttemptGrade, "correctCount" | "total">, passMark: number) {
  if (grade.total === 0) return false;
  return grade.correctCount * 100 >= passMark * grade.total;
}
