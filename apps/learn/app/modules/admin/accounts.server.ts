import { type Db, isUniqueViolation, type UserRole } from "@peacelearn/db";
import { recordAudit } from "~/modules/audit/audit.server";
import { type IssuedRecoveryCode, issueRecoveryCode } from "~/modules/auth/recovery.server";
import { countOtherActiveAdmins } from "./users.server";
import { lockAdminsAndUser } from "./users.sql.server";

// Accounts an admin opens and closes (issue 14, docs/decisions/027-account-deactivation-and-admin-created-accounts.md).

export type NewAccount = {
  displayName: string;
  email: string;
  role: UserRole;
  preferredLocale: string;
  /** A cohort she joins at once: as a trainee, or as one of its trainers for a trainer. */
  cohortId?: string | undefined;
};

export type CreateAccountResult =
  | { ok: true; userId: string; issued: IssuedRecoveryCode }
  | { ok: false; error: "email-taken" | "unknown-cohort" | "cohort-role" };

/**
 * Opens an account without a password and issues its first recovery code (ADR 019), which the
 * admin passes on once, as she would after a forgotten password: the person sets her own
 * password at /recover. Nobody ever knows it but her, and the code is shown once and stored only
 * as a hash. Audited as "user.created" (ids and codes only).
 */
export async function createAccount(
  db: Db,
  { actorId, account }: { actorId: string; account: NewAccount },
): Promise<CreateAccountResult> {
  const { cohortId, role } = account;
  if (cohortId !== undefined) {
    // Programme staff and admins read cohorts through their role, not a membership.
    if (role !== "trainee" && role !== "trainer") return { ok: false, error: "cohort-role" };
    const cohort = await db.cohort.findUnique({ where: { id: cohortId }, select: { id: true } });
    if (!cohort) return { ok: false, error: "unknown-cohort" };
  }
  let userId: string;
  try {
    userId = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: account.email,
          displayName: account.displayName,
          roles: [role],
          preferredLocale: account.preferredLocale,
          passwordHash: null,
        },
        select: { id: true },
      });
      if (cohortId !== undefined && role === "trainee") {
        await tx.cohortMembership.create({ data: { cohortId, userId: user.id } });
      } else if (cohortId !== undefined) {
        await tx.cohortTrainer.create({ data: { cohortId, userId: user.id } });
      }
      await recordAudit(tx, {
        actorId,
        action: "user.created",
        subjectType: "user",
        subjectId: user.id,
        metadata: { role, preferredLocale: account.preferredLocale, cohortId: cohortId ?? null },
      });
      return user.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "email-taken" };
    throw error;
  }
  const issued = await issueRecoveryCode(db, { userId, issuerId: actorId });
  return { ok: true, userId, issued };
}

export type AccountStateError = "not-found" | "self" | "last-admin";

/**
 * Deactivates or reactivates an account, audited. A deactivated person cannot sign in or redeem
 * a recovery code, and every session and unused code of hers ends in the same transaction; her
 * enrolments, memberships, attendance and report attributes stay as they are. An admin cannot
 * deactivate herself, nor the last active admin (admin rows are locked first, as for roles).
 */
export async function setAccountActive(
  db: Db,
  { actorId, userId, active }: { actorId: string; userId: string; active: boolean },
): Promise<{ ok: true; changed: boolean } | { ok: false; error: AccountStateError }> {
  if (!active && userId === actorId) return { ok: false, error: "self" };
  return db.$transaction(async (tx) => {
    await lockAdminsAndUser.run(tx, userId);
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { roles: true, erasedAt: true, deactivatedAt: true },
    });
    if (!user || user.erasedAt) return { ok: false, error: "not-found" } as const;
    if ((user.deactivatedAt === null) === active) return { ok: true, changed: false } as const;
    if (!active && user.roles.includes("admin")) {
      if ((await countOtherActiveAdmins(tx, userId)) === 0) {
        return { ok: false, error: "last-admin" } as const;
      }
    }
    await tx.user.update({
      where: { id: userId },
      data: { deactivatedAt: active ? null : new Date() },
    });
    let sessionsEnded = 0;
    if (!active) {
      sessionsEnded = (await tx.session.deleteMany({ where: { userId } })).count;
      await tx.recoveryCode.deleteMany({ where: { userId, usedAt: null } });
    }
    await recordAudit(tx, {
      actorId,
      action: active ? "user.reactivated" : "user.deactivated",
      subjectType: "user",
      subjectId: userId,
      metadata: active ? null : { sessionsEnded },
    });
    return { ok: true, changed: true } as const;
  });
}

/** The cohorts a new account may join, by name: the create form's choices. */
export async function listCohortChoices(db: Db) {
  return db.cohort.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, name: true },
  });
}
