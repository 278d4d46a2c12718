import {
  ActivityTypeSchema,
  type AsOf,
  birthYearSchema,
  DacGenderMarkerSchema,
  DacSectorCodeSchema,
  GenderSchema,
  LocaleSchema,
  LocationCodeSchema,
  ProgrammeRegionSchema,
  yearOf,
} from "@peacelearn/domain";
import { z } from "zod";

// The database stores these codes as plain text (so the domain's lists can grow without a
// migration); these schemas are the gate every write should pass through, and the one owner of
// each list: the app imports them from `@peacelearn/db/schemas`, which is safe in the browser
// (this file imports nothing but zod and the domain, never the Prisma client).

/**
 * The platform's roles, in the order the admin form lists them. "staff" is programme staff: they
 * read the disaggregated reports, nothing more.
 */
export const userRoles = ["trainee", "trainer", "staff", "admin"] as const;
export const UserRoleSchema = z.enum(userRoles);
export type UserRole = z.infer<typeof UserRoleSchema>;

export const EnrolmentSourceSchema = z.enum(["self", "cohort"]);
export type EnrolmentSource = z.infer<typeof EnrolmentSourceSchema>;
/** Knowledge-check question kinds, as course files write them (the curriculum imports this list). */
export const questionKinds = ["single", "multiple", "true-false"] as const;
export const QuestionKindSchema = z.enum(questionKinds);
export type QuestionKind = z.infer<typeof QuestionKindSchema>;

/** What a trainer records for a trainee at a workshop, in the order the form offers them. */
export const attendanceStatuses = ["present", "late", "excused", "absent"] as const;
export const AttendanceStatusSchema = z.enum(attendanceStatuses);
export type AttendanceStatus = z.infer<typeof AttendanceStatusSchema>;
/** How an accompaniment session took place, in the order the form offers them. */
export const accompanimentModes = ["in-person", "phone", "online"] as const;
export const AccompanimentModeSchema = z.enum(accompanimentModes);
/** Where an agreed follow-up action stands, in the order the form offers them. */
export const followUpStatuses = ["open", "done", "cancelled"] as const;
export const FollowUpStatusSchema = z.enum(followUpStatuses);
export type FollowUpStatus = z.infer<typeof FollowUpStatusSchema>;

/**
 * The youngest age (reached in the current year, see the domain's `ageInYear`) at which a person
 * can have an account, whoever creates it: the learner at sign-up, or a trainer importing a
 * roster. One floor for every door, so an import cannot enrol someone who could not sign up.
 */
export const minimumLearnerAge = 12;

/**
 * A learner's birth year at `asOf`: the domain's plausible range (never above its
 * `maxPlausibleAge`, never a date) with {@link minimumLearnerAge} as the floor. Pass the moment
 * of the write, so the range moves with the calendar instead of freezing when the server starts.
 */
export function learnerBirthYearSchema(asOf: AsOf) {
  return birthYearSchema(asOf).max(yearOf(asOf) - minimumLearnerAge);
}

/** A person's profile as stored (e-mails compare case-insensitively in the database). */
export const UserInputSchema = z.object({
  email: z.email().max(254),
  displayName: z.string().trim().min(1).max(120),
  roles: z.array(UserRoleSchema).min(1),
  preferredLocale: LocaleSchema,
  gender: GenderSchema,
  // Lazy: the range is the one of the day of the write.
  birthYear: z.lazy(() => learnerBirthYearSchema(new Date())).nullable(),
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
