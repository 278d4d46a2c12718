import type { Db } from "@peacelearn/db";
import { data } from "react-router";
import { getDb } from "~/lib/db.server";
import { loadViewer } from "~/modules/accompaniment/sessions.server";
import { requireUser } from "~/modules/auth/guards.server";
import type { SessionUser } from "~/modules/auth/session.server";

// Who may read a plan (ADR 033). A plan says what a woman sets out to change and whom she will
// confront: it is as sensitive as the accompaniment log. Its author, the trainers of a cohort she
// belongs to and admins read it; nobody else learns that it exists (404, as for an unknown id).
// Programme staff see no plan: aggregate reports are theirs, not one person's intentions.

/** How the viewer comes to read the plan, or null when she may not. */
export type PlanReaderRole = "author" | "trainer" | "admin";

export function planReaderRole(
  viewer: { id: string; isAdmin: boolean; trainedCohortIds: readonly string[] },
  plan: { ownerId: string; ownerCohortIds: readonly string[] },
): PlanReaderRole | null {
  if (viewer.id === plan.ownerId) return "author";
  if (viewer.isAdmin) return "admin";
  return plan.ownerCohortIds.some((id) => viewer.trainedCohortIds.includes(id)) ? "trainer" : null;
}

export type PlanAccess = {
  db: Db;
  user: SessionUser;
  role: PlanReaderRole;
  viewer: Awaited<ReturnType<typeof loadViewer>>;
};

/** The signed-in reader of plan `planId`, or the login page, or a 404 that confirms nothing. */
export async function requirePlanReader(
  request: Request,
  planId: string | undefined,
): Promise<PlanAccess> {
  const user = await requireUser(request);
  const db = await getDb();
  const plan = planId
    ? await db.advocacyPlan.findUnique({
        where: { id: planId },
        select: {
          userId: true,
          user: { select: { cohortMemberships: { select: { cohortId: true } } } },
        },
      })
    : null;
  if (!plan) throw data({ message: "not-found" }, { status: 404 });
  const viewer = await loadViewer(db, user);
  const role = planReaderRole(viewer, {
    ownerId: plan.userId,
    ownerCohortIds: plan.user.cohortMemberships.map((membership) => membership.cohortId),
  });
  if (!role) throw data({ message: "not-found" }, { status: 404 });
  return { db, user, role, viewer };
}
