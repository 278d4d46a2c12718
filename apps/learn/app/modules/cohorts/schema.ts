import {
  activityTypes,
  dacGenderMarkerCodes,
  dacSectorCodes,
  locationCodes,
} from "@peacelearn/domain";
import { z } from "zod";

// Messages are translation keys (app/locales/*/cohorts.json). Built from the domain's code lists
// (not its schemas) so each field gets its own message in the reader's language.

/** The "New cohort" form. The programme region is derived from the location, never typed. */
export const CohortFormSchema = z
  .object({
    name: z
      .string({ error: "cohorts:errors.nameRequired" })
      .trim()
      .min(1, "cohorts:errors.nameRequired")
      .max(160, "cohorts:errors.nameTooLong"),
    courseId: z.string({ error: "cohorts:errors.courseRequired" }).min(1),
    locationCode: z.enum(locationCodes, { error: "cohorts:errors.locationRequired" }),
    place: z.string().trim().max(120, "cohorts:errors.placeTooLong").optional(),
    startsOn: z.date({ error: "cohorts:errors.startsOnInvalid" }),
    endsOn: z.date({ error: "cohorts:errors.endsOnInvalid" }).optional(),
    activityType: z.enum(activityTypes, { error: "cohorts:errors.activityTypeRequired" }),
    dacSectorCode: z.enum(dacSectorCodes, { error: "cohorts:errors.dacSectorRequired" }),
    dacGenderMarker: z.literal(dacGenderMarkerCodes, {
      error: "cohorts:errors.dacGenderMarkerRequired",
    }),
  })
  .refine((value) => !value.endsOn || value.endsOn >= value.startsOn, {
    path: ["endsOn"],
    message: "cohorts:errors.endsBeforeStart",
    when: (payload) => {
      const value = payload.value as { startsOn?: unknown; endsOn?: unknown } | undefined;
      return value?.startsOn instanceof Date && value?.endsOn instanceof Date;
    },
  });
export type CohortForm = z.infer<typeof CohortFormSchema>;

const memberEmail = z
  .string({ error: "cohorts:errors.emailRequired" })
  .trim()
  .min(1, "cohorts:errors.emailRequired")
  .max(254, "cohorts:errors.emailInvalid")
  .pipe(z.email("cohorts:errors.emailInvalid"))
  .transform((value) => value.toLowerCase());

const AddMemberSchema = z.object({
  intent: z.literal("add-member"),
  email: memberEmail,
});

/** Invite links live 1 to 90 days; a use limit is optional. */
export const inviteLifetimes = [7, 14, 30, 90] as const;

const CreateInviteSchema = z.object({
  intent: z.literal("create-invite"),
  expiresInDays: z.literal(inviteLifetimes, { error: "cohorts:errors.lifetimeInvalid" }),
  maxUses: z
    .number({ error: "cohorts:errors.maxUsesInvalid" })
    .int("cohorts:errors.maxUsesInvalid")
    .min(1, "cohorts:errors.maxUsesInvalid")
    .max(1000, "cohorts:errors.maxUsesInvalid")
    .optional(),
});

const RevokeInviteSchema = z.object({
  intent: z.literal("revoke-invite"),
  inviteId: z.string().min(1),
});

/** Withdrawing one of the cohort's e-mail invitations (pending or expired). */
const RevokeInvitationSchema = z.object({
  intent: z.literal("revoke-invitation"),
  invitationId: z.string().min(1).max(64),
});

/** Every form of the members page, told apart by `intent` (one body, read once). */
export const MembersFormSchema = z.discriminatedUnion("intent", [
  AddMemberSchema,
  CreateInviteSchema,
  RevokeInviteSchema,
  RevokeInvitationSchema,
]);

/** The invited person's answer on "my learning". */
export const InvitationAnswerSchema = z.object({
  intent: z.enum(["accept-invitation", "decline-invitation"]),
  invitationId: z.string().min(1).max(64),
});

/** The roster upload: one file (an empty file input arrives as no value). */
export const RosterUploadSchema = z.object({
  file: z.instanceof(File, { error: "cohorts:import.errors.no-file" }),
});

/** Joining through an invite link: a confirmation button, no fields. */
export const JoinFormSchema = z.object({});

/** An invitation nobody accepts stops being offered after this many days. */
export const INVITATION_DAYS = 30;
