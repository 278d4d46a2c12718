// Roles come from their one owner, @peacelearn/db/schemas: that entry imports only zod and the
// domain, so this file can run in the browser without bundling the database client.
import { type UserRole, UserRoleSchema, userRoles } from "@peacelearn/db/schemas";
import { z } from "zod";
import { IssueRecoveryCodeSchema, LoginSchema, ProfileSchema } from "~/modules/auth/schema";

// Checkboxes post nothing when none is ticked and a string when one is: always an array here.
const checkboxList = (value: unknown) =>
  value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value];

const isAssignableRole = (value: unknown) => UserRoleSchema.safeParse(value).success;

// The error of a role that is not one of the four belongs to the `roles` field the page shows,
// not to `roles[3]`, which no control on the page is named after.
const RolesSchema = z.object({
  roles: z.preprocess(
    checkboxList,
    z
      .array(z.unknown(), { error: "admin:errors.rolesInvalid" })
      .min(1, "admin:errors.rolesRequired")
      .refine((roles) => roles.every(isAssignableRole), "admin:errors.rolesInvalid")
      .transform((roles) => roles as UserRole[]),
  ),
});

const EraseRequestSchema = z.object({
  intent: z.literal("erase"),
  confirmEmail: z
    .string({ error: "admin:errors.confirmRequired" })
    .trim()
    .min(1, "admin:errors.confirmRequired"),
});

/** After an erasure: an admin's decision on one mention held for review. */
const ReviewDecisionSchema = z.object({
  intent: z.literal("review"),
  item: z.coerce.number({ error: "admin:errors.reviewItem" }).int().min(0).max(100_000),
  decision: z.enum(["remove", "keep"], { error: "admin:errors.reviewDecision" }),
});

/** The erasure page's two forms; a post without `intent` is the erasure request. */
export const EraseSchema = z.preprocess(
  (value) =>
    value && typeof value === "object" && !("intent" in value)
      ? { ...value, intent: "erase" }
      : value,
  z.discriminatedUnion("intent", [EraseRequestSchema, ReviewDecisionSchema], {
    error: "admin:errors.reviewDecision",
  }),
);

export const UserSearchSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export const AuditFilterSchema = z.object({
  action: z.string().trim().max(100).catch(""),
  actor: z.string().trim().max(200).catch(""),
  target: z.string().trim().max(200).catch(""),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** The user page's two forms; a post without `intent` is the roles form. */
export const AdminUserFormSchema = z.preprocess(
  (value) =>
    value && typeof value === "object" && !("intent" in value)
      ? { ...value, intent: "roles" }
      : value,
  z.discriminatedUnion(
    "intent",
    [
      RolesSchema.extend({ intent: z.literal("roles") }),
      IssueRecoveryCodeSchema,
      z.object({ intent: z.literal("deactivate") }),
      z.object({ intent: z.literal("reactivate") }),
    ],
    { error: "admin:errors.rolesInvalid" },
  ),
);

/**
 * An account opened by an admin (ADR 027): the name, e-mail and language rules are the sign-up
 * and profile forms' own; one role, since a person gets more on her page; an optional cohort.
 */
export const CreateAccountSchema = z.object({
  displayName: ProfileSchema.shape.displayName,
  email: LoginSchema.shape.email,
  role: z.enum(userRoles, { error: "admin:errors.roleInvalid" }),
  preferredLocale: ProfileSchema.shape.preferredLocale,
  cohortId: z
    .string({ error: "admin:errors.cohortInvalid" })
    .trim()
    .max(64, "admin:errors.cohortInvalid")
    .optional()
    .transform((value) => value || undefined),
});
