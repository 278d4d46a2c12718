import type { Db } from "@peacelearn/db";
import {
  getPrePostTests,
  type PrePostTests,
  type TestAssignment,
  testFormsForCohort,
} from "~/modules/evaluation/tests.server";

/** A mark as the kit merges it: who, what, when (device time), and its command id for ties. */
type PulledMark = { person: string; status: string; at: string; id: string };

export type KitChanges = {
  /** Pass it back as `since` to get only what arrived after this answer. */
  cursor: string;
  workshop: { id: string; title: string; startsAt: string; place: string | null; cohort: string };
  /** The whole roster every time (it is small, and a full list carries removals too). */
  roster: Array<{ userId: string; displayName: string }>;
  /** Walk-ins added (by any device) after `since`. */
  walkIns: Array<{ id: string; displayName: string; gender: string; ageBand: string }>;
  /**
   * Attendance after `since`: the kit marks that arrived since, and, on a first pull, the marks
   * already on the register (those from the attendance sheet carry the id "", so a kit mark of the same millisecond wins, as on the server).
   */
  marks: PulledMark[];
  /** The course's pre- and post-test in forms A and B (no correct answers); null when it has none. */
  tests: PrePostTests | null;
  /** Which forms each member takes (ADR 029); walk-ins continue the alternation on the device. */
  forms: Record<string, TestAssignment>;
};

/** Parses a `since` query value: a non-negative whole number, else the start (0). */
export function parseCursor(value: string | null): bigint {
  return value && /^\d{1,18}$/.test(value) ? BigInt(value) : 0n;
}

/**
 * What a kit learns from the server since `since` (ADR 030): the roster, new walk-ins and new
 * attendance marks, and the course's tests. A bounded number of queries whatever the sizes; null when the workshop is not the cohort's.
 */
export async function loadKitChanges(
  db: Db,
  {
    cohortId,
    sessionId,
    since,
    locale,
  }: { cohortId: string; sessionId: string; since: bigint; locale: string },
): Promise<KitChanges | null> {
  const workshop = await db.cohortSession.findFirst({
    where: { id: sessionId, cohortId },
    select: {
      id: true,
      title: true,
      startsAt: true,
      place: true,
      cohort: { select: { name: true, courseId: true } },
    },
  });
  if (!workshop) return null;
  const [members, commands, walkIns, sheet, tests, forms] = await Promise.all([
    db.cohortMembership.findMany({
      where: { cohortId },
      select: { user: { select: { id: true, displayName: true } } },
    }),
    db.workshopKitCommand.findMany({
      where: { cohortSessionId: sessionId, seq: { gt: since } },
      orderBy: { seq: "asc" },
      select: {
        seq: true,
        clientId: true,
        kind: true,
        personKey: true,
        payload: true,
        recordedAt: true,
      },
    }),
    db.workshopWalkIn.findMany({
      where: { cohortSessionId: sessionId },
      select: { id: true, displayName: true, gender: true, ageBand: true },
    }),
    since === 0n
      ? db.attendanceRecord.findMany({
          where: { cohortSessionId: sessionId },
          select: { userId: true, status: true, recordedAt: true },
        })
      : Promise.resolve([]),
    getPrePostTests(db, workshop.cohort.courseId, locale),
    testFormsForCohort(db, cohortId),
  ]);
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  const newWalkIns = new Set(
    commands.filter((command) => command.kind === "walk-in").map((command) => command.clientId),
  );
  const last = commands.at(-1)?.seq ?? since;
  return {
    cursor: String(last),
    workshop: {
      id: workshop.id,
      title: workshop.title,
      startsAt: workshop.startsAt.toISOString(),
      place: workshop.place,
      cohort: workshop.cohort.name,
    },
    roster: members
      .map(({ user }) => ({ userId: user.id, displayName: user.displayName }))
      .sort(
        (a, b) =>
          collator.compare(a.displayName, b.displayName) || a.userId.localeCompare(b.userId),
      ),
    walkIns: walkIns.filter((walkIn) => since === 0n || newWalkIns.has(walkIn.id)),
    marks: [
      ...sheet.map((record) => ({
        person: `u:${record.userId}`,
        status: record.status,
        at: record.recordedAt.toISOString(),
        id: "",
      })),
      ...commands
        .filter((command) => command.kind === "attendance")
        .map((command) => ({
          person: command.personKey,
          status: (command.payload as { status: string }).status,
          at: command.recordedAt.toISOString(),
          id: command.clientId,
        })),
    ],
    tests,
    forms: Object.fromEntries(forms),
  };
}
