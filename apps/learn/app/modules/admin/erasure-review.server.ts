import {
  type Db,
  type DbTransaction,
  type HeldMention,
  readHeldText,
  removeHeldMention,
  textDigest,
} from "@peacelearn/db";
import { href } from "react-router";
import { z } from "zod";
import { recordAudit } from "~/modules/audit/audit.server";

/** An admin's decision on a held mention: it was her (remove it) or someone else (keep it). */
const REVIEW_RESOLVED = "user.erasure-review.resolved";
const SENSITIVE_NOTE_READ = "accompaniment.sensitive-note.read";

const HeldMentionSchema = z.object({
  table: z.enum([
    "AccompanimentSession",
    "FollowUpAction",
    "AttendanceRecord",
    "CohortSession",
    "Cohort",
  ]),
  column: z.string(),
  id: z.string(),
  element: z.number().int().min(0).nullable(),
  spans: z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0) })),
  digest: z.string(),
}) satisfies z.ZodType<HeldMention>;
const ErasureMetadataSchema = z.object({
  freeTextScrubbed: z.number().int().min(0).catch(0),
  review: z.array(HeldMentionSchema).catch([]),
});
const ResolutionSchema = z.object({
  item: z.number().int().min(0),
  decision: z.enum(["removed", "kept"]),
});

/** A stretch of an excerpt; `mention` marks the words that may be her. */
type ExcerptPart = { text: string; mention: boolean };

export type ReviewItem = {
  index: number;
  /** Which kind of text, e.g. "AccompanimentSession.notes": the page names it. */
  field: string;
  /** Where the admin can open the record. */
  href: string;
  /** The date the record is about, when it has one (YYYY-MM-DD). */
  date: string | null;
  /** "current": the excerpt applies; "changed": edited since, to be checked by hand. */
  state: "current" | "changed";
  excerpt: ExcerptPart[];
};

export type ErasureReportView = {
  erasedAt: Date;
  freeTextScrubbed: number;
  pending: ReviewItem[];
  resolved: number;
};

const CONTEXT = 40;

/** Short excerpts around each span, with the spans marked. */
function excerptOf(text: string, spans: HeldMention["spans"]): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let cursor = 0;
  spans.forEach((span, i) => {
    // Start and stop at a space, so the excerpt never cuts a word in two.
    let start = Math.max(cursor, span.start - CONTEXT);
    while (start > cursor && !/\s/.test(text[start - 1] ?? "")) start -= 1;
    if (start > cursor) parts.push({ text: "… ", mention: false });
    parts.push({ text: text.slice(start, span.start), mention: false });
    parts.push({ text: text.slice(span.start, span.end), mention: true });
    const limit = spans[i + 1]?.start ?? text.length;
    let stop = Math.min(limit, span.end + CONTEXT);
    while (stop < limit && !/\s/.test(text[stop] ?? "")) stop += 1;
    parts.push({ text: text.slice(span.end, stop), mention: false });
    cursor = stop;
  });
  if (cursor < text.length) parts.push({ text: " …", mention: false });
  return parts.filter((part) => part.text.length > 0);
}

type Place = { href: string; date: Date | null; sensitive: boolean };

async function placeOf(db: Db | DbTransaction, item: HeldMention): Promise<Place | null> {
  switch (item.table) {
    case "AccompanimentSession": {
      const row = await db.accompanimentSession.findUnique({
        where: { id: item.id },
        select: { occurredOn: true, isSensitive: true },
      });
      return (
        row && {
          href: href("/trainer/accompaniment/:sessionId", { sessionId: item.id }),
          date: row.occurredOn,
          sensitive: row.isSensitive,
        }
      );
    }
    case "FollowUpAction": {
      const row = await db.followUpAction.findUnique({
        where: { id: item.id },
        select: { dueOn: true, accompanimentSessionId: true },
      });
      return (
        row && {
          href: href("/trainer/accompaniment/:sessionId", {
            sessionId: row.accompanimentSessionId,
          }),
          date: row.dueOn,
          sensitive: false,
        }
      );
    }
    case "AttendanceRecord": {
      const row = await db.attendanceRecord.findUnique({
        where: { id: item.id },
        select: { cohortSession: { select: { id: true, cohortId: true, startsAt: true } } },
      });
      const session = row?.cohortSession;
      return session
        ? {
            href: href("/trainer/cohorts/:cohortId/sessions/:sessionId", {
              cohortId: session.cohortId,
              sessionId: session.id,
            }),
            date: session.startsAt,
            sensitive: false,
          }
        : null;
    }
    case "CohortSession": {
      const row = await db.cohortSession.findUnique({
        where: { id: item.id },
        select: { cohortId: true, startsAt: true },
      });
      return (
        row && {
          href: href("/trainer/cohorts/:cohortId/sessions/:sessionId", {
            cohortId: row.cohortId,
            sessionId: item.id,
          }),
          date: row.startsAt,
          sensitive: false,
        }
      );
    }
    case "Cohort":
      return (await db.cohort.findUnique({ where: { id: item.id }, select: { id: true } }))
        ? {
            href: href("/trainer/cohorts/:cohortId", { cohortId: item.id }),
            date: null,
            sensitive: false,
          }
        : null;
    case "CertificateCredential": {
      // A revocation's reason, typed by an admin: read and edited on the credentials page.
      const row = await db.certificateCredential.findUnique({
        where: { id: item.id },
        select: { revokedAt: true },
      });
      return row && { href: href("/admin/credentials"), date: row.revokedAt, sensitive: false };
    }
  }
}

