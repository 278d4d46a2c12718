import { seedDemo } from "@peacelearn/db";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import {
  getPrePostTests,
  learnerTestStatus,
  recordTestAttempt,
  testFormsForCohort,
  testFormsForLearner,
} from "./tests.server";

const NOW = new Date("2026-11-27T10:00:00Z");
const getDb = useTestDatabase((db) => seedDemo(db, { now: NOW }));

async function demoCourseId() {
  const course = await getDb().course.findFirstOrThrow({
    where: { prePostTests: { some: {} } },
    select: { id: true },
  });
  return course.id;
}

async function newLearner(email: string) {
  return getDb().user.create({ data: { email, displayName: email }, select: { id: true } });
}

describe("getPrePostTests", () => {
  it("gives the four tests, without correct answers, in the reader's language", async () => {
    const tests = await getPrePostTests(getDb(), await demoCourseId(), "fr");
    expect(tests).not.toBeNull();
    expect(tests?.pre.A.questions.map((q) => q.key)).toEqual(
      tests?.post.A.questions.map((q) => q.key),
    );
    const a = new Set(tests?.pre.A.questions.map((q) => q.key));
    expect(tests?.pre.B.questions.some((q) => a.has(q.key))).toBe(false);
    expect(tests?.pre.A.title).toMatch(/^Avant le cours/);
    expect(tests?.post.B.form).toBe("B");
    expect(JSON.stringify(tests)).not.toMatch(/isCorrect|feedback/);
  });

  it("is null for a course without tests", async () => {
    const course = await getDb().course.create({ data: { key: "no-tests" }, select: { id: true } });
    expect(await getPrePostTests(getDb(), course.id, "en")).toBeNull();
  });
});

describe("recordTestAttempt", () => {
  it("grades on the server and stores once per client id, whatever a replay carries", async () => {
    const db = getDb();
    const tests = await getPrePostTests(db, await demoCourseId(), "en");
    const pre = tests?.pre.A;
    if (!pre) throw new Error("no pre-test");
    const learner = await newLearner("replay@example.org");
    // The demo form A: the ask goes in the first lines; 2000; a check-in is part of safety.
    const right = {
      "a-where-the-ask-goes": ["first-lines"],
      "a-1325-year": ["y2000"],
      "a-check-in": ["true"],
    };
    const input = {
      userId: learner.id,
      checkId: pre.checkId,
      form: "A" as const,
      answers: { ...right, "a-check-in": ["false"] },
      clientId: "kit-cmd-0001",
      takenAt: "2026-11-20T09:00:00Z",
      recordedBy: null,
    };
    const first = await recordTestAttempt(db, input, NOW);
    expect(first).toMatchObject({ kind: "recorded", attempt: { score: 66 } }); // 2 of 3, rounded down
    const replay = await recordTestAttempt(db, { ...input, answers: right }, NOW);
    expect(replay).toEqual({
      kind: "replayed",
      attempt: first.kind === "recorded" ? first.attempt : null,
    });
    // Two racing sends of the same command: one row.
    await Promise.all([
      recordTestAttempt(db, { ...input, clientId: "kit-cmd-0002" }, NOW),
      recordTestAttempt(db, { ...input, clientId: "kit-cmd-0002" }, NOW),
    ]);
    expect(await db.prePostTestAttempt.count({ where: { userId: learner.id } })).toBe(2);
  });

  it("refuses, naming the field, a form that is not the check's, a practice check, a future date, a reused client id", async () => {
    const db = getDb();
    const tests = await getPrePostTests(db, await demoCourseId(), "en");
    const learner = await newLearner("refused@example.org");
    const practice = await db.knowledgeCheck.findFirstOrThrow({ where: { kind: "practice" } });
    const base = {
      userId: learner.id,
      checkId: tests?.post.B.checkId ?? "",
      form: "B" as const,
      answers: {},
      clientId: "kit-cmd-1000",
      takenAt: NOW,
      recordedBy: null,
    };
    expect(await recordTestAttempt(db, { ...base, form: "A" }, NOW)).toMatchObject({
      kind: "invalid",
      field: "form",
    });
    expect(await recordTestAttempt(db, { ...base, checkId: practice.id }, NOW)).toMatchObject({
      kind: "invalid",
      field: "checkId",
    });
    expect(
      await recordTestAttempt(
        db,
        { ...base, takenAt: new Date(NOW.getTime() + 3 * 86_400_000) },
        NOW,
      ),
    ).toMatchObject({ kind: "invalid", field: "takenAt" });
    expect(await recordTestAttempt(db, { ...base, clientId: "x" }, NOW)).toMatchObject({
      kind: "invalid",
      field: "clientId",
    });
    expect(await recordTestAttempt(db, { ...base, userId: "nobody" }, NOW)).toMatchObject({
      kind: "invalid",
      field: "userId",
    });
    expect(await recordTestAttempt(db, base, NOW)).toMatchObject({
      kind: "recorded",
      attempt: { score: 0 },
    });
    // The same client id for another test: refused, the first stays.
    expect(
      await recordTestAttempt(db, { ...base, checkId: tests?.pre.B.checkId ?? "" }, NOW),
    ).toMatchObject({ kind: "invalid", field: "clientId" });
    expect(await db.prePostTestAttempt.count({ where: { userId: learner.id } })).toBe(1);
  });
});

describe("which form a learner takes", () => {
  it("splits a cohort in halves by roster order, A→B and B→A, and never repeats a form", async () => {
    const db = getDb();
    const cohort = await db.cohort.findFirstOrThrow({ select: { id: true, courseId: true } });
    const forms = await testFormsForCohort(db, cohort.id);
    const assignments = [...forms.values()];
    expect(assignments.length).toBeGreaterThan(10);
    for (const assignment of assignments) expect(assignment.post).not.toBe(assignment.pre);
    const preA = assignments.filter((assignment) => assignment.pre === "A").length;
    expect(Math.abs(preA - (assignments.length - preA))).toBeLessThanOrEqual(1);
    // Online, a member gets what the kit gives her.
    const [userId, expected] = [...forms.entries()][3] ?? [];
    expect(
      await testFormsForLearner(db, { userId: userId ?? "", courseId: cohort.courseId }),
    ).toEqual(expected);
  });

  it("gives the post-test in the other form of the pre-test on record, even if the roster says otherwise", async () => {
    const db = getDb();
    const courseId = await demoCourseId();
    const tests = await getPrePostTests(db, courseId, "en");
    const learner = await newLearner("moved@example.org");
    const before = await testFormsForLearner(db, { userId: learner.id, courseId });
    const taken = before.pre === "A" ? "B" : "A"; // she took the other one (a kit's roster differed)
    await recordTestAttempt(
      db,
      {
        userId: learner.id,
        checkId: tests?.pre[taken].checkId ?? "",
        form: taken,
        answers: {},
        clientId: "kit-cmd-2000",
        takenAt: NOW,
        recordedBy: null,
      },
      NOW,
    );
    expect(await testFormsForLearner(db, { userId: learner.id, courseId })).toEqual({
      pre: taken,
      post: before.pre,
    });
    expect(await learnerTestStatus(db, { userId: learner.id, courseId })).toEqual({
      pre: { score: 0, form: taken },
      post: null,
    });
  });
});
