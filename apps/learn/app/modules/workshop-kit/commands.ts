import { AttendanceStatusSchema } from "@peacelearn/db/schemas";
import { ageBandCodesOf, GenderSchema, unknownAgeBand } from "@peacelearn/domain";
import { z } from "zod";

// What a workshop kit sends (ADR 030): a batch of append-only commands, each with the device's
// UUID. The batch travels as one form field (`batch`, JSON) so the app's one body reader bounds it
// (64 KiB, lib/form.server.ts) and the same-origin check applies as to every other post.

/** Commands in one push at most; the kit sends 50 at a time (public/kit/kit.js). */
const MAX_BATCH = 100;

/** Age bands a walk-in may give: the `adult` scheme, or none ("unknown": not asked, or declined). */
export const walkInAgeBands = [...ageBandCodesOf("adult"), unknownAgeBand] as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the very characters refused
const CONTROL = /[\u0000-\u001f\u007f]/;

const base = {
  /** The device's UUID: the command is applied once per workshop whatever the replays. */
  id: z.uuid().transform((value) => value.toLowerCase()),
  /** The device's clock when the trainer acted (ISO 8601 with offset). */
  at: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
};

/** A roster member (`userId`) or a walk-in (`walkInId`, the UUID of the command that added her). */
const PersonSchema = z.union([
  z.object({ userId: z.string().min(1).max(40) }).strict(),
  z.object({ walkInId: z.uuid().transform((value) => value.toLowerCase()) }).strict(),
]);

const AttendanceCommandSchema = z
  .object({
    kind: z.literal("attendance"),
    ...base,
    person: PersonSchema,
    status: AttendanceStatusSchema,
  })
  .strict();

const WalkInCommandSchema = z
  .object({
    kind: z.literal("walk-in"),
    ...base,
    displayName: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .refine((value) => !CONTROL.test(value), "control characters"),
    gender: GenderSchema.default("not-recorded"),
    ageBand: z.enum(walkInAgeBands).default(unknownAgeBand),
  })
  .strict();

const TestAnswersCommandSchema = z
  .object({
    kind: z.literal("test-answers"),
    ...base,
    person: PersonSchema,
    /** The knowledge check: one form of the course's pre- or post-test. */
    testId: z.string().min(1).max(40),
    /** { [questionKey]: optionKey[] } */
    answers: z.record(z.string().min(1).max(80), z.array(z.string().min(1).max(80)).max(12)),
  })
  .strict()
  .refine((value) => Object.keys(value.answers).length <= 60, {
    path: ["answers"],
    message: "too many answers",
  });

const KitCommandSchema = z.discriminatedUnion("kind", [
  AttendanceCommandSchema,
  WalkInCommandSchema,
  TestAnswersCommandSchema,
]);

export type KitCommand = z.output<typeof KitCommandSchema>;

const KitBatchSchema = z
  .object({ commands: z.array(KitCommandSchema).min(1).max(MAX_BATCH) })
  .strict()
  .superRefine((batch, context) => {
    const seen = new Set<string>();
    batch.commands.forEach((command, index) => {
      if (seen.has(command.id)) {
        context.addIssue({ code: "custom", path: ["commands", index, "id"], message: "repeated" });
      }
      seen.add(command.id);
    });
  });

/** The database key of whom a command is about (see WorkshopKitCommand.personKey). */
export function personKeyOf(command: KitCommand): string {
  if (command.kind === "walk-in") return `w:${command.id}`;
  return "userId" in command.person ? `u:${command.person.userId}` : `w:${command.person.walkInId}`;
}

/**
 * A batch field's text read as a batch, or the first problem named by its path
 * (`commands.3.status`): what a 400 answer tells the kit.
 */
export function parseKitBatch(
  text: string | null,
): { ok: true; commands: KitCommand[] } | { ok: false; field: string; message: string } {
  if (text === null) return { ok: false, field: "batch", message: "required" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, field: "batch", message: "not JSON" };
  }
  const parsed = KitBatchSchema.safeParse(json);
  if (parsed.success) return { ok: true, commands: parsed.data.commands };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    field: ["batch", ...(issue?.path ?? [])].join("."),
    message: issue?.message ?? "invalid",
  };
}