async function erasureOf(db: Db | DbTransaction, userId: string) {
  const event = await db.auditEvent.findFirst({
    where: { action: "user.erased", subjectType: "user", subjectId: userId },
    orderBy: { at: "desc" },
    select: { at: true, metadata: true },
  });
  if (!event) return null;
  const metadata = ErasureMetadataSchema.safeParse(event.metadata ?? {});
  const resolutions = await db.auditEvent.findMany({
    where: { action: REVIEW_RESOLVED, subjectType: "user", subjectId: userId },
    select: { metadata: true },
  });
  const resolved = new Set(
    resolutions.flatMap((row) => {
      const parsed = ResolutionSchema.safeParse(row.metadata);
      return parsed.success ? [parsed.data.item] : [];
    }),
  );
  return {
    at: event.at,
    freeTextScrubbed: metadata.success ? metadata.data.freeTextScrubbed : 0,
    review: metadata.success ? metadata.data.review : [],
    resolved,
  };
}

/**
 * What the erasure of `userId` did and what is left for an admin: each possible mention still
 * pending, with a short excerpt read live (the record of the erasure keeps places, not words).
 * Excerpts of sensitive notes are audited reads, as on the note's own page.
 */
export async function loadErasureReport(
  db: Db,
  { userId, viewerId }: { userId: string; viewerId: string },
): Promise<ErasureReportView | null> {
  const erasure = await erasureOf(db, userId);
  if (!erasure) return null;
  const pending: ReviewItem[] = [];
  for (const [index, item] of erasure.review.entries()) {
    if (erasure.resolved.has(index)) continue;
    const [place, text] = await Promise.all([
      placeOf(db, item),
      db.$transaction((tx) => readHeldText(tx, item)),
    ]);
    if (!place || text === null) continue;
    const current = textDigest(text) === item.digest;
    if (place.sensitive && current) {
      await recordAudit(db, {
        actorId: viewerId,
        action: SENSITIVE_NOTE_READ,
        subjectType: "accompaniment-session",
        subjectId: item.id,
        metadata: { reason: "erasure-review" },
      });
    }
    pending.push({
      index,
      field: `${item.table}.${item.column}`,
      href: place.href,
      date: place.date ? place.date.toISOString().slice(0, 10) : null,
      state: current ? "current" : "changed",
      excerpt: current ? excerptOf(text, item.spans) : [],
    });
  }
  return {
    erasedAt: erasure.at,
    freeTextScrubbed: erasure.freeTextScrubbed,
    pending,
    resolved: erasure.resolved.size,
  };
}

export type ResolveError = "not-found" | "changed";

/**
 * Records an admin's decision on held mention `index`; "remove" replaces the words in the record
 * (refused with "changed" when the text was edited since: the admin then edits it by hand and
 * marks it as reviewed).
 */
export async function resolveReviewItem(
  db: Db,
  {
    actorId,
    userId,
    index,
    decision,
  }: { actorId: string; userId: string; index: number; decision: "remove" | "keep" },
): Promise<{ ok: true } | { ok: false; error: ResolveError }> {
  return db.$transaction(async (tx) => {
    const erasure = await erasureOf(tx, userId);
    const item = erasure?.review[index];
    if (!erasure || !item || erasure.resolved.has(index))
      return { ok: false, error: "not-found" } as const;
    if (decision === "remove") {
      const outcome = await removeHeldMention(tx, item);
      if (outcome === "changed") return { ok: false, error: "changed" } as const;
    }
    await recordAudit(tx, {
      actorId,
      action: REVIEW_RESOLVED,
      subjectType: "user",
      subjectId: userId,
      metadata: { item: index, decision: decision === "remove" ? "removed" : "kept" },
    });
    return { ok: true } as const;
  });
}
