import { z } from "zod";

// Messages are translation keys (app/locales/*/evaluation.json).

/** The 1–5 scale of the reaction form, lowest first. */
export const reactionScale = [1, 2, 3, 4, 5] as const;

const rating = z.coerce
  .number({ error: "evaluation:reaction.errors.choose" })
  .int("evaluation:reaction.errors.choose")
  .min(1, "evaluation:reaction.errors.choose")
  .max(5, "evaluation:reaction.errors.choose");

/**
 * The end-of-module reaction form (ADR 029): how useful the module was and how confident she
 * feels to act on it, each 1–5. Both are asked together; the whole form is optional (a learner
 * who does not want to answer simply moves on).
 */
export const reactionFormSchema = z.object({
  usefulness: rating,
  confidence: rating,
});
