import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import type { Db, Prisma } from "@peacelearn/db";
import { type AuditAction, isAuditAction } from "~/modules/audit/actions";

const AUDIT_PAGE_SIZE = 50;
/** People a "who" or "about" search may match; a wider search should be narrowed. */
const PEOPLE_MATCHED = 200;

export type AuditFilter = {
  action: string;
  /** Name or e-mail (part of it) of who did it. */
  actor: string;
  /** Name or e-mail (part of it) of the person it was about. */
  target: string;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
};

/**
 * A person as the log shows her: by name with her e-mail, so namesakes stay apart (issue 12);
 * an erased person by a stable pseudonym only, never her former name — the same pseudonym on
 * every row, so what one erased account did can still be followed.
 */
export type AuditPerson =
  | { kind: "system" }
  | { kind: "erased"; pseudonym: string }
  | { kind: "user"; id: string; name: string; email: string };

export type AuditSubject =
  | { kind: "person"; person: AuditPerson }
  | { kind: "cohort"; id: string; name: string | null }
  | { kind: "other"; type: string; id: string };

/** What the log shows of an event's metadata: codes and counts, never text about people. */
export type AuditDetails = {
  roles?: { from: string[]; to: string[] };
  address?: string;
  format?: string;
};

/** A short stable stand-in for an erased account: the first hex digits of its id's SHA-256. */
function erasedPseudonym(userId: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(userId))).slice(0, 6);
}

type PersonRow = { id: string; displayName: string; email: string; erasedAt: Date | null };

function personOf(row: PersonRow | null | undefined, id: string | null): AuditPerson {
  if (!id) return { kind: "system" };
  if (!row || row.erasedAt) return { kind: "erased", pseudonym: erasedPseudonym(id) };
  return { kind: "user", id: row.id, name: row.displayName, email: row.email };
}

async function peopleMatching(db: Db, text: string): Promise<string[]> {
  const rows = await db.user.findMany({
    where: {
      erasedAt: null,
      OR: [
        { displayName: { contains: text, mode: "insensitive" } },
        { email: { contains: text, mode: "insensitive" } },
      ],
    },
    select: { id: true },
    take: PEOPLE_MATCHED,
  });
  return rows.map((row) => row.id);
}

/**
 * A page of the audit log, newest first, filtered by action, who did it, whom it was about
 * (name or e-mail) and dates (UTC days, inclusive). Names come from the live accounts, so an
 * erasure hides them everywhere at once. Metadata is passed on only as {@link AuditDetails}.
 */
export async function listAuditEvents(db: Db, filter: AuditFilter) {
  const [actorIds, targetIds] = await Promise.all([
    filter.actor ? peopleMatching(db, filter.actor) : null,
    filter.target ? peopleMatching(db, filter.target) : null,
  ]);
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.action ? { action: filter.action } : {}),
    ...(actorIds ? { actorId: { in: actorIds } } : {}),
    ...(targetIds ? { subjectType: "user", subjectId: { in: targetIds } } : {}),
    ...(filter.from || filter.to
      ? {
          at: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to
              ? { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) }
              : {}),
          },
        }
      : {}),
  };
  const [total, events, recorded] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        at: true,
        action: true,
        actorId: true,
        subjectType: true,
        subjectId: true,
        metadata: true,
      },
    }),
    db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
  ]);

  const personIds = new Set<string>();
  const cohortIds = new Set<string>();
  for (const event of events) {
    if (event.actorId) personIds.add(event.actorId);
    if (event.subjectType === "user") personIds.add(event.subjectId);
    if (event.subjectType === "cohort") cohortIds.add(event.subjectId);
  }
  const [people, cohorts] = await Promise.all([
    db.user.findMany({
      where: { id: { in: [...personIds] } },
      select: { id: true, displayName: true, email: true, erasedAt: true },
    }),
    db.cohort.findMany({ where: { id: { in: [...cohortIds] } }, select: { id: true, name: true } }),
  ]);
  const personById = new Map(people.map((row) => [row.id, row]));
  const cohortName = new Map(cohorts.map((row) => [row.id, row.name]));

  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    actions: recorded.map((row) => row.action).filter(isAuditAction),
    events: events.map((event) => ({
      id: event.id,
      at: event.at,
      action: event.action as AuditAction | string,
      actor: personOf(personById.get(event.actorId ?? ""), event.actorId),
      subject: subjectOf(event, personById, cohortName),
      details: detailsOf(event.action, event.metadata),
    })),
  };
}

function subjectOf(
  event: { subjectType: string; subjectId: string },
  personById: Map<string, PersonRow>,
  cohortName: Map<string, string>,
): AuditSubject {
  if (event.subjectType === "user") {
    return { kind: "person", person: personOf(personById.get(event.subjectId), event.subjectId) };
  }
  if (event.subjectType === "cohort") {
    return { kind: "cohort", id: event.subjectId, name: cohortName.get(event.subjectId) ?? null };
  }
  return { kind: "other", type: event.subjectType, id: event.subjectId };
}

function detailsOf(action: string, metadata: Prisma.JsonValue): AuditDetails {
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata)) return {};
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  const details: AuditDetails = {};
  if (action === "user.roles.changed" && ("from" in metadata || "to" in metadata)) {
    details.roles = { from: list(metadata.from), to: list(metadata.to) };
  }
  if (typeof metadata.address === "string") details.address = metadata.address;
  if (typeof metadata.format === "string") details.format = metadata.format;
  return details;
}
