import type { Db, DbTransaction, Prisma } from "@peacelearn/db";
import type { AuditAction } from "./actions";

/** One audit-trail entry. Keep personal data (names, e-mails, note text) out of `metadata`. */
export type AuditInput = {
  /** Who did it; null for the system (or an actor that no longer exists). */
  actorId: string | null;
  /** One of AUDIT_ACTIONS (./actions.ts), e.g. "user.roles.changed". */
  action: AuditAction;
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

/** Writes several audit events in one statement (e.g. one per invitation of a CSV import). */
export async function recordAudits(
  db: Db | DbTransaction,
  inputs: readonly AuditInput[],
): Promise<number> {
  if (inputs.length === 0) return 0;
  const created = await db.auditEvent.createMany({
    data: inputs.map((input) => ({
      actorId: input.actorId,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      ...(input.metadata == null ? {} : { metadata: input.metadata }),
    })),
  });
  return created.count;
}
