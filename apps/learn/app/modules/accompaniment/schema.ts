import { accompanimentModes, type FollowUpStatus, followUpStatuses } from "@peacelearn/db/schemas";
import { ActivityTypeSchema } from "@peacelearn/domain";
import { z } from "zod";
import { addDays, parseDay, utcToday } from "./dates";

// Form schemas of the accompaniment log. Messages are i18n keys of the "accompaniment" namespace.
// The code lists are @peacelearn/db's (`@peacelearn/db/schemas` is safe in the browser).

export const FOLLOW_UP_OWNERS = ["trainee", "trainer"] as const;
type FollowUpOwner = (typeof FOLLOW_UP_OWNERS)[number];

/** What the activity-type select starts on: this log records accompaniment first of all. */
export const DEFAULT_ACTIVITY_TYPE = "accompaniment" as const;
export const MAX_TOPICS = 10;
const MAX_TOPIC_LENGTH = 80;
/** Empty follow-up rows a new form shows; "Add another follow-up" adds one up to the maximum. */
export const INITIAL_FOLLOW_UP_ROWS = 3;
export const MAX_FOLLOW_UP_ROWS = 20;

/**
 * "advocacy plan, Safety planning , advocacy Plan" → ["advocacy plan", "Safety planning"]: split on
 * commas, trimmed, inner spaces collapsed, empty ones dropped, duplicates (ignoring case) dropped,
 * the first spelling kept.
 */
export function parseTopics(input: string | undefined): string[] {
  const seen = new Set<string>();
  const topics: string[] = [];
  for (const raw of (input ?? "").split(",")) {
    const topic = raw.trim().replace(/\s+/g, " ");
    const key = topic.toLocaleLowerCase();
    if (topic === "" || seen.has(key)) continue;
    seen.add(key);
    topics.push(topic);
  }
  return topics;
}

const day = (required: string) =>
  z
    .string({ error: required })
    .refine((value) => parseDay(value) !== null, { error: "accompaniment:errors.dateInvalid" });

const FollowUpRowSchema = z
  .object({
    description: z
      .string()
      .trim()
      .max(500, { error: "accompaniment:errors.descriptionTooLong" })
      .optional(),
    owner: z.enum(FOLLOW_UP_OWNERS, { error: "accompaniment:errors.ownerRequired" }),
    dueOn: day("accompaniment:errors.dueOnRequired").optional(),
    status: z.enum(followUpStatuses, { error: "accompaniment:errors.statusRequired" }),
  })
  .superRefine((row, ctx) => {
    // A row left blank is simply not an action; a half-filled one is a mistake to point out.
    if (!row.description && row.dueOn) {
      ctx.addIssue({
        code: "custom",
        path: ["description"],
        message: "accompaniment:errors.descriptionRequired",
      });
    }
    if (row.description && !row.dueOn) {
      ctx.addIssue({
        code: "custom",
        path: ["dueOn"],
        message: "accompaniment:errors.dueOnRequired",
      });
    }
  });

export type FollowUpRow = {
  description: string;
  owner: FollowUpOwner;
  dueOn: string;
  status: FollowUpStatus;
};

/** The "record a session" form: one schema for the whole form, follow-up rows included. */
export const SessionFormSchema = z.object({
  traineeId: z.string({ error: "accompaniment:errors.traineeRequired" }).min(1),
  occurredOn: day("accompaniment:errors.occurredOnRequired").refine(
    // Tomorrow (UTC) is allowed: east of Greenwich the trainer's today can be UTC's tomorrow.
    (value) => (parseDay(value)?.getTime() ?? 0) <= addDays(utcToday(), 1).getTime(),
    { error: "accompaniment:errors.occurredOnFuture" },
  ),
  mode: z.enum(accompanimentModes, { error: "accompaniment:errors.modeRequired" }),
  durationMinutes: z
    .number({ error: "accompaniment:errors.durationInvalid" })
    .int({ error: "accompaniment:errors.durationInvalid" })
    .min(1, { error: "accompaniment:errors.durationInvalid" })
    .max(24 * 60, { error: "accompaniment:errors.durationInvalid" })
    .optional(),
  topics: z
    .string()
    .optional()
    .transform(parseTopics)
    .pipe(
      z
        .array(z.string().max(MAX_TOPIC_LENGTH, { error: "accompaniment:errors.topicTooLong" }))
        .max(MAX_TOPICS, { error: "accompaniment:errors.tooManyTopics" }),
    ),
  activityType: ActivityTypeSchema.default(DEFAULT_ACTIVITY_TYPE),
  notes: z
    .string()
    .max(20_000, { error: "accompaniment:errors.notesTooLong" })
    .optional()
    .default(""),
  isSensitive: z.boolean().optional().default(false),
  followUps: z
    .array(FollowUpRowSchema)
    .max(MAX_FOLLOW_UP_ROWS)
    .optional()
    .default([])
    .transform((rows) =>
      rows.filter((row): row is FollowUpRow => Boolean(row.description && row.dueOn)),
    ),
});
export type SessionFormValues = z.infer<typeof SessionFormSchema>;

/** A trainer (or admin) changes the status of one follow-up on the session page. */
export const FollowUpStatusFormSchema = z.object({
  followUpId: z.string({ error: "accompaniment:errors.followUpMissing" }).min(1),
  status: z.enum(followUpStatuses, { error: "accompaniment:errors.statusRequired" }),
});

/** A trainee marks one of the actions agreed with them as done. */
export const MarkDoneFormSchema = z.object({
  followUpId: z.string({ error: "accompaniment:errors.followUpMissing" }).min(1),
});

/** What the list's filter form can ask for; "overdue" is open and past its due day. */
export const LIST_STATUS_FILTERS = ["open", "overdue", "done", "cancelled"] as const;
type ListStatusFilter = (typeof LIST_STATUS_FILTERS)[number];

export type ListFilters = {
  trainee?: string;
  cohort?: string;
  from?: string;
  to?: string;
  status?: ListStatusFilter;
  page: number;
};

/**
 * The list's GET parameters. A filter with a malformed value is ignored rather than answered with
 * an error: it comes from a link or a bookmark, and the list without it is still useful.
 */
export function parseListFilters(params: URLSearchParams): ListFilters {
  const text = (name: string) => {
    const value = params.get(name)?.trim();
    return value ? value.slice(0, 64) : undefined;
  };
  const dayParam = (name: string) => {
    const value = text(name);
    return value && parseDay(value) ? value : undefined;
  };
  const status = text("status");
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    trainee: text("trainee"),
    cohort: text("cohort"),
    from: dayParam("from"),
    to: dayParam("to"),
    status: (LIST_STATUS_FILTERS as readonly string[]).includes(status ?? "")
      ? (status as ListStatusFilter)
      : undefined,
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 10_000) : 1,
  };
}
