import { createHash } from "node:crypto";
import type { Db } from "./create-db";
import { auditMetadataPage, deleteBucketsNaming, lockUserForErasure } from "./erase-user.sql";
import { FREE_TEXT_FIELDS, type FreeTextTable } from "./erasure/free-text";
import {
  findMentions,
  type Identifiers,
  identifiersOf,
  replaceSpans,
  type Span,
} from "./erasure/mentions";
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
  /** Fields of other people's records in which a certain mention (full name, e-mail) was replaced. */
  freeTextScrubbed: number;
  /** Fields with a mention that may be her (a first name alone…), left as they are for review. */
  heldForReview: HeldMention[];
};

/**
 * A possible mention left for an admin to decide on: where it is and which characters, never
 * the words themselves (the record keeps no trace of her name). `digest` tells whether the text
 * changed since, in which case the spans no longer apply.
 */
export type HeldMention = {
  table: FreeTextTable;
  column: string;
  id: string;
  /** The element of a list column (topics), or null. */
  element: number | null;
  spans: Span[];
  digest: string;
};

/** The short fingerprint of a text a held mention was found in. */
export function textDigest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

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
 * them and their follow-up texts; audit events they are party to keep only codes and counts in
 * their metadata (no address, nothing that mentions them), and their e-mail/name/organisation
 * are scrubbed from any other audit metadata. Runs in one transaction;
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
      const user = await lockUserForErasure.one(tx, userId);
      if (!user) throw new Error(`eraseUser: no user with id ${userId}`);
      if (user.erased) {
        return {
          userId,
          erased: false,
          sessionsDeleted: 0,
          accompanimentSessionsScrubbed: 0,
          followUpActionsScrubbed: 0,
          auditEventsScrubbed: 0,
          freeTextScrubbed: 0,
          heldForReview: [],
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
      // Her Open Badges credentials stop verifying (ADR 031): the status list shows them revoked.
      await tx.certificateCredential.updateMany({
        where: { certificate: { userId }, revokedAt: null },
        data: { revokedAt: now, revocationReason: "erasure" },
      });
      // Known devices too: their tokens say which browsers she used and must not outlive her.
      await tx.knownDevice.deleteMany({ where: { userId } });
      // Recovery codes issued for her; codes she issued to others stay valid (issuedById is
      // cleared only if the account row goes, and it does not).
      await tx.recoveryCode.deleteMany({ where: { userId } });
      // Her advocacy action plans (ADR 033) say what she set out to change and whom she would
      // confront: they go with her, their steps and follow-up links with them.
      await tx.advocacyPlan.deleteMany({ where: { userId } });
      await deleteBucketsNaming.run(tx, user.email);
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

      const identifiers = identifiersOf(user);
      const terms = [...identifiers.certain, ...(user.organisation ? [user.organisation] : [])];
      const partyTo = await scrubPartyToEvents(tx, userId, terms);
      const scrubbedElsewhere = await scrubAuditMetadata(tx, terms);
      const freeText = await scrubFreeText(tx, identifiers);

      await tx.auditEvent.create({
        data: {
          actorId,
          action: "user.erased",
          subjectType: "user",
          subjectId: userId,
          at: now,
          // References only: the erasure page lists them for review.
          metadata: {
            freeTextScrubbed: freeText.scrubbed,
            review: freeText.held,
          } satisfies ErasureEventMetadata as unknown as Prisma.InputJsonValue,
        },
      });
      return {
        userId,
        erased: true,
        sessionsDeleted: sessions.count,
        accompanimentSessionsScrubbed: accompaniment.count,
        followUpActionsScrubbed: followUps.count,
        auditEventsScrubbed: partyTo + scrubbedElsewhere,
        freeTextScrubbed: freeText.scrubbed,
        heldForReview: freeText.held,
      };
    },
    { timeout: 60_000, maxWait: 20_000 },
  );
}

/** What the "user.erased" audit event records about the free-text search. */
export type ErasureEventMetadata = { freeTextScrubbed: number; review: HeldMention[] };

const PAGE = 500;

type FreeTextRow = { id: string } & Record<string, string | string[] | null>;
type FreeTextDelegate = {
  findMany(args: {
    where: { id: { gt: string } };
    orderBy: { id: "asc" };
    take: number;
    select: Record<string, true>;
  }): Promise<FreeTextRow[]>;
  findUnique(args: {
    where: { id: string };
    select: Record<string, true>;
  }): Promise<FreeTextRow | null>;
  update(args: {
    where: { id: string };
    data: Record<string, string | string[]>;
  }): Promise<unknown>;
};

function delegateFor(tx: Prisma.TransactionClient, table: FreeTextTable): FreeTextDelegate {
  const delegates = {
    AccompanimentSession: tx.accompanimentSession,
    FollowUpAction: tx.followUpAction,
    AttendanceRecord: tx.attendanceRecord,
    CohortSession: tx.cohortSession,
    Cohort: tx.cohort,
    CertificateCredential: tx.certificateCredential,
  } satisfies Record<FreeTextTable, unknown>;
  return delegates[table] as unknown as FreeTextDelegate;
}

/**
 * Searches every free-text field of other people's records (FREE_TEXT_FIELDS), page by page in
 * the erasure's transaction: certain mentions are replaced by ERASED_TEXT, possible ones are held.
 */
