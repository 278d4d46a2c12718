import type { Db, Prisma } from "@peacelearn/db";
import { data } from "react-router";
import { getDb } from "~/lib/db.server";
import { requireRole } from "~/modules/auth/guards.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { cohortAccess } from "./access.sql.server";

export function isAdmin(user: Pick<SessionUser, "roles">): boolean {
  return user.roles.includes("admin");
}

/** The cohorts a user may run: all for admins, the ones they train for everyone else. */
export function cohortScope(user: Pick<SessionUser, "id" | "roles">): Prisma.CohortWhereInput {
  return isAdmin(user) ? {} : { trainers: { some: { userId: user.id } } };
}

export type CohortAccess = {
  user: SessionUser;
  db: Db;
  cohort: { id: string; name: string; courseId: string };
};

/**
 * The signed-in trainer of cohort `cohortId` (or an admin), with the cohort. Anonymous visitors
 * go to the login page; trainees and staff get 403; a trainer of other cohorts gets 403; an
 * unknown cohort is 404. One flat query after the session check (every cohort page asks it).
 */
export async function requireCohortTrainer(
  request: Request,
  cohortId: string | undefined,
): Promise<CohortAccess> {
  const user = await requireRole(request, "trainer");
  const db = await getDb();
  const cohort = cohortId ? await cohortAccess.one(db, cohortId, user.id) : null;
  if (!cohort) throw data({ message: "not-found" }, { status: 404 });
  if (!isAdmin(user) && !cohort.isTrainer) {
    throw data({ message: "forbidden" }, { status: 403 });
  }
  return { user, db, cohort: { id: cohort.id, name: cohort.name, courseId: cohort.courseId } };
}
