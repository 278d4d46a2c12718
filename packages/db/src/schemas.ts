import {
  ActivityTypeSchema,
  DacGenderMarkerSchema,
  DacSectorCodeSchema,
  GenderSchema,
  LocaleSchema,
  LocationCodeSchema,
  ProgrammeRegionSchema,
} from "@peacelearn/domain";
import { z } from "zod";

// The database stores these codes as plain text (so the domain's lists can grow without a
// migration); these schemas are the gate every write should pass through.

/** "staff" is programme staff: they read the disaggregated reports, nothing more. */
export const UserRoleSchema = z.enum(["trainee", "trainer", "staff", "admin"]);
export type UserRole = z.infer<typeof UserRoleSchema>;

export const EnrolmentSourceSchema = z.enum(["self", "cohort"]);
export const QuestionKindSchema = z.enum(["single", "multiple", "true-false"]);
export const AttendanceStatusSchema = z.enum(["present", "late", "excused", "absent"]);
export type AttendanceStatus = z.infer<typeof AttendanceStatusSchema>;
export const AccompanimentModeSchema = z.enum(["in-person", "phone", "online"]);
export const FollowUpStatusSchema = z.enum(["open", "done", "cancelled"]);

/** Birth years the platform accepts: adults and older adolescents, never a date of birth. */
export const BirthYearSchema = z
  .number()
  .int()
  .min(1900)
  .max(new Date().getUTCFullYear() - 10);

/** A person's profile as stored (e-mails compare case-insensitively in the database). */
export const UserInputSchema = z.object({
  email: z.email().max(254),
  displayName: z.string().trim().min(1).max(120),
  roles: z.array(UserRoleSchema).min(1),
  preferredLocale: LocaleSchema,
  gender: GenderSchema,
  birthYear: BirthYearSchema.nullable(),
  locationCode: LocationCodeSchema.nullable(),
  organisation: z.string().trim().max(200).nullable(),
});
export type UserInput = z.infer<typeof UserInputSchema>;

export const CohortInputSchema = z
  .object({
    courseId: z.string().min(1),
    name: z.string().trim().min(1).max(160),
    programmeRegion: ProgrammeRegionSchema,
    locationCode: LocationCodeSchema,
    place: z.string().trim().max(120).nullable(),
    startsOn: z.date(),
    endsOn: z.date().nullable(),
    activityType: ActivityTypeSchema,
    dacSectorCode: DacSectorCodeSchema,
    dacGenderMarker: DacGenderMarkerSchema,
  })
  .refine((cohort) => !cohort.endsOn || cohort.endsOn >= cohort.startsOn, {
    message: "The end date is before the start date",
    path: ["endsOn"],
  });
export type CohortInput = z.infer<typeof CohortInputSchema>;

export const AccompanimentSessionInputSchema = z.object({
  trainerId: z.string().min(1),
  traineeId: z.string().min(1),
  cohortId: z.string().min(1).nullable(),
  occurredOn: z.date(),
  mode: AccompanimentModeSchema,
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .nullable(),
  topics: z.array(z.string().trim().min(1).max(80)).max(20),
  activityType: ActivityTypeSchema,
  notes: z.string().max(20_000),
  isSensitive: z.boolean(),
});
export type AccompanimentSessionInput = z.infer<typeof AccompanimentSessionInputSchema>;
