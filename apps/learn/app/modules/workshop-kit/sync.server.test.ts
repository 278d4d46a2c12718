import { randomUUID } from "node:crypto";
import { seedDemo } from "@peacelearn/db";
import { describe, expect, it } from "vitest";
import { createCohort } from "~/modules/courses/test-fixtures";
import { getPrePostTests } from "~/modules/evaluation/tests.server";
import { useTestDatabase } from "~/test/database";
import { signIn } from "~/test/sign-in.server";
import { type KitCommand, parseKitBatch } from "./commands";
import { loadKitChanges } from "./pull.server";
import { applyKitCommands } from "./push.server";
import { loadKitWorkshops } from "./workshops.server";

// The kit's sync (ADR 030) against a real database: a batch applies once whatever the replays,
// attendance goes to the last writer by device time (ties by command id), walk-ins become roster
// entries without an account, and the pull hands back only what arrived after its cursor.

let cohortId = "";
let sessionId = "";
let trainerId = "";
let members: string[] = [];
const now = new Date("2026-12-08T12:00:00Z");

let courseId = "";

const getDb = useTestDatabase(async (db) => {
  await seedDemo(db, { now });
  // The demo course has a pre- and post-test in forms A and B (ADR 029).
  courseId = (
    await db.course.findFirstOrThrow({
      where: { prePostTests: { some: {} } },
      select: { id: true },
    })
  ).id;
  members = [
    (await signIn(db, { name: "Amina Kamara" })).id,
    (await signIn(db, { name: "Binta Sesay" })).id,
  ];
  trainerId = (await signIn(db, { name: "Kit Trainer", roles: ["trainee", "trainer"] })).id;
  const cohort = await createCohort(db, {
    courseId,
    region: "west-africa",
    memberIds: members,
  });
  cohortId = cohort.id;
  await db.cohortTrainer.create({ data: { cohortId, userId: trainerId } });
  sessionId = (
    await db.cohortSession.create({
      data: { cohortId, title: "Village hall", startsAt: new Date("2026-12-08T09:00:00Z") },
    })
  ).id;
});

const at = (minute: number) => new Date(Date.UTC(2026, 11, 8, 10, minute));
type Person = { userId: string } | { walkInId: string };
const mark = (person: Person, status: string, minute: number, id = randomUUID()) =>
  ({ kind: "attendance", id, at: at(minute), person, status }) as KitCommand;
const push = (commands: KitCommand[]) =>
  applyKitCommands(getDb(), {
    cohortId,
    courseId,
    sessionId,
    recorderId: trainerId,
    commands,
    now,
  });

