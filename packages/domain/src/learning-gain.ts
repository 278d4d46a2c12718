import { z } from "zod";

/**
 * What a knowledge check is for. `"practice"` checks close a module and count towards its
 * completion; `"pre"` and `"post"` tests measure what a learner knows before the course and after
 * it, and count for nothing else (a low pre-test score is expected, not a failure).
 */
export const knowledgeCheckKinds = ["practice", "pre", "post"] as const;

/** A knowledge check kind (see {@link knowledgeCheckKinds}). */
export type KnowledgeCheckKind = (typeof knowledgeCheckKinds)[number];

/** Validates a {@link KnowledgeCheckKind}. */
export const KnowledgeCheckKindSchema = /* @__PURE__ */ z.enum(knowledgeCheckKinds);

/**
 * The two parallel forms of a pre/post test: the same skills asked with different questions, so a
 * learner who takes form A before the course takes form B after it and never sees a question twice.
 */
export const testForms = ["A", "B"] as const;

/** A test form (see {@link testForms}). */
export type TestForm = (typeof testForms)[number];

/** Validates a {@link TestForm}. */
export const TestFormSchema = /* @__PURE__ */ z.enum(testForms);

/** The form that is not `form`: a learner's post-test form is the other of her pre-test's. */
export function otherTestForm(form: TestForm): TestForm {
  return form === "A" ? "B" : "A";
}

/**
 * The form a learner takes, by her 0-based position in the group's roster (its stable order,
 * e.g. by joining date): even positions take form A before the course and B after it, odd ones B
 * then A, so each half of a group sees each form once and form difficulty cancels out across the
 * group. Once a pre-test is on record, pass its form as `preTaken`: the post-test is the other
 * one whatever the roster has become since.
 *
 * @example testFormFor("pre", 0) // "A"
 * @example testFormFor("post", 3, "A") // "B"
 */
export function testFormFor(
  kind: Exclude<KnowledgeCheckKind, "practice">,
  rosterPosition: number,
  preTaken?: TestForm | null,
): TestForm {
  if (!Number.isInteger(rosterPosition) || rosterPosition < 0) {
    throw new RangeError(`rosterPosition must be a whole number ≥ 0 (got ${rosterPosition})`);
  }
  const pre: TestForm = preTaken ?? (rosterPosition % 2 === 0 ? "A" : "B");
  return kind === "pre" ? pre : otherTestForm(pre);
}

/** Pre- and post-test scores (percentages, 0–100) and what they say about learning. */
export interface LearningGain {
  /** Pre-test score, 0–100. */
  pre: number;
  /** Post-test score, 0–100. */
  post: number;
  /** `post − pre`, in percentage points (may be negative). */
  gain: number;
  /**
   * Hake's normalised gain `(post − pre) / (100 − pre)`: the share of what there was left to learn
   * that was learnt, at most 1. `null` when `pre` is 100: nothing was left to learn, so the ratio
   * is undefined (0 / 0 or a negative number over 0) and reporting 0 or 1 would invent a result.
   */
  normalisedGain: number | null;
}

const percentage = (name: string, value: number) => {
  if (!Number.isFinite(value) || value < 0 || value > 100) {
    throw new RangeError(`${name} must be a percentage between 0 and 100 (got ${value})`);
  }
};

/**
 * The gain and normalised gain from a pre-test score and a post-test score (percentages). For a
 * group, pass the group's mean scores: the normalised gain of the means (Hake's "average
 * normalised gain" ⟨g⟩), not the mean of each learner's ratio, which is undefined for anyone who
 * scored 100 before.
 *
 * @example learningGain(40, 70) // { pre: 40, post: 70, gain: 30, normalisedGain: 0.5 }
 */
export function learningGain(pre: number, post: number): LearningGain {
  percentage("pre", pre);
  percentage("post", post);
  return {
    pre,
    post,
    gain: post - pre,
    normalisedGain: pre === 100 ? null : (post - pre) / (100 - pre),
  };
}
