import type { Db, Prisma } from "@peacelearn/db";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilter = { action: string; from?: string; to?: string; page: number };

/** Who did something, as the log shows it: never an erased person's former name. */
export type AuditActor =
  | { kind: "system" }
  | { kind: "erased" }
  | { kind: "user"; id: string; name: string };

/**
 * A page of the audit log, newest first. Metadata is not passed on, except the role lists of a
 * role change: other events may carry text about people (a sensitive note's id is fine, its
 * contents never), and the log is no place to read them.
 */
export async function listAuditEvents(db: Db, filter: AuditFilter) {
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.action ? { action: filter.action } : {}),
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
  const [total, events, actions] = await Promise.all([
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
        subjectType: true,
        subjectId: true,
        metadata: true,
        actor: { select: { id: true, displayName: true, erasedAt: true } },
      },
    }),
    db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
  ]);
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    actions: actions.map((row) => row.action),
    events: events.map(({ metadata, actor, ...event }) => ({
      ...event,
      actor: (!actor
        ? { kind: "system" }
        : actor.erasedAt
          ? { kind: "erased" }
          : {
              kind: "user",
              id: actor.id,
              name: actor.displayName,
            }) satisfies AuditActor as AuditActor,
      roles: event.action === "user.roles.changed" ? rolesOf(metadata) : null,
    })),
  };
}

function rolesOf(metadata: Prisma.JsonValue): { from: string[]; to: string[] } | null {
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata)) return null;
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  return { from: list(metadata.from), to: list(metadata.to) };
}
