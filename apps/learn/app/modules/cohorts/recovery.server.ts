import type { Db } from "@peacelearn/db";
import { data } from "react-router";
import { type IssuedRecoveryCode, issueRecoveryCode } from "~/modules/auth/recovery.server";

/**
 * Whether a cohort's trainer may give this member a recovery code (issue 12): only for a trainee.
 * Anyone who also trains, works for the programme or administers is recovered by an admin, so a
 * trainer can never take over an account that holds more than her trainees' own data.
 */
export type TraineeRecovery = "allowed" | "through-admin";

async function memberOf(db: Db, cohortId: string, userId: string) {
  const membership = await db.cohortMembership.findUnique({
    where: { cohortId_userId: { cohortId, userId } },
    select: { user: { select: { roles: true, erasedAt: true } } },
  });
  return membership && membership.user.erasedAt === null ? membership.user : null;
}

const onlyTrainee = (roles: readonly string[]) => roles.every((role) => role === "trainee");

/** For the trainee page: may this cohort's trainer recover this member? Null if not a member. */
export async function traineeRecovery(
  db: Db,
  { cohortId, userId }: { cohortId: string; userId: string },
): Promise<TraineeRecovery | null> {
  const member = await memberOf(db, cohortId, userId);
  if (!member) return null;
  return onlyTrainee(member.roles) ? "allowed" : "through-admin";
}

/**
 * A trainer of `cohortId` (already checked by requireCohortTrainer) issues a recovery code for
 * one of its trainees. 404 for someone who is not a member; 403 for a member who is staff.
 */
export async function issueTraineeRecoveryCode(
  db: Db,
  { issuerId, cohortId, userId }: { issuerId: string; cohortId: string; userId: string },
): Promise<IssuedRecoveryCode> {
  const member = await memberOf(db, cohortId, userId);
  if (!member) throw data({ message: "not-found" }, { status: 404 });
  if (!onlyTrainee(member.roles) || userId === issuerId) {
    throw data({ message: "forbidden" }, { status: 403 });
  }
  return issueRecoveryCode(db, { userId, issuerId });
}
