import type { Db, DbTransaction, Prisma } from "@peacelearn/db";

/** One audit-trail entry. Keep personal data (names, e-mails, note text) out of `metadata`. */
export type AuditInput = {
  /** Who did it; null for the system (or an actor that no longer exists). */
  actorId: string | null;
  /** Dotted verb, e.g. "user.roles.changed", "user.erased", "accompaniment.sensitive-note.read". */
  action: string;
  /** What kind of thing was acted on, e.g. "user", "accompaniment-session", "cohort". */
  subjectType: string;
  subjectId: string;
  /** Ids, codes and counts only: eraseUser() scrubs strings that match a person, but don't rely on it. */
  metadata?: Prisma.InputJsonValue | null;
};

/**
 * Writes one audit event. Accepts the app client or a transaction client, so a mutation and its
 * audit entry can commit together: `db.$transaction(async (tx) => { …; await recordAudit(tx, …) })`.
 */
export async function recordAudit(
  db: Db | DbTransaction,
  input: AuditInput,
): Promise<{ id: string }> {
  return db.auditEvent.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      ...(input.metadata == null ? {} : { metadata: input.metadata }),
    },
    select: { id: true },
  });
}