describe("pushing a kit's commands", () => {
  it("applies a batch once: a replay and a racing copy change nothing", async () => {
    const db = getDb();
    const walkInId = randomUUID();
    const batch: KitCommand[] = [
      {
        kind: "walk-in",
        id: walkInId,
        at: at(1),
        displayName: "Fatu Walk-in",
        gender: "woman",
        ageBand: "18-29",
      },
      mark({ walkInId }, "present", 2),
      mark({ userId: members[0] ?? "" }, "present", 3),
      mark({ userId: members[1] ?? "" }, "late", 4),
    ];
    const first = await push(batch);
    expect(first.applied).toEqual(batch.map((command) => command.id));
    expect(first.duplicates).toEqual([]);
    const [again, racing] = await Promise.all([push(batch), push(batch)]);
    expect(again.applied).toEqual([]);
    expect(again.duplicates).toHaveLength(4);
    expect(racing.applied).toEqual([]);
    expect(await db.workshopKitCommand.count({ where: { cohortSessionId: sessionId } })).toBe(4);
    expect(
      await db.workshopWalkIn.findMany({ where: { cohortSessionId: sessionId } }),
    ).toMatchObject([
      {
        id: walkInId,
        displayName: "Fatu Walk-in",
        gender: "woman",
        ageBand: "18-29",
        status: "present",
        userId: null,
      },
    ]);
    const register = await db.attendanceRecord.findMany({
      where: { cohortSessionId: sessionId },
      orderBy: { status: "asc" },
      select: { userId: true, status: true, recordedAt: true },
    });
    expect(register).toEqual([
      { userId: members[1], status: "late", recordedAt: at(4) },
      { userId: members[0], status: "present", recordedAt: at(3) },
    ]);
    // The walk-in's name is kept once, on her row, not in the command log.
    const stored = await db.workshopKitCommand.findFirstOrThrow({ where: { clientId: walkInId } });
    expect(JSON.stringify(stored.payload)).not.toContain("Fatu");
  });

  it("keeps the latest mark by device time, whatever order the devices send in, ties by id", async () => {
    const db = getDb();
    const person = { userId: members[0] ?? "" };
    // Device B (synced first) marked her absent at 10:20; device A, later online, had marked her
    // late at 10:10: A's older mark must not overwrite B's.
    await push([mark(person, "absent", 20)]);
    await push([mark(person, "late", 10)]);
    const status = async () =>
      (
        await db.attendanceRecord.findFirstOrThrow({
          where: { cohortSessionId: sessionId, userId: members[0] ?? "" },
        })
      ).status;
    expect(await status()).toBe("absent");
    // Same millisecond: the larger UUID wins, on every device and here.
    await push([mark(person, "excused", 30, "00000000-0000-4000-8000-000000000001")]);
    await push([mark(person, "present", 30, "ffffffff-0000-4000-8000-000000000001")]);
    await push([mark(person, "late", 30, "80000000-0000-4000-8000-000000000001")]);
    expect(await status()).toBe("present");
  });

  it("takes a clock that runs ahead as the time of arrival", async () => {
    const db = getDb();
    const person = { userId: members[1] ?? "" };
    const future = {
      ...mark(person, "absent", 0),
      at: new Date("2030-01-01T00:00:00Z"),
    } as KitCommand;
    await push([future]);
    const record = await db.attendanceRecord.findFirstOrThrow({
      where: { cohortSessionId: sessionId, userId: members[1] ?? "" },
    });
    expect(record).toMatchObject({ status: "absent", recordedAt: now });
  });

  it("refuses marks for people on neither the roster nor the workshop's walk-ins", async () => {
    const db = getDb();
    const stranger = (await signIn(db, { name: "Not a member" })).id;
    const strangerMark = mark({ userId: stranger }, "present", 5);
    const ghostMark = mark({ walkInId: randomUUID() }, "present", 5);
    const result = await push([strangerMark, ghostMark]);
    expect(result.refused).toEqual([
      { id: strangerMark.id, reason: "not-on-roster" },
      { id: ghostMark.id, reason: "unknown-walk-in" },
    ]);
    expect(await db.attendanceRecord.count({ where: { userId: stranger } })).toBe(0);
  });
});

describe("answers to the tests", () => {
  it("records a member's answer set once as her attempt; a walk-in's stays in the log", async () => {
    const db = getDb();
    const tests = await getPrePostTests(db, courseId, "en");
    const pre = tests?.pre.B;
    if (!pre) throw new Error("the demo course has no pre-test");
    const answers = Object.fromEntries(
      pre.questions.map((question) => [question.key, [question.options[0]?.key ?? ""]]),
    );
    const walkInId = randomUUID();
    const member = members[1] ?? "";
    const batch: KitCommand[] = [
      {
        kind: "walk-in",
        id: walkInId,
        at: at(50),
        displayName: "Test walk-in",
        gender: "not-recorded",
        ageBand: "unknown",
      },
      {
        kind: "test-answers",
        id: randomUUID(),
        at: at(51),
        person: { userId: member },
        testId: pre.checkId,
        answers,
      },
      {
        kind: "test-answers",
        id: randomUUID(),
        at: at(52),
        person: { walkInId },
        testId: pre.checkId,
        answers,
      },
    ];
    expect((await push(batch)).applied).toHaveLength(3);
    expect((await push(batch)).duplicates).toHaveLength(3);
    const attempts = await db.prePostTestAttempt.findMany({
      where: { userId: member },
      select: { clientId: true, knowledgeCheckId: true, recordedById: true, takenAt: true },
    });
    expect(attempts).toEqual([
      {
        clientId: batch[1]?.id,
        knowledgeCheckId: pre.checkId,
        recordedById: trainerId,
        takenAt: at(51),
      },
    ]);
    expect(
      await db.workshopKitCommand.count({
        where: { cohortSessionId: sessionId, kind: "test-answers" },
      }),
    ).toBe(2);
  });

  it("refuses answers to a check that is not one of the course's tests", async () => {
    const practice = await getDb().knowledgeCheck.findFirstOrThrow({
      where: { kind: "practice" },
      select: { id: true },
    });
    const command: KitCommand = {
      kind: "test-answers",
      id: randomUUID(),
      at: at(53),
      person: { userId: members[0] ?? "" },
      testId: practice.id,
      answers: {},
    };
    expect((await push([command])).refused).toEqual([{ id: command.id, reason: "unknown-test" }]);
  });
});

