import { z } from "zod";

// Messages are translation keys (app/locales/*/assessment.json).

/** The form field of a question: a prefix keeps question keys clear of `token`. */
export function answerField(questionKey: string) {
  return `answer-${questionKey}`;
}

export type CheckFormQuestion = {
  key: string;
  kind: "single" | "multiple" | "true-false";
  optionKeys: readonly string[];
};

/** A question as the form shows it: no correct flags, no feedback. */
export type FormQuestion = {
  key: string;
  kind: CheckFormQuestion["kind"];
  prompt: string;
  options: Array<{ key: string; label: string }>;
};

const token = z
  .string({ error: "assessment:errors.staleForm" })
  .regex(/^[a-z2-7]{26,64}$/, "assessment:errors.staleForm");

/**
 * The schema of one knowledge check's form, built from its questions: a single-choice or
 * true/false question takes exactly one of its option keys, a multiple-choice question one or
 * more. Every question must be answered (an unanswered one is a field error, not a wrong answer:
 * a slip of the thumb on a phone should not cost an attempt). `token` is the one-time attempt
 * token the page put in the form.
 */
export function checkFormSchema(questions: readonly CheckFormQuestion[]) {
  const shape: Record<string, z.ZodType> = { token };
  for (const question of questions) {
    const option = z.enum(question.optionKeys as [string, ...string[]], {
      error: "assessment:errors.unknownOption",
    });
    shape[answerField(question.key)] =
      question.kind === "multiple"
        ? z
            .array(option, { error: "assessment:errors.chooseAtLeastOne" })
            .min(1, "assessment:errors.chooseAtLeastOne")
        : z
            .string({ error: "assessment:errors.chooseOne" })
            .pipe(option)
            .transform((key) => [key]);
  }
  return z.object(shape);
}

/** The validated form as stored on the attempt: question key → chosen option keys. */
export function answersFromForm(
  questions: readonly CheckFormQuestion[],
  value: Record<string, unknown>,
): Record<string, string[]> {
  return Object.fromEntries(
    questions.map((question) => {
      const chosen = value[answerField(question.key)];
      return [question.key, Array.isArray(chosen) ? chosen.map(String) : []];
    }),
  );
}
