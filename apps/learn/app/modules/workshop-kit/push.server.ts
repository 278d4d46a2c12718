import type { Db, DbTransaction } from "@peacelearn/db";
import { recordTestAttempt } from "~/modules/evaluation/tests.server";
import { type KitCommand, personKeyOf } from "./commands";
import { clampToArrival, latestMarks } from "./last-writer";

/** Why a command was not applied; it never will be, so the kit stops sending it. */
type RefusalReason =
  | "not-on-roster"
  | "unknown-walk-in"
  /** Not one of the four forms of the cohort's course's pre/post test. */
  | "unknown-test"
  /** The test's own checks refused the answer set (recordTestAttempt's reason). */
  | "invalid-answers";

export type PushResult = {
  /** Applied now, by this request. */
  applied: string[];
  /** Applied before (a replay, or another request with the same commands): nothing changed. */
  duplicates: string[];
  refused: Array<{ id: string; reason: RefusalReason }>;
};

type Workshop = { cohortId: string; courseId: string; sessionId: string; recorderId: string };

/**
 * Applies a kit's batch once (ADR 030): each command is stored under its UUID, unique per
 * workshop, and its effect is made only by the request whose insert took it — a replay, or two
 * requests racing with the same batch, applies nothing twice. Attendance then goes to the winner
 * among every mark of that person (last writer by device time). One transaction, a bounded
 * number of queries per batch (the batch itself is bounded).
 */
export async function applyKitCommands(
  db: Db,
  { commands, now, ...workshop }: Workshop & { commands: readonly KitCommand[]; now: Date },
): Promise<PushResult> {
  const { result, testForms } = await db.$transaction(async (tx) => {
    const ids = commands.map((command) => command.id);
    const already = new Set(
      (
        await tx.workshopKitCommand.findMany({
          where: { cohortSessionId: workshop.sessionId, clientId: { in: ids } },
          select: { clientId: true },
        })
      ).map((row) => row.clientId),
    );
    const fresh = commands.filter((command) => !already.has(command.id));
    const refused = await refusals(tx, workshop, fresh);
    const accepted = fresh.filter((command) => !refused.has(command.id));

    const inserted = new Set(
      (
        await tx.workshopKitCommand.createManyAndReturn({
          data: accepted.map((command) => ({
            cohortSessionId: workshop.sessionId,
            clientId: command.id,
            kind: command.kind,
            personKey: personKeyOf(command),
            payload: storedPayload(command),
            recordedAt: clampToArrival(command.at, now),
            recordedById: workshop.recorderId,
          })),
          // Another request with the same commands got there first: its insert applies them.
          skipDuplicates: true,
          select: { clientId: true },
        })
      ).map((row) => row.clientId),
    );
    const applied = accepted.filter((command) => inserted.has(command.id));

    const walkIns = applied.filter((command) => command.kind === "walk-in");
    if (walkIns.length > 0) {
      await tx.workshopWalkIn.createMany({
        data: walkIns.map((command) => ({
          id: command.id,
          cohortSessionId: workshop.sessionId,
          displayName: command.displayName,
          gender: command.gender,
          ageBand: command.ageBand,
        })),
        skipDuplicates: true,
      });
    }
    const marked = applied.filter((command) => command.kind === "attendance");
    if (marked.length > 0) {
      await settleAttendance(tx, workshop, [...new Set(marked.map(personKeyOf))]);
    }

    const result: PushResult = {
      applied: applied.map((command) => command.id),
      duplicates: commands
        .filter(
          (command) =>
            already.has(command.id) || (!refused.has(command.id) && !inserted.has(command.id)),
        )
        .map((command) => command.id),
      refused: [...refused].map(([id, reason]) => ({ id, reason })),
    };
    return { result, testForms: await courseTestForms(tx, workshop.courseId, commands) };
  });
  await recordMembersAnswers(db, workshop, commands, result, testForms, now);
  return result;
}

/**
 * Members' answer sets become test attempts through the evaluation module, which is idempotent on
 * (learner, client id): every accepted one of the batch is offered, new or replayed, so an attempt
 * lost between the log's commit and its own insert is made by the next push. Walk-ins' answers
 * stay in the command log until the walk-in is linked to an account (ADR 030).
 */
async function recordMembersAnswers(
  db: Db,
  workshop: Workshop,
  commands: readonly KitCommand[],
  result: PushResult,
  testForms: Map<string, string>,
  now: Date,
) {
  const refused = new Set(result.refused.map((item) => item.id));
  for (const command of commands) {
    if (command.kind !== "test-answers" || refused.has(command.id)) continue;
    if (!("userId" in command.person)) continue;
    const outcome = await recordTestAttempt(
      db,
      {
        userId: command.person.userId,
        checkId: command.testId,
        form: testForms.get(command.testId) as "A" | "B",
        answers: command.answers,
        clientId: command.id,
        takenAt: clampToArrival(command.at, now),
        recordedBy: workshop.recorderId,
      },
      now,
    );
    if (outcome.kind === "invalid") {
      result.applied = result.applied.filter((id) => id !== command.id);
      result.duplicates = result.duplicates.filter((id) => id !== command.id);
      result.refused.push({ id: command.id, reason: "invalid-answers" });
    }
  }
}

