import type { Db } from "./create-db";
import type { Prisma } from "./generated/prisma/client";

export type EraseUserOptions = {
  /** Who asked for the erasure (recorded in the audit trail). */
  actorId: string | null;
  now?: Date;
};

export type ErasureReport = {
  userId: string;
  /** False when the user had already been erased (nothing changed). */
  erased: boolean;
  sessionsDeleted: number;
  accompanimentSessionsScrubbed: number;
  followUpActionsScrubbed: number;
  auditEventsScrubbed: number;
};

/** Text that replaces personal strings inside audit metadata. */
export const ERASED_TEXT = "[erased]";

/**
 * The privacy-preserving birth year kept after erasure: the middle of the person's 5-year
 * period (1990–1994 → 1992), so age-band reports stay right within ±2 years while the exact year
 * (a strong re-identifier together with gender and location) is gone.
 * See docs/decisions/002-erasure-keeps-aggregates.md.
 */
export function coarsenBirthYear(birthYear: number): number {
  return birthYear - (((birthYear % 5) + 5) % 5) + 2;
}

/**
 * Erases a person's personal data while every count stays right: the user row remains (so
 * enrolments, completions, attendance, memberships, attempts and certificates keep counting) as a
 * tombstone with only report-level attributes (gender, location, coarsened birth year, roles).
 * Removed: e-mail (→ unique tombstone), name, organisation, password, locale, sessions, login
 * rate-limit buckets, their attendance notes, notes/topics of accompaniment sessions about or by
 * them and their follow-up texts; audit events they are party to lose their metadata, and their
 * e-mail/name/organisation are scrubbed from any other audit metadata. Runs in one transaction;
 * erasing twice is a no-op.
 */
export async function eraseUser(
  db: Db,
  userId: string,
  { actorId, now = new Date() }: EraseUserOptions,
): Promise<ErasureReport> {
  return db.$transaction(
    async (tx) => {
      // Row lock: a concurrent erasure (or login) of the same user waits for this one.
      const locked = await tx.$queryRaw<
        Array<{
          email: string;
          displayName: string;
          organisation: string | null;
          erasedAt: Date | null;
        }>
      >`SELECT "email", "displayName", "organisation", "erasedAt" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
      const user = locked[0];
      if (!user) throw new Error(`eraseUser: no user with id ${userId}`);
      if (user.erasedAt) {
        return {
          userId,
          erased: false,
          sessionsDeleted: 0,
          accompanimentSessionsScrubbed: 0,
          followUpActionsScrubbed: 0,
          auditEventsScrubbed: 0,
        };
      }
      const current = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: { birthYear: true, roles: true },
      });

      await tx.user.update({
        where: { id: userId },
        data: {
          email: `erased-${userId}@erased.invalid`,
          displayName: "Erased user",
          organisation: null,
          passwordHash: null,
          preferredLocale: "en",
          birthYear: current.birthYear === null ? null : coarsenBirthYear(current.birthYear),
          // Trainer/trainee stay countable; an erased account must never be an administrator.
          roles: current.roles.filter((role) => role !== "admin"),
          erasedAt: now,
        },
      });
      const sessions = await tx.session.deleteMany({ where: { userId } });
      // Known devices too: their tokens say which browsers she used and must not outlive her.
      await tx.knownDevice.deleteMany({ where: { userId } });
      await tx.$executeRaw`DELETE FROM "RateLimitBucket" WHERE position(lower(${user.email}) in lower("key")) > 0`;
      await tx.attendanceRecord.updateMany({ where: { userId }, data: { note: null } });
      // Invitations to her address (citext: any case) name her to a cohort she never joined.
      await tx.cohortInvitation.deleteMany({ where: { email: user.email } });

      const involving = { OR: [{ traineeId: userId }, { trainerId: userId }] };
      const accompaniment = await tx.accompanimentSession.updateMany({
        where: involving,
        data: { notes: "", topics: [] },
      });
      const followUps = await tx.followUpAction.updateMany({
        where: { OR: [{ ownerId: userId }, { accompanimentSession: involving }] },
        data: { description: ERASED_TEXT },
      });

      const partyTo = await tx.auditEvent.updateMany({
        where: {
          OR: [{ actorId: userId }, { subjectType: "user", subjectId: userId }],
        },
        data: { metadata: { erased: true } },
      });
      const scrubbedElsewhere = await scrubAuditMetadata(
        tx,
        [user.email, user.displayName, user.organisation].filter(
          (needle): needle is string => !!needle && needle.trim().length >= 3,
        ),
      );

      await tx.auditEvent.create({
        data: { actorId, action: "user.erased", subjectType: "user", subjectId: userId, at: now },
      });
      return {
        userId,
        erased: true,
        sessionsDeleted: sessions.count,
        accompanimentSessionsScrubbed: accompaniment.count,
        followUpActionsScrubbed: followUps.count,
        auditEventsScrubbed: partyTo.count + scrubbedElsewhere,
      };
    },
    { timeout: 60_000, maxWait: 20_000 },
  );
}

async function scrubAuditMetadata(
  tx: Prisma.TransactionClient,
  needles: string[],
): Promise<number> {
  if (needles.length === 0) return 0;
  const lowered = needles.map((needle) => needle.toLowerCase());
  // Narrow in SQL (metadata as text contains a needle), then rewrite the JSON in JS.
  const candidates = await tx.$queryRaw<Array<{ id: string; metadata: Prisma.JsonValue }>>`
    SELECT "id", "metadata" FROM "AuditEvent"
    WHERE "metadata" IS NOT NULL
      AND EXISTS (SELECT 1 FROM unnest(${lowered}::text[]) AS n WHERE position(n in lower("metadata"::text)) > 0)`;
  for (const event of candidates) {
    await tx.auditEvent.update({
      where: { id: event.id },
      data: { metadata: scrubJson(event.metadata, lowered) as Prisma.InputJsonValue },
    });
  }
  return candidates.length;
}

function scrubJson(value: Prisma.JsonValue, needles: string[]): Prisma.JsonValue {
  if (typeof value === "string") {
    const lower = value.toLowerCase();
    return needles.some((needle) => lower.includes(needle)) ? ERASED_TEXT : value;
  }
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, needles));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        needles.some((needle) => key.toLowerCase().includes(needle)) ? ERASED_TEXT : key,
        scrubJson(item as Prisma.JsonValue, needles),
      ]),
    );
  }
  return value;
}
