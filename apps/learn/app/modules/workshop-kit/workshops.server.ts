import type { Db } from "@peacelearn/db";
import { data } from "react-router";
import { getDb } from "~/lib/db.server";
import { requireRole } from "~/modules/auth/guards.server";
import {
  type CohortAccess,
  cohortScope,
  requireCohortTrainer,
} from "~/modules/cohorts/access.server";

/**
 * The signed-in trainer of the cohort that holds workshop `sessionId` (or an admin), as
 * `requireCohortTrainer` judges it: anonymous → log-in, not hers → 403, unknown → 404.
 */
export async function requireWorkshopTrainer(
  request: Request,
  sessionId: string | undefined,
): Promise<CohortAccess & { sessionId: string }> {
  await requireRole(request, "trainer");
  const db = await getDb();
  const session = sessionId
    ? await db.cohortSession.findUnique({ where: { id: sessionId }, select: { cohortId: true } })
    : null;
  if (!session || !sessionId) throw data({ message: "not-found" }, { status: 404 });
  return { ...(await requireCohortTrainer(request, session.cohortId)), sessionId };
}

export type KitWorkshop = {
  id: string;
  title: string;
  startsAt: Date;
  place: string | null;
  cohortName: string;
  /** What arrived from kits, counted in the database. */
  received: { attendance: number; walkIns: number; testAnswers: number };
  /** What the register holds now: members with a mark, walk-ins. */
  register: { members: number; walkIns: number };
};

/** Days back a workshop stays on the kit's list (a trip's records may arrive a week late). */
const RECENT_DAYS = 30;

/** The workshops a trainer may take a kit to: recent and upcoming ones of her cohorts. Two queries. */
export async function loadKitWorkshops(
  db: Db,
  { user, now }: { user: { id: string; roles: string[] }; now: Date },
): Promise<KitWorkshop[]> {
  const sessions = await db.cohortSession.findMany({
    where: {
      cohort: cohortScope(user),
      startsAt: { gte: new Date(now.getTime() - RECENT_DAYS * 86_400_000) },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 100,
    select: {
      id: true,
      title: true,
      startsAt: true,
      place: true,
      cohort: { select: { name: true } },
      _count: { select: { attendance: true, walkIns: true } },
    },
  });
  const counts = await db.workshopKitCommand.groupBy({
    by: ["cohortSessionId", "kind"],
    where: { cohortSessionId: { in: sessions.map((session) => session.id) } },
    _count: { _all: true },
  });
  const count = (sessionId: string, kind: string) =>
    counts.find((row) => row.cohortSessionId === sessionId && row.kind === kind)?._count._all ?? 0;
  return sessions.map((session) => ({
    id: session.id,
    title: session.title,
    startsAt: session.startsAt,
    place: session.place,
    cohortName: session.cohort.name,
    received: {
      attendance: count(session.id, "attendance"),
      walkIns: count(session.id, "walk-in"),
      testAnswers: count(session.id, "test-answers"),
    },
    register: { members: session._count.attendance, walkIns: session._count.walkIns },
  }));
}
