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

export const EraseSchema = z.object({
  confirmEmail: z
    .string({ error: "admin:errors.confirmRequired" })
    .trim()
    .min(1, "admin:errors.confirmRequired"),
});

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
