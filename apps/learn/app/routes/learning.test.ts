import type { Db } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideTestDatabase } from "~/lib/db.server";
import { createCourse } from "~/modules/courses/test-fixtures";
import { loadDashboard } from "~/modules/learning/dashboard.server";
import { loader } from "~/routes/learning";
import { callRoute, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  provideTestDatabase(db);
}, 60_000);
afterAll(async () => close());

const SECRET_NOTE = "Sensitive: threatened by a relative on 3 March";

describe("my learning", () => {
  it("asks visitors to sign in", async () => {
    const outcome = await callRoute(loader, pageGet("/learning"));
    expect(outcome).toRedirectTo("/login?redirectTo=%2Flearning");
  });

  it("shows progress, completed courses with certificates and open follow-ups, never notes", async () => {
    const me = await signIn(db, { name: "me" });
    const other = await signIn(db, { name: "other" });
    const trainer = await signIn(db, { roles: ["trainer"], name: "trainer" });
    const started = await createCourse(db, {
      key: "started",
      modules: [
        { key: "m1", lessons: [{ key: "a" }, { key: "b" }, { key: "c" }] },
        { key: "m2", lessons: [{ key: "d" }] },
      ],
    });
    const viaCohort = await createCourse(db, {
      key: "via-cohort",
      modules: [{ key: "m1", lessons: [{ key: "a" }, { key: "b" }] }],
    });
    const finished = await createCourse(db, {
      key: "finished",
      modules: [{ key: "m1", lessons: [{ key: "a" }] }],
    });
    await db.enrolment.createMany({
      data: [
        { userId: me.id, courseId: started.id, source: "self" },
        { userId: me.id, courseId: viaCohort.id, source: "cohort" },
        {
          userId: me.id,
          courseId: finished.id,
          source: "self",
          completedAt: new Date("2026-03-01T10:00:00Z"),
        },
        { userId: other.id, courseId: started.id, source: "self" },
      ],
    });
    await db.certificate.create({
      data: { userId: me.id, courseId: finished.id, verificationCode: "PL-TEST-0001" },
    });
    await db.lessonProgress.createMany({
      data: [
        { userId: me.id, lessonId: started.lessonIds["m1/a"] ?? "", completedAt: new Date() },
        { userId: me.id, lessonId: started.lessonIds["m2/d"] ?? "", completedAt: new Date() },
        { userId: me.id, lessonId: started.lessonIds["m1/b"] ?? "" },
        { userId: me.id, lessonId: finished.lessonIds["m1/a"] ?? "", completedAt: new Date() },
        // Someone else's progress in the same course must not count for me.
        { userId: other.id, lessonId: started.lessonIds["m1/c"] ?? "", completedAt: new Date() },
      ],
    });
    const session = (traineeId: string) =>
      db.accompanimentSession.create({
        data: {
          trainerId: trainer.id,
          traineeId,
          occurredOn: new Date("2026-03-02T00:00:00Z"),
          mode: "phone",
          activityType: "accompaniment",
          notes: SECRET_NOTE,
          isSensitive: true,
        },
        select: { id: true },
      });
    const mine = await session(me.id);
    const theirs = await session(other.id);
    await db.followUpAction.createMany({
      data: [
        {
          accompanimentSessionId: mine.id,
          ownerId: me.id,
          description: "Draft the letter",
          dueOn: new Date("2026-03-09T00:00:00Z"),
        },
        {
          accompanimentSessionId: mine.id,
          ownerId: trainer.id,
          description: "Send the NAP text",
          dueOn: new Date("2026-03-20T00:00:00Z"),
        },
        {
          accompanimentSessionId: mine.id,
          ownerId: me.id,
          description: "Done already",
          dueOn: new Date("2026-03-05T00:00:00Z"),
          status: "done",
        },
        {
          accompanimentSessionId: theirs.id,
          ownerId: other.id,
          description: "Not mine",
          dueOn: new Date("2026-03-06T00:00:00Z"),
        },
      ],
    });

    const outcome = await callRoute(loader, pageGet("/learning", me.token));
    const data = (outcome as { data: Awaited<ReturnType<typeof loadDashboard>> }).data;

    expect(data.inProgress.map((course) => [course.key, course.source, course.progress])).toEqual(
      expect.arrayContaining([
        // 2 of 4 lessons (a, d) completed; b only viewed; c completed by someone else.
        ["started", "self", { completed: 2, total: 4, percent: 50 }],
        ["via-cohort", "cohort", { completed: 0, total: 2, percent: 0 }],
      ]),
    );
    expect(data.inProgress).toHaveLength(2);
    expect(data.completed.map((course) => [course.key, course.hasCertificate])).toEqual([
      ["finished", true],
    ]);
    expect(data.followUps.map((action) => [action.description, action.owner])).toEqual([
      ["Draft the letter", "me"],
      ["Send the NAP text", "trainer"],
    ]);
    expect(JSON.stringify(data)).not.toContain(SECRET_NOTE);
  }, 30_000);

  it("flags follow-ups due before today as overdue, not those due today", async () => {
    const me = await signIn(db);
    const session = await db.accompanimentSession.create({
      data: {
        traineeId: me.id,
        occurredOn: new Date("2026-03-01T00:00:00Z"),
        mode: "online",
        activityType: "accompaniment",
      },
      select: { id: true },
    });
    await db.followUpAction.createMany({
      data: [
        {
          accompanimentSessionId: session.id,
          ownerId: me.id,
          description: "yesterday",
          dueOn: new Date("2026-03-09T00:00:00Z"),
        },
        {
          accompanimentSessionId: session.id,
          ownerId: me.id,
          description: "today",
          dueOn: new Date("2026-03-10T00:00:00Z"),
        },
      ],
    });
    const dashboard = await loadDashboard(db, {
      userId: me.id,
      locale: "en",
      now: new Date("2026-03-10T18:00:00Z"),
    });
    expect(dashboard.followUps.map((action) => [action.description, action.isOverdue])).toEqual([
      ["yesterday", true],
      ["today", false],
    ]);
    expect(dashboard.inProgress).toEqual([]);
  });
});
