import type { Db } from "@peacelearn/db";
import { canUpdateFollowUps, type Viewer } from "~/modules/accompaniment/access.server";

/** A trainee's follow-ups over years of accompaniment, as one select's options. */
const LINKABLE_LIMIT = 200;

export type LinkableFollowUp = { id: string; description: string; dueOn: Date };

/**
 * The follow-up actions the viewer may link to a step of `traineeId`'s plan: those agreed in
 * sessions about her that the viewer keeps up to date (their author, or an admin — the same rule
 * as changing their status), not yet linked to any step.
 */
export async function linkableFollowUps(
  db: Db,
  viewer: Viewer,
  traineeId: string,
): Promise<LinkableFollowUp[]> {
  return db.followUpAction.findMany({
    where: {
      advocacyStep: null,
      accompanimentSession: {
        traineeId,
        ...(viewer.isAdmin ? {} : { trainerId: viewer.id }),
      },
    },
    orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
    take: LINKABLE_LIMIT,
    select: { id: true, description: true, dueOn: true },
  });
}

export type LinkOutcome = "linked" | "step-not-found" | "follow-up-not-allowed";

/**
 * Links a follow-up to a step of a plan. The step must be the plan's; the follow-up must come from
 * a session about the plan's author that the viewer may update, and serve no other step yet.
 * Linking it again to the same step changes nothing.
 */
export async function linkFollowUp(
  db: Db,
  viewer: Viewer,
  input: { planId: string; stepId: string; followUpId: string },
): Promise<LinkOutcome> {
  const step = await db.advocacyPlanStep.findFirst({
    where: { id: input.stepId, planId: input.planId },
    select: { id: true, plan: { select: { userId: true } } },
  });
  if (!step) return "step-not-found";
  const followUp = await db.followUpAction.findUnique({
    where: { id: input.followUpId },
    select: {
      advocacyStep: { select: { stepId: true } },
      accompanimentSession: {
        select: { traineeId: true, trainerId: true, cohortId: true, isSensitive: true },
      },
    },
  });
  const session = followUp?.accompanimentSession;
  if (!followUp || !session || session.traineeId !== step.plan.userId) {
    return "follow-up-not-allowed";
  }
  if (!canUpdateFollowUps(viewer, session)) return "follow-up-not-allowed";
  if (followUp.advocacyStep) {
    return followUp.advocacyStep.stepId === step.id ? "linked" : "follow-up-not-allowed";
  }
  // Two trainers linking the same follow-up at once: the first link stands, the second is told.
  await db.advocacyStepFollowUp.createMany({
    data: [{ followUpActionId: input.followUpId, stepId: step.id, linkedById: viewer.id }],
    skipDuplicates: true,
  });
  const link = await db.advocacyStepFollowUp.findUnique({
    where: { followUpActionId: input.followUpId },
    select: { stepId: true },
  });
  return link?.stepId === step.id ? "linked" : "follow-up-not-allowed";
}
