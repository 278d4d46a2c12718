import { questionKinds } from "@peacelearn/db/schemas";
import { z } from "zod";
import { activityTypes, curriculumLocales, programmeRegions, thematicDomains } from "./vocabulary";

/** Lower-case kebab-case id, stable across locales; the importer upserts on it. */
const stableId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a kebab-case id (a-z, 0-9, single hyphens)")
  .max(80);

const passMark = z
  .number()
  .int("pass mark must be a whole percentage")
  .min(1, "pass mark must be between 1 and 100 (a percentage)")
  .max(100, "pass mark must be between 1 and 100 (a percentage)");

const minutes = z.number().int().positive().max(600);
const text = z.string().trim().min(1, "must not be empty");

/** courses/<slug>/course.yaml — everything that does not depend on the language. */
export const courseFileSchema = z.strictObject({
  slug: stableId,
  locales: z.array(z.enum(curriculumLocales)).min(1),
  regions: z.array(z.enum(programmeRegions)).min(1),
  themes: z.array(z.enum(thematicDomains)).min(1),
  activityType: z.enum(activityTypes),
  estimatedMinutes: minutes,
  passMark,
  modules: z.array(stableId).min(1),
});
export type CourseFile = z.infer<typeof courseFileSchema>;

/** courses/<slug>/<locale>/course.md front matter. */
export const courseTextSchema = z.strictObject({
  title: text.max(120),
  summary: text.max(400),
});

/** <NN-module>/module.md front matter. */
export const moduleTextSchema = z.strictObject({
  title: text.max(120),
  summary: text.max(400).optional(),
});

/** <NN-lesson>.md front matter. */
export const lessonFrontMatterSchema = z.strictObject({
  title: text.max(120),
  estimatedMinutes: minutes,
});

const optionSchema = z.strictObject({
  id: stableId,
  text: text.max(300),
  correct: z.boolean(),
  feedback: text.max(600),
});

const questionSchema = z
  .strictObject({
    id: stableId,
    kind: z.enum(questionKinds),
    prompt: text.max(600),
    options: z.array(optionSchema).min(2, "a question needs at least two options"),
  })
  .superRefine((question, ctx) => {
    const correct = question.options.filter((option) => option.correct).length;
    if (correct === 0) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "no option is marked correct" });
    }
    if (question.kind === "single" && correct > 1) {
      ctx.addIssue({
        code: "custom",
        path: ["options"],
        message: `a single-choice question must have exactly one correct option (found ${correct})`,
      });
    }
    if (question.kind === "true-false") {
      if (question.options.length !== 2) {
        ctx.addIssue({
          code: "custom",
          path: ["options"],
          message: `a true-false question must have exactly two options (found ${question.options.length})`,
        });
      } else if (correct !== 1) {
        ctx.addIssue({
          code: "custom",
          path: ["options"],
          message: "a true-false question must have exactly one correct option",
        });
      }
    }
    const seen = new Set<string>();
    question.options.forEach((option, index) => {
      if (seen.has(option.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["options", index, "id"],
          message: `duplicate option id "${option.id}"`,
        });
      }
      seen.add(option.id);
    });
  });

/** Question ids must be unique within the list at `path` (a check, or a test's forms together). */
function uniqueQuestionIds(
  questions: readonly { id: string }[],
  ctx: z.RefinementCtx,
  path: (string | number)[],
  message = (id: string) => `duplicate question id "${id}"`,
) {
  const seen = new Set<string>();
  questions.forEach((question, index) => {
    if (seen.has(question.id)) {
      ctx.addIssue({ code: "custom", path: [...path, index, "id"], message: message(question.id) });
    }
    seen.add(question.id);
  });
}

/** <NN-module>/check.yaml — the module's knowledge check, written in full in each locale. */
export const checkFileSchema = z
  .strictObject({
    passMark,
    estimatedMinutes: minutes,
    questions: z.array(questionSchema).min(1, "a knowledge check needs at least one question"),
  })
  .superRefine((check, ctx) => uniqueQuestionIds(check.questions, ctx, ["questions"]));
export type CheckFile = z.infer<typeof checkFileSchema>;

const testFormQuestions = z
  .array(questionSchema)
  .min(3, "a test form needs at least three questions")
  .max(30);

/**
 * <locale>/tests.yaml — the course's pre/post test (optional; ADR 029): two parallel forms, A and
 * B, with the same number of questions and no question in common. Half a group takes A before the
 * course and B after it, the other half B then A.
 */
export const testsFileSchema = z
  .strictObject({
    estimatedMinutes: minutes,
    forms: z.strictObject({ A: testFormQuestions, B: testFormQuestions }),
  })
  .superRefine((tests, ctx) => {
    const { A, B } = tests.forms;
    uniqueQuestionIds(A, ctx, ["forms", "A"]);
    uniqueQuestionIds(B, ctx, ["forms", "B"]);
    const inA = new Set(A.map((question) => question.id));
    B.forEach((question, index) => {
      if (inA.has(question.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["forms", "B", index, "id"],
          message: `question id "${question.id}" is also in form A: the forms must not share questions`,
        });
      }
    });
    if (A.length !== B.length) {
      ctx.addIssue({
        code: "custom",
        path: ["forms", "B"],
        message: `form B has ${B.length} questions but form A has ${A.length}: parallel forms have as many`,
      });
    }
  });
export type TestsFile = z.infer<typeof testsFileSchema>;
