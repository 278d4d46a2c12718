import type { Db } from "@peacelearn/db";
import { data } from "react-router";
import { type IssuedRecoveryCode, issueRecoveryCode } from "~/modules/auth/recovery.server";

/**
 * An admin issues a recovery code for any account but her own (she changes her own password
 * under /account/security): this is how staff, trainers and admins get back in (issue 12).
 * 404 for an unknown or erased account, 403 for her own, 409 for a deactivated one (a code would
 * not work: she is reactivated first, ADR 027).
 */
export async function issueUserRecoveryCode(
  db: Db,
  { adminId, userId }: { adminId: string; userId: string },
): Promise<IssuedRecoveryCode> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { erasedAt: true, deactivatedAt: true },
  });
  if (!user || user.erasedAt) throw data(null, { status: 404 });
  if (userId === adminId) throw data(null, { status: 403 });
  if (user.deactivatedAt) throw data(null, { status: 409 });
  return issueRecoveryCode(db, { userId, issuerId: adminId });
}