/** The form ("A" | "B") of each pre/post test of the course named by the batch's answer sets. */
async function courseTestForms(
  tx: DbTransaction,
  courseId: string,
  commands: readonly KitCommand[],
): Promise<Map<string, string>> {
  const testIds = [
    ...new Set(
      commands.flatMap((command) => (command.kind === "test-answers" ? [command.testId] : [])),
    ),
  ];
  if (testIds.length === 0) return new Map();
  const checks = await tx.knowledgeCheck.findMany({
    where: { id: { in: testIds }, courseId, kind: { in: ["pre", "post"] }, form: { not: null } },
    select: { id: true, form: true },
  });
  return new Map(checks.map((check) => [check.id, check.form ?? ""]));
}

/** What is kept of a command: everything but the walk-in's name (kept once, on her row). */
function storedPayload(command: KitCommand) {
  const { at: _at, id: _id, ...rest } = command;
  if (rest.kind === "walk-in") {
    const { displayName: _name, ...withoutName } = rest;
    return withoutName;
  }
  return rest;
}

/** Commands about someone who is neither on the cohort's roster nor a walk-in of this workshop. */
async function refusals(
  tx: DbTransaction,
  workshop: Workshop,
  commands: readonly KitCommand[],
): Promise<Map<string, RefusalReason>> {
  const userIds = new Set<string>();
  const walkInIds = new Set<string>();
  for (const command of commands) {
    if (command.kind === "walk-in") continue;
    if ("userId" in command.person) userIds.add(command.person.userId);
    else walkInIds.add(command.person.walkInId);
  }
  const members = new Set(
    userIds.size === 0
      ? []
      : (
          await tx.cohortMembership.findMany({
            where: { cohortId: workshop.cohortId, userId: { in: [...userIds] } },
            select: { userId: true },
          })
        ).map((row) => row.userId),
  );
  const knownWalkIns = new Set([
    ...commands.filter((command) => command.kind === "walk-in").map((command) => command.id),
    ...(walkInIds.size === 0
      ? []
      : (
          await tx.workshopWalkIn.findMany({
            where: { cohortSessionId: workshop.sessionId, id: { in: [...walkInIds] } },
            select: { id: true },
          })
        ).map((row) => row.id)),
  ]);
  const tests = await courseTestForms(tx, workshop.courseId, commands);
  const refused = new Map<string, RefusalReason>();
  for (const command of commands) {
    if (command.kind === "walk-in") continue;
    if (command.kind === "test-answers" && !tests.has(command.testId)) {
      refused.set(command.id, "unknown-test");
      continue;
    }
    if ("userId" in command.person) {
      if (!members.has(command.person.userId)) refused.set(command.id, "not-on-roster");
    } else if (!knownWalkIns.has(command.person.walkInId)) {
      refused.set(command.id, "unknown-walk-in");
    }
  }
  return refused;
}

/**
 * Writes each person's winning mark: members to AttendanceRecord (the register every page and
 * report reads), walk-ins to their own row. A member's record written later on the attendance
 * sheet (its time is the server's clock at saving) stays when it is newer than every kit mark.
 */
async function settleAttendance(tx: DbTransaction, workshop: Workshop, personKeys: string[]) {
  const marks = await tx.workshopKitCommand.findMany({
    where: {
      cohortSessionId: workshop.sessionId,
      kind: "attendance",
      personKey: { in: personKeys },
    },
    select: { clientId: true, personKey: true, recordedAt: true, payload: true },
  });
  const winners = latestMarks(
    marks.map((mark) => ({
      id: mark.clientId,
      at: mark.recordedAt,
      personKey: mark.personKey,
      status: (mark.payload as { status: string }).status,
    })),
    (mark) => mark.personKey,
  );
  const memberWinners = new Map<string, { id: string; at: Date; status: string }>();
  for (const [key, winner] of winners) {
    if (key.startsWith("u:")) memberWinners.set(key.slice(2), winner);
    else {
      await tx.workshopWalkIn.updateMany({
        where: { id: key.slice(2), cohortSessionId: workshop.sessionId },
        data: { status: winner.status, statusRecordedAt: winner.at, statusCommandId: winner.id },
      });
    }
  }
  if (memberWinners.size === 0) return;
  const records = new Map(
    (
      await tx.attendanceRecord.findMany({
        where: { cohortSessionId: workshop.sessionId, userId: { in: [...memberWinners.keys()] } },
        select: { id: true, userId: true, status: true, recordedAt: true },
      })
    ).map((record) => [record.userId, record]),
  );
  const toCreate = [];
  for (const [userId, winner] of memberWinners) {
    const record = records.get(userId);
    if (!record) {
      toCreate.push({
        cohortSessionId: workshop.sessionId,
        userId,
        status: winner.status,
        recordedById: workshop.recorderId,
        recordedAt: winner.at,
      });
    } else if (record.recordedAt.getTime() <= winner.at.getTime()) {
      await tx.attendanceRecord.update({
        where: { id: record.id },
        data: { status: winner.status, recordedAt: winner.at, recordedById: workshop.recorderId },
      });
    }
  }
  if (toCreate.length > 0) {
    await tx.attendanceRecord.createMany({ data: toCreate, skipDuplicates: true });
  }
}