async function scrubFreeText(
  tx: Prisma.TransactionClient,
  identifiers: Identifiers,
): Promise<{ scrubbed: number; held: HeldMention[] }> {
  let scrubbed = 0;
  const held: HeldMention[] = [];
  for (const { table, column, shape } of FREE_TEXT_FIELDS) {
    const delegate = delegateFor(tx, table);
    let after = "";
    for (;;) {
      const rows = await delegate.findMany({
        where: { id: { gt: after } },
        orderBy: { id: "asc" },
        take: PAGE,
        select: { id: true, [column]: true },
      });
      for (const row of rows) {
        const value = row[column];
        const texts =
          shape === "list" ? ((value as string[] | null) ?? []) : [value as string | null];
        let changed = false;
        const next = texts.map((text, index) => {
          if (!text) return text;
          const certain = findMentions(text, identifiers.certain);
          const clean = certain.length > 0 ? replaceSpans(text, certain, ERASED_TEXT) : text;
          if (clean !== text) changed = true;
          const possible = findMentions(clean, identifiers.uncertain);
          if (possible.length > 0) {
            held.push({
              table,
              column,
              id: row.id,
              element: shape === "list" ? index : null,
              spans: possible,
              digest: textDigest(clean),
            });
          }
          return clean;
        });
        if (changed) {
          scrubbed += 1;
          await delegate.update({
            where: { id: row.id },
            data: { [column]: shape === "list" ? (next as string[]) : (next[0] as string) },
          });
        }
      }
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) break;
      after = last.id;
    }
  }
  return { scrubbed, held };
}

/** The text a held mention was found in, as it is now (null when the record or element is gone). */
export async function readHeldText(
  tx: Prisma.TransactionClient,
  item: Pick<HeldMention, "table" | "column" | "id" | "element">,
): Promise<string | null> {
  const row = await delegateFor(tx, item.table).findUnique({
    where: { id: item.id },
    select: { id: true, [item.column]: true },
  });
  if (!row) return null;
  const value = row[item.column];
  if (item.element === null) return typeof value === "string" ? value : null;
  return Array.isArray(value) ? (value[item.element] ?? null) : null;
}

/**
 * Replaces a held mention by ERASED_TEXT once an admin has confirmed it is her. Refuses when
 * the text changed since the erasure ("changed": the spans no longer point at the words) or is
 * gone; the caller runs it in a transaction.
 */
export async function removeHeldMention(
  tx: Prisma.TransactionClient,
  item: HeldMention,
): Promise<"removed" | "changed" | "gone"> {
  const current = await readHeldText(tx, item);
  if (current === null) return "gone";
  if (textDigest(current) !== item.digest) return "changed";
  const clean = replaceSpans(current, item.spans, ERASED_TEXT);
  const delegate = delegateFor(tx, item.table);
  if (item.element === null) {
    await delegate.update({ where: { id: item.id }, data: { [item.column]: clean } });
  } else {
    const row = await delegate.findUnique({
      where: { id: item.id },
      select: { id: true, [item.column]: true },
    });
    const list = [...((row?.[item.column] as string[] | undefined) ?? [])];
    list[item.element] = clean;
    await delegate.update({ where: { id: item.id }, data: { [item.column]: list } });
  }
  return "removed";
}

/**
 * Metadata keys that say something about the person an event is about or by, beyond ids and
 * codes: gone from her events. The rest (role lists, counts, formats) is how the log stays
 * readable after an erasure — a role change must not read "— → —".
 */
const PERSONAL_METADATA_KEYS = new Set(["address"]);

/**
 * Events she did or that were about her: their metadata keeps its codes and counts, loses the
 * keys above and every string that mentions her, and is marked `erased: true`.
 */
async function scrubPartyToEvents(
  tx: Prisma.TransactionClient,
  userId: string,
  terms: string[],
): Promise<number> {
  let scrubbed = 0;
  let after = "";
  for (;;) {
    const rows = await tx.auditEvent.findMany({
      where: {
        id: { gt: after },
        OR: [{ actorId: userId }, { subjectType: "user", subjectId: userId }],
      },
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true, metadata: true },
    });
    for (const event of rows) {
      const kept =
        event.metadata && typeof event.metadata === "object" && !Array.isArray(event.metadata)
          ? Object.fromEntries(
              Object.entries(event.metadata).filter(([key]) => !PERSONAL_METADATA_KEYS.has(key)),
            )
          : {};
      const clean = {
        ...(scrubJson(kept, terms) as Record<string, Prisma.JsonValue>),
        erased: true,
      };
      await tx.auditEvent.update({
        where: { id: event.id },
        data: { metadata: clean as Prisma.InputJsonValue },
      });
      scrubbed += 1;
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) break;
    after = last.id;
  }
  return scrubbed;
}

/** Other events' metadata: every string that mentions her becomes ERASED_TEXT (keys too). */
async function scrubAuditMetadata(tx: Prisma.TransactionClient, terms: string[]): Promise<number> {
  let scrubbed = 0;
  let after = "";
  for (;;) {
    const rows = await auditMetadataPage.all(tx, after, PAGE);
    for (const event of rows) {
      const clean = scrubJson(event.metadata, terms);
      if (JSON.stringify(clean) !== JSON.stringify(event.metadata)) {
        scrubbed += 1;
        await tx.auditEvent.update({
          where: { id: event.id },
          data: { metadata: clean as Prisma.InputJsonValue },
        });
      }
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) break;
    after = last.id;
  }
  return scrubbed;
}

function scrubJson(value: Prisma.JsonValue, terms: string[]): Prisma.JsonValue {
  const mentions = (text: string) => findMentions(text, terms).length > 0;
  if (typeof value === "string") return mentions(value) ? ERASED_TEXT : value;
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, terms));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        mentions(key) ? ERASED_TEXT : key,
        scrubJson(item as Prisma.JsonValue, terms),
      ]),
    );
  }
  return value;
}
