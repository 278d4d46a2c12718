import type { Db } from "@peacelearn/db";
import { isOverdue, utcToday } from "./dates";

/** Enough for years of accompaniment; the page is one person's own actions. */
const FOLLOW_UP_LIMIT = 300;

export type TraineeFollowUp = {
  id: string;
  description: string;
  dueOn: Date;
  status: string;
  closedAt: Date | null;
  /** "me" when the trainee owns it, else the owner's name (their trainer), or null if unknown. */
  owner: { kind: "me" } | { kind: "other"; displayName: string | null };
  isOverdue: boolean;
  session: { occurredOn: Date; mode: string; trainerName: string | null };
};

/**
 * The follow-up actions agreed in sessions about `userId`, open ones first (soonest due first),
 * then closed ones (latest first). One query; the session's notes are deliberately not selected —
 * they are the trainer's, never the trainee's.
 */
export async function listTraineeFollowUps(
  db: Db,
  userId: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ open: TraineeFollowUp[]; closed: TraineeFollowUp[] }> {
  const today = utcToday(now);
  const rows = await db.followUpAction.findMany({
    where: { accompanimentSession: { traineeId: userId } },
    select: {
      id: true,
      description: true,
      dueOn: true,
      status: true,
      closedAt: true,
      ownerId: true,
      owner: { select: { displayName: true } },
      accompanimentSession: {
        select: { occurredOn: true, mode: true, trainer: { select: { displayName: true } } },
      },
    },
    orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
    take: FOLLOW_UP_LIMIT,
  });
  const actions: TraineeFollowUp[] = rows.map((row) => ({
    id: row.id,
    description: row.description,
    dueOn: row.dueOn,
    status: row.status,
    closedAt: row.closedAt,
    owner:
      row.ownerId === userId
        ? { kind: "me" }
        : { kind: "other", displayName: row.owner?.displayName ?? null },
    isOverdue: isOverdue(row, today),
    session: {
      occurredOn: row.accompanimentSession.occurredOn,
      mode: row.accompanimentSession.mode,
      trainerName: row.accompanimentSession.trainer?.displayName ?? null,
    },
  }));
  return {
    open: actions.filter((action) => action.status === "open"),
    closed: actions.filter((action) => action.status !== "open").reverse(),
  };
}

/**
 * The trainee marks an action done. Allowed for any action of a session about them, whoever owns
 * it: the trainee is the one who knows the meeting took place or the brief was sent. "not-found"
 * for anyone else's action (no hint that it exists). Marking a closed action again changes nothing.
 */
export async function markFollowUpDone(
  db: Db,
  userId: string,
  followUpId: string,
  now = new Date(),
): Promise<"done" | "not-found"> {
  const mine = { id: followUpId, accompanimentSession: { traineeId: userId } };
  const { count } = await db.followUpAction.updateMany({
    where: { ...mine, status: "open" },
    data: { status: "done", closedAt: now },
  });
  if (count > 0) return "done";
  const exists = await db.followUpAction.count({ where: mine });
  return exists > 0 ? "done" : "not-found";
}
