import { attendanceStatuses } from "@peacelearn/db/schemas";
import { z } from "zod";

// Messages are translation keys (app/locales/*/cohorts.json: attendance belongs to the cohort pages).

/**
 * A `datetime-local` value ("2026-11-27T09:00") read as the wall-clock time at the venue. It is
 * stored with a UTC label and always shown in UTC, so it reads back exactly as typed, whatever the
 * server's or the reader's time zone (cohorts have no time zone of their own yet).
 */
const wallClock = (message: string) =>
  z
    .string({ error: message })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, message)
    .transform((value, context) => {
      const date = new Date(`${value}:00Z`);
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 16) !== value) {
        context.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return date;
    });

export const SessionFormSchema = z
  .object({
    title: z
      .string({ error: "cohorts:errors.sessionTitleRequired" })
      .trim()
      .min(1, "cohorts:errors.sessionTitleRequired")
      .max(160, "cohorts:errors.sessionTitleTooLong"),
    startsAt: wallClock("cohorts:errors.startsAtInvalid"),
    endsAt: wallClock("cohorts:errors.endsAtInvalid").optional(),
    place: z.string().trim().max(120, "cohorts:errors.placeTooLong").optional(),
  })
  .refine((value) => !value.endsAt || value.endsAt > value.startsAt, {
    path: ["endsAt"],
    message: "cohorts:errors.endsBeforeStartsAt",
    when: (payload) => {
      const value = payload.value as { startsAt?: unknown; endsAt?: unknown } | undefined;
      return value?.startsAt instanceof Date && value?.endsAt instanceof Date;
    },
  });
export type SessionForm = z.infer<typeof SessionFormSchema>;

/** One radio group per trainee, named `status.<userId>`; unanswered groups are left as they were. */
export const AttendanceFormSchema = z.object({
  /** "all-present": the sheet's second submit button, which marks every member present. */
  intent: z.enum(["save", "all-present"], { error: "cohorts:errors.unknownAction" }).optional(),
  status: z
    .record(
      z.string().min(1),
      z.enum(attendanceStatuses, { error: "cohorts:errors.statusInvalid" }),
    )
    .optional(),
});
