import type { Prisma } from "@peacelearn/db";

// Who may see and change what in the accompaniment log. Pure functions of facts loaded once per
// request (the viewer's trained cohorts, the session's trainer and cohort), so every rule is
// tested without a database and every page applies the same rule.

/** The signed-in trainer or admin, with the cohorts they train. */
export type Viewer = {
  id: string;
  isAdmin: boolean;
  trainedCohortIds: readonly string[];
};

/** What the rules need to know about a session. */
export type SessionFacts = {
  trainerId: string | null;
  cohortId: string | null;
  isSensitive: boolean;
};

function trainsCohortOf(viewer: Viewer, session: Pick<SessionFacts, "cohortId">): boolean {
  return session.cohortId !== null && viewer.trainedCohortIds.includes(session.cohortId);
}

/** The session's author, the trainers of its cohort and admins see it (not its notes, maybe). */
export function canViewSession(viewer: Viewer, session: SessionFacts): boolean {
  return viewer.isAdmin || session.trainerId === viewer.id || trainsCohortOf(viewer, session);
}

/**
 * Sensitive notes: their author and admins only — not even a co-trainer of the same cohort.
 * Other notes: everyone who may view the session.
 */
export function canReadNotes(viewer: Viewer, session: SessionFacts): boolean {
  if (viewer.isAdmin || (session.trainerId !== null && session.trainerId === viewer.id)) {
    return true;
  }
  return !session.isSensitive && trainsCohortOf(viewer, session);
}

/** The trainer who agreed the actions (and admins) keeps them up to date; co-trainers read. */
export function canUpdateFollowUps(viewer: Viewer, session: SessionFacts): boolean {
  return viewer.isAdmin || (session.trainerId !== null && session.trainerId === viewer.id);
}

/** The sessions a viewer may list, as a Prisma filter: the same rule as {@link canViewSession}. */
export function visibleSessionsWhere(viewer: Viewer): Prisma.AccompanimentSessionWhereInput {
  if (viewer.isAdmin) return {};
  return {
    OR: [{ trainerId: viewer.id }, { cohortId: { in: [...viewer.trainedCohortIds] } }],
  };
}
