import { interventionLevels, wpsResolutionCodes } from "@peacelearn/domain";
import { z } from "zod";
import { parseDay } from "../accompaniment/dates";

// Form schemas of advocacy action plans (ADR 033). Messages are i18n keys of "plans".

/** Action rows a new form shows; "Add another action" adds one, up to the maximum. */
export const INITIAL_STEP_ROWS = 2;
export const MAX_STEP_ROWS = 20;
const MAX_CHOICES = 30;
const MAX_ID_LENGTH = 64;

const choices = (item: z.ZodType<string>, error: string) =>
  z
    .array(item)
    .max(MAX_CHOICES, { error })
    .optional()
    .default([])
    .transform((values) => [...new Set(values)]);

const StepRowSchema = z
  .object({
    description: z.string().trim().max(500, { error: "plans:errors.stepTooLong" }).optional(),
    dueOn: z
      .string()
      .refine((value) => parseDay(value) !== null, { error: "plans:errors.dueOnInvalid" })
      .optional(),
  })
  .superRefine((row, ctx) => {
    // A row left blank is not an action; a half-filled one is a mistake to point out.
    if (!row.description && row.dueOn) {
      ctx.addIssue({ code: "custom", path: ["description"], message: "plans:errors.stepRequired" });
    }
    if (row.description && !row.dueOn) {
      ctx.addIssue({ code: "custom", path: ["dueOn"], message: "plans:errors.dueOnRequired" });
    }
  });

export type PlanStepRow = { description: string; dueOn: string };

/** The "draft a plan" form: one schema for the whole form, its action rows included. */
export const PlanFormSchema = z.object({
  change: z
    .string({ error: "plans:errors.changeRequired" })
    .trim()
    .min(1, { error: "plans:errors.changeRequired" })
    .max(2000, { error: "plans:errors.changeTooLong" }),
  target: z
    .string({ error: "plans:errors.targetRequired" })
    .trim()
    .min(1, { error: "plans:errors.targetRequired" })
    .max(300, { error: "plans:errors.targetTooLong" }),
  level: z.enum(interventionLevels, { error: "plans:errors.levelRequired" }),
  napObjectiveIds: choices(z.string().max(MAX_ID_LENGTH), "plans:errors.tooMany"),
  resolutions: choices(
    z.enum(wpsResolutionCodes, { error: "plans:errors.resolutionUnknown" }),
    "plans:errors.tooMany",
  ),
  moduleIds: choices(z.string().max(MAX_ID_LENGTH), "plans:errors.tooMany"),
  steps: z
    .array(StepRowSchema)
    .max(MAX_STEP_ROWS, { error: "plans:errors.tooMany" })
    .optional()
    .default([])
    .transform((rows) =>
      rows.filter((row): row is PlanStepRow => Boolean(row.description && row.dueOn)),
    )
    .refine((rows) => rows.length > 0, { error: "plans:errors.stepsRequired" }),
});
export type PlanFormValues = z.infer<typeof PlanFormSchema>;

/** A trainer links a follow-up action of the accompaniment log to a step of the plan. */
export const LinkFollowUpFormSchema = z.object({
  stepId: z.string({ error: "plans:errors.stepMissing" }).min(1).max(MAX_ID_LENGTH),
  followUpId: z
    .string({ error: "plans:errors.followUpRequired" })
    .min(1, { error: "plans:errors.followUpRequired" })
    .max(MAX_ID_LENGTH),
});