describe("reading a batch", () => {
  it("names the field of the first problem", () => {
    expect(parseKitBatch("{")).toMatchObject({ ok: false, field: "batch" });
    expect(parseKitBatch(JSON.stringify({ commands: [] }))).toMatchObject({
      ok: false,
      field: "batch.commands",
    });
    const bad = {
      kind: "attendance",
      id: randomUUID(),
      at: "2026-12-08T10:00:00Z",
      person: { userId: "u" },
      status: "asleep",
    };
    expect(parseKitBatch(JSON.stringify({ commands: [bad] }))).toMatchObject({
      ok: false,
      field: "batch.commands.0.status",
    });
    const good = { ...bad, status: "present" };
    expect(parseKitBatch(JSON.stringify({ commands: [good, good] }))).toMatchObject({
      ok: false,
      field: "batch.commands.1.id",
    });
    const many = Array.from({ length: 101 }, () => ({ ...good, id: randomUUID() }));
    expect(parseKitBatch(JSON.stringify({ commands: many }))).toMatchObject({
      ok: false,
      field: "batch.commands",
    });
    const walkIn = {
      kind: "walk-in",
      id: randomUUID(),
      at: "2026-12-08T10:00:00+01:00",
      displayName: "A\u0000",
    };
    expect(parseKitBatch(JSON.stringify({ commands: [walkIn] }))).toMatchObject({
      field: "batch.commands.0.displayName",
    });
  });
});

describe("pulling changes", () => {
  it("gives the roster, then only what arrived after the cursor", async () => {
    const db = getDb();
    const first = await loadKitChanges(db, { cohortId, sessionId, since: 0n, locale: "en" });
    expect(first?.roster.map((person) => person.displayName)).toEqual([
      "Amina Kamara",
      "Binta Sesay",
    ]);
    expect(first?.walkIns.map((walkIn) => walkIn.displayName).sort()).toEqual([
      "Fatu Walk-in",
      "Test walk-in",
    ]);
    expect(first?.tests?.pre.A.form).toBe("A");
    expect(
      Object.values(first?.forms ?? {})
        .map((forms) => forms.pre)
        .sort(),
    ).toEqual(["A", "B"]);
    expect(first?.marks.filter((m) => m.id === "")).toHaveLength(2);
    const cursor = BigInt(first?.cursor ?? "0");
    const nothing = await loadKitChanges(db, { cohortId, sessionId, since: cursor, locale: "en" });
    expect(nothing).toMatchObject({ cursor: String(cursor), walkIns: [], marks: [] });
    const walkInId = randomUUID();
    await push([
      {
        kind: "walk-in",
        id: walkInId,
        at: at(40),
        displayName: "Second",
        gender: "prefer-not-to-say",
        ageBand: "unknown",
      },
      mark({ walkInId }, "late", 41),
    ]);
    const next = await loadKitChanges(db, { cohortId, sessionId, since: cursor, locale: "en" });
    expect(next?.walkIns.map((walkIn) => walkIn.id)).toEqual([walkInId]);
    expect(next?.marks).toEqual([
      { person: `w:${walkInId}`, status: "late", at: at(41).toISOString(), id: expect.any(String) },
    ]);
    expect(BigInt(next?.cursor ?? "0")).toBeGreaterThan(cursor);
    expect(
      await loadKitChanges(db, { cohortId: "other", sessionId, since: 0n, locale: "en" }),
    ).toBeNull();
  });

  it("counts what arrived on the trainer's list of workshops", async () => {
    const db = getDb();
    const [workshop] = await loadKitWorkshops(db, {
      user: { id: trainerId, roles: ["trainer"] },
      now,
    });
    const walkIns = await db.workshopWalkIn.count({ where: { cohortSessionId: sessionId } });
    const marks = await db.workshopKitCommand.count({
      where: { cohortSessionId: sessionId, kind: "attendance" },
    });
    expect(workshop).toMatchObject({
      id: sessionId,
      received: { walkIns, attendance: marks, testAnswers: 2 },
      register: { members: 2, walkIns: 3 },
    });
    expect(
      await loadKitWorkshops(db, { user: { id: members[0] ?? "", roles: ["trainer"] }, now }),
    ).toEqual([]);
  });
});
