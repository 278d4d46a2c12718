import type { UserRole } from "@peacelearn/db";
import { z } from "zod";

/**
 * Roles an admin can give, in the order the form lists them. The same list as @peacelearn/db's
 * UserRoleSchema (the type check below keeps them equal), written out because this file also runs
 * in the browser, where the database package must never be bundled.
 */
export const assignableRoles = [
  "trainee",
  "trainer",
  "staff",
  "admin",
] as const satisfies readonly UserRole[];
const UserRoleSchema = z.enum(assignableRoles);
// Fails to compile if @peacelearn/db gains a role this list lacks.
const everyRole: Record<UserRole, true> = {
  trainee: true,
  trainer: true,
  staff: true,
  admin: true,
};
void everyRole;

// Checkboxes post nothing when none is ticked and a string when one is: always an array here.
const checkboxList = (value: unknown) =>
  value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value];

const isAssignableRole = (value: unknown) => UserRoleSchema.safeParse(value).success;

// The error of a role that is not one of the four belongs to the `roles` field the page shows,
// not to `roles[3]`, which no control on the page is named after.
export const RolesSchema = z.object({
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
