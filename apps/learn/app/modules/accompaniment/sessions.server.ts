import { AccompanimentSessionInputSchema, type Db } from "@peacelearn/db";
import type { SessionUser } from "~/modules/auth/session.server";
import type { Viewer } from "./access.server";
import { parseDay } from "./dates";
import type { SessionFormValues } from "./schema";

/** Bounds the pick lists: the programme's cohorts hold tens of people, not thousands. */
const OPTION_LIMIT = 2_000;

/** The viewer's rights in one query: admin or not, and the cohorts they train. */
export async function loadViewer(db: Db, user: Pick<SessionUser, "id" | "roles">): Promise<Viewer> {
  const trained = await db.cohortTrainer.findMany({
    where: { userId: user.id },
    select: { cohortId: true },
  });
  return {
    id: user.id,
    isAdmin: user.roles.includes("admin"),
    trainedCohortIds: trained.map((row) => row.cohortId),
  };
}

export type PersonOption = { id: string; displayName: string; email: string; cohorts: string[] };

/**
 * Whom the viewer may record a session with: members of the cohorts they train; for admins,
 * anyone with an account (not erased). Never the viewer themselves.
 */
export async function traineeOptions(db: Db, viewer: Viewer): Promise<PersonOption[]> {
  const users = await db.user.findMany({
    where: {
      erasedAt: null,
      id: { not: viewer.id },
      ...(viewer.isAdmin
        ? {}
        : { cohortMemberships: { some: { cohortId: { in: [...viewer.trainedCohortIds] } } } }),
    },
    select: {
      id: true,
      displayName: true,
      email: true,
      cohortMemberships: {
        where: viewer.isAdmin ? {} : { cohortId: { in: [...viewer.trainedCohortIds] } },
        select: { cohort: { select: { name: true } } },
        orderBy: { cohort: { startsOn: "desc" } },
      },
    },
    orderBy: [{ displayName: "asc" }, { email: "asc" }],
    take: OPTION_LIMIT,
  });
  return users.map((user) => ({
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    cohorts: user.cohortMemberships.map((membership) => membership.cohort.name),
  }));
}

export type CohortOption = { id: string; name: string };

/** Cohorts the list can be filtered by: those the viewer trains (admins: all). */
export async function cohortOptions(db: Db, viewer: Viewer): Promise<CohortOption[]> {
  return db.cohort.findMany({
    where: viewer.isAdmin ? {} : { id: { in: [...viewer.trainedCohortIds] } },
    select: { id: true, name: true },
    orderBy: [{ startsOn: "desc" }, { name: "asc" }],
    take: OPTION_LIMIT,
  });
}

/**
 * Checks on the server that the viewer may record a session with `traineeId`, and finds the cohort
 * the session belongs to: the most recent cohort the trainee is in that the viewer trains (for
 * admins, the trainee's most recent cohort, or none). `allowed: false` for anyone else.
 */
export async function resolveTrainee(
  db: Db,
  viewer: Viewer,
  traineeId: string,
): Promise<{ allowed: true; cohortId: string | null } | { allowed: false }> {
  if (traineeId === viewer.id) return { allowed: false };
  const trainee = await db.user.findFirst({
    where: { id: traineeId, erasedAt: null },
    select: {
      cohortMemberships: {
        where: viewer.isAdmin ? {} : { cohortId: { in: [...viewer.trainedCohortIds] } },
        select: { cohortId: true },
        orderBy: { cohort: { startsOn: "desc" } },
        take: 1,
      },
    },
  });
  if (!trainee) return { allowed: false };
  const cohortId = trainee.cohortMemberships[0]?.cohortId ?? null;
  if (!viewer.isAdmin && cohortId === null) return { allowed: false };
  return { allowed: true, cohortId };
}

function day(value: string): Date {
  const parsed = parseDay(value);
  // The form schema has already checked every day; reaching this is a programming error.
  if (!parsed) throw new Error(`not a calendar day: ${value}`);
  return parsed;
}

/**
 * Saves a session and its follow-up actions in one nested write (one transaction). The trainee
 * must have passed {@link resolveTrainee}. Each action's owner is the trainee or the recording
 * trainer; actions recorded as done or cancelled are closed now.
 */
export async function recordSession(
  db: Db,
  {
    viewer,
    values,
    cohortId,
    now = new Date(),
  }: { viewer: Viewer; values: SessionFormValues; cohortId: string | null; now?: Date },
): Promise<{ id: string }> {
  const session = AccompanimentSessionInputSchema.parse({
    trainerId: viewer.id,
    traineeId: values.traineeId,
    cohortId,
    occurredOn: day(values.occurredOn),
    mode: values.mode,
    durationMinutes: values.durationMinutes ?? null,
    topics: values.topics,
    activityType: values.activityType,
    notes: values.notes,
    isSensitive: values.isSensitive,
  });
  return db.accompanimentSession.create({
    data: {
      ...session,
      followUps: {
        create: values.followUps.map((row) => ({
          ownerId: row.owner === "trainee" ? values.traineeId : viewer.id,
          description: row.description,
          dueOn: day(row.dueOn),
          status: row.status,
          closedAt: row.status === "open" ? null : now,
        })),
      },
    },
    select: { id: true },
  });
}
