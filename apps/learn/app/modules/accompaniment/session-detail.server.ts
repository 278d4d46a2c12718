import type { Db } from "@peacelearn/db";
import type { FollowUpStatus } from "@peacelearn/db/schemas";
import { recordAudit } from "~/modules/audit/audit.server";
import { canReadNotes, canUpdateFollowUps, canViewSession, type Viewer } from "./access.server";
import { isOverdue, utcToday } from "./dates";

export const SENSITIVE_NOTE_READ = "accompaniment.sensitive-note.read";
const SESSION_SUBJECT = "AccompanimentSession";

export type SessionDetail = {
  id: string;
  occurredOn: Date;
  mode: string;
  durationMinutes: number | null;
  activityType: string;
  topics: string[];
  isSensitive: boolean;
  trainee: { id: string; displayName: string };
  trainerName: string | null;
  cohort: { id: string; name: string } | null;
  /** The note's text, or null when the viewer may not read it (the page says why). */
  notes: string | null;
  canUpdateFollowUps: boolean;
  followUps: Array<{
    id: string;
    description: string;
    dueOn: Date;
    status: string;
    closedAt: Date | null;
    ownerName: string | null;
    ownedByTrainee: boolean;
    isOverdue: boolean;
  }>;
};

/**
 * A session as the viewer may see it, or null when it does not exist or is not theirs to see (the
 * route answers 404 either way, so another cohort's sessions are not even confirmed to exist).
 * Notes are loaded by a second query only when the viewer may read them; reading a sensitive
 * note writes its audit event first, so no read ever goes unrecorded.
 */
export async function loadSessionDetail(
  db: Db,
  viewer: Viewer,
  sessionId: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<SessionDetail | null> {
  const session = await db.accompanimentSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      trainerId: true,
      traineeId: true,
      cohortId: true,
      isSensitive: true,
      occurredOn: true,
      mode: true,
      durationMinutes: true,
      activityType: true,
      topics: true,
      trainee: { select: { id: true, displayName: true } },
      trainer: { select: { displayName: true } },
      cohort: { select: { id: true, name: true } },
      followUps: {
        select: {
          id: true,
          description: true,
          dueOn: true,
          status: true,
          closedAt: true,
          ownerId: true,
          owner: { select: { displayName: true } },
        },
        orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
      },
    },
  });
  if (!session || !canViewSession(viewer, session)) return null;

  let notes: string | null = null;
  if (canReadNotes(viewer, session)) {
    if (session.isSensitive) {
      await recordAudit(db, {
        actorId: viewer.id,
        action: SENSITIVE_NOTE_READ,
        subjectType: SESSION_SUBJECT,
        subjectId: session.id,
        metadata: {},
      });
    }
    const row = await db.accompanimentSession.findUnique({
      where: { id: session.id },
      select: { notes: true },
    });
    notes = row?.notes ?? "";
  }

  const today = utcToday(now);
  return {
    id: session.id,
    occurredOn: session.occurredOn,
    mode: session.mode,
    durationMinutes: session.durationMinutes,
    activityType: session.activityType,
    topics: session.topics,
    isSensitive: session.isSensitive,
    trainee: session.trainee,
    trainerName: session.trainer?.displayName ?? null,
    cohort: session.cohort,
    notes,
    canUpdateFollowUps: canUpdateFollowUps(viewer, session),
    followUps: session.followUps.map((action) => ({
      id: action.id,
      description: action.description,
      dueOn: action.dueOn,
      status: action.status,
      closedAt: action.closedAt,
      ownerName: action.owner?.displayName ?? null,
      ownedByTrainee: action.ownerId === session.traineeId,
      isOverdue: isOverdue(action, today),
    })),
  };
}

/**
 * Sets a follow-up's status from the session page. "not-found" when the session or the action is
 * not one the viewer may see; "forbidden" when they may see but not change it (a co-trainer).
 */
export async function updateFollowUpStatus(
  db: Db,
  viewer: Viewer,
  input: { sessionId: string; followUpId: string; status: FollowUpStatus },
  now = new Date(),
): Promise<"updated" | "not-found" | "forbidden"> {
  const action = await db.followUpAction.findFirst({
    where: { id: input.followUpId, accompanimentSessionId: input.sessionId },
    select: {
      id: true,
      status: true,
      accompanimentSession: { select: { trainerId: true, cohortId: true, isSensitive: true } },
    },
  });
  if (!action || !canViewSession(viewer, action.accompanimentSession)) return "not-found";
  if (!canUpdateFollowUps(viewer, action.accompanimentSession)) return "forbidden";
  if (action.status !== input.status) {
    await db.followUpAction.update({
      where: { id: action.id },
      data: { status: input.status, closedAt: input.status === "open" ? null : now },
    });
  }
  return "updated";
}
