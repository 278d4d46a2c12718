import { type Db, type DbTransaction, eraseUser, type UserRole } from "@peacelearn/db";
import { recordAudit } from "~/modules/audit/audit.server";
import { lockAdminsAndUser } from "./users.sql.server";

export const USERS_PAGE_SIZE = 25;

/** What the accounts list and an account's page show of a person. */
const ACCOUNT_FIELDS = {
  id: true,
  email: true,
  displayName: true,
  roles: true,
  erasedAt: true,
  deactivatedAt: true,
} as const;

/** One account for its admin page, or null when unknown. */
export function findAccount(db: Db, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: ACCOUNT_FIELDS });
}

/** One page of accounts, newest first, matching `search` in the name or e-mail. */
export async function listUsers(db: Db, { search, page }: { search: string; page: number }) {
  const where = search
    ? {
        OR: [
          { email: { contains: search, mode: "insensitive" as const } },
          { displayName: { contains: search, mode: "insensitive" as const } },
        ],
      }
    : {};
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: ACCOUNT_FIELDS,
    }),
  ]);
  return { users, total, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}

/**
 * Admins other than `userId` who can still act: neither erased nor deactivated. The last of them
 * is never demoted, erased or deactivated, so the platform always keeps one.
 */
export function countOtherActiveAdmins(db: Db | DbTransaction, userId: string) {
  return db.user.count({
    where: { id: { not: userId }, roles: { has: "admin" }, erasedAt: null, deactivatedAt: null },
  });
}

export type RoleChangeError = "not-found" | "erased" | "last-admin" | "self-demotion";

/**
 * Sets a user's roles, audited. Whoever loses "admin" must leave another active admin behind:
 * the last admin cannot be demoted, and an admin cannot demote themself unless someone else is
 * admin. Admin rows are locked first, so two admins demoting each other at the same moment cannot
 * both succeed.
 */
export async function changeRoles(
  db: Db,
  { actorId, userId, roles }: { actorId: string; userId: string; roles: readonly UserRole[] },
): Promise<{ ok: true; changed: boolean } | { ok: false; error: RoleChangeError }> {
  const wanted = [...new Set(roles)].sort();
  return db.$transaction(async (tx) => {
    await lockAdminsAndUser.run(tx, userId);
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { roles: true, erasedAt: true },
    });
    if (!user) return { ok: false, error: "not-found" } as const;
    if (user.erasedAt) return { ok: false, error: "erased" } as const;
    const losesAdmin = user.roles.includes("admin") && !wanted.includes("admin");
    if (losesAdmin) {
      if ((await countOtherActiveAdmins(tx, userId)) === 0) {
        return { ok: false, error: actorId === userId ? "self-demotion" : "last-admin" } as const;
      }
    }
    const before = [...user.roles].sort();
    if (before.join() === wanted.join()) return { ok: true, changed: false } as const;
    await tx.user.update({ where: { id: userId }, data: { roles: wanted } });
    await recordAudit(tx, {
      actorId,
      action: "user.roles.changed",
      subjectType: "user",
      subjectId: userId,
      metadata: { from: before, to: wanted },
    });
    return { ok: true, changed: true } as const;
  });
}

export type ErasureError =
  | "not-found"
  | "already-erased"
  | "email-mismatch"
  | "self"
  | "last-admin";

/**
 * Erases an account on request once the admin has typed its e-mail address. eraseUser keeps the
 * person's report-level attributes (so every count stays right) and writes the "user.erased"
 * audit event in its own transaction.
 */
export async function eraseUserOnRequest(
  db: Db,
  { actorId, userId, confirmEmail }: { actorId: string; userId: string; confirmEmail: string },
): Promise<{ ok: true } | { ok: false; error: ErasureError }> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, roles: true, erasedAt: true },
  });
  if (!user) return { ok: false, error: "not-found" };
  if (user.erasedAt) return { ok: false, error: "already-erased" };
  if (user.email.toLowerCase() !== confirmEmail.trim().toLowerCase()) {
    return { ok: false, error: "email-mismatch" };
  }
  // Erasing oneself would also end one's own admin rights mid-request: another admin does it.
  if (userId === actorId) return { ok: false, error: "self" };
  if (user.roles.includes("admin")) {
    if ((await countOtherActiveAdmins(db, userId)) === 0) return { ok: false, error: "last-admin" };
  }
  await eraseUser(db, userId, { actorId });
  return { ok: true };
}
