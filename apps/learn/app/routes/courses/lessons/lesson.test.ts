import type { Db } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideTestDatabase } from "~/lib/db.server";
import { createCohort, createCourse } from "~/modules/courses/test-fixtures";
import type { LessonPage } from "~/modules/learning/lesson-page.server";
import { action as lessonAction, loader as lessonLoader } from "~/routes/courses/lessons/lesson";
import { callRoute, formPost, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

let db: Db;
let close: () => Promise<void>;
let course: Awaited<ReturnType<typeof createCourse>>;

const body = [
  "# Staying safe",
  "",
  "> [!WARNING]",
  "> Keep contacts offline.",
  "",
  "<script>alert('x')</script>",
  "",
  "[call me](javascript:alert(1))",
].join("\n");

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  provideTestDatabase(db);
  course = await createCourse(db, {
    key: "safety",
    modules: [
      { key: "m1", hasCheck: true, lessons: [{ key: "a", body }, { key: "b" }] },
      { key: "m2", lessons: [{ key: "c", locales: ["en"] }, { key: "d" }] },
    ],
  });
}, 60_000);
afterAll(async () => close());

const params = (lessonKey: string) => ({ params: { courseKey: "safety", lessonKey } });
const view = (token: string, lessonKey: string, headers: Record<string, string> = {}) =>
  callRoute(
    lessonLoader,
    pageGet(`/courses/safety/lessons/${lessonKey}`, token, headers),
    params(lessonKey),
  );
const complete = (token: string, lessonKey: string) =>
  callRoute(
    lessonAction,
    formPost(
      `/courses/safety/lessons/${lessonKey}`,
      { intent: "complete" },
      { Cookie: `peacelearn_session=${token}` },
    ),
    params(lessonKey),
  );
const dataOf = (outcome: unknown) => (outcome as { data: LessonPage & { locale: string } }).data;

describe("lesson page", () => {
  it("asks visitors to sign in first", async () => {
    const outcome = await callRoute(
      lessonLoader,
      pageGet("/courses/safety/lessons/a"),
      params("a"),
    );
    expect(outcome).toRedirectTo("/login?redirectTo=%2Fcourses%2Fsafety%2Flessons%2Fa");
  });

  it("404s for an unknown course or lesson key", async () => {
    const user = await signIn(db);
    expect(((await view(user.token, "zzz")) as Response).status).toBe(404);
    const unknownCourse = await callRoute(
      lessonLoader,
      pageGet("/courses/nope/lessons/a", user.token),
      { params: { courseKey: "nope", lessonKey: "a" } },
    );
    expect((unknownCourse as Response).status).toBe(404);
  });

  it("renders sanitised Markdown with translated call-outs", async () => {
    const user = await signIn(db);
    const data = dataOf(await view(user.token, "a", { "Accept-Language": "fr" }));
    expect(data.contentLocale).toBe("fr");
    expect(data.html).not.toMatch(/<script|javascript:|alert/);
    expect(data.html).toContain('<div class="callout callout-warning" role="note">');
    expect(data.html).toContain('<p class="callout-title">Attention</p>');
    expect(data.html).toContain("<h2>Staying safe</h2>");
  });

  it("falls back to English, saying so, when the lesson is not translated", async () => {
    const user = await signIn(db);
    const data = dataOf(await view(user.token, "c", { "Accept-Language": "fr" }));
    expect(data.contentLocale).toBe("en");
    expect(data.locale).toBe("fr");
    expect(data.title).toBe("Lesson c (en)");
  });

  it("enrols on first view and records lastViewedAt in one row", async () => {
    const user = await signIn(db);
    await view(user.token, "b");
    const first = await db.lessonProgress.findFirstOrThrow({ where: { userId: user.id } });
    await view(user.token, "b");
    const rows = await db.lessonProgress.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.completedAt).toBeNull();
    expect(rows[0]?.startedAt).toEqual(first.startedAt);
    expect(rows[0]?.lastViewedAt.getTime()).toBeGreaterThanOrEqual(first.lastViewedAt.getTime());
    const enrolment = await db.enrolment.findFirstOrThrow({ where: { userId: user.id } });
    expect(enrolment.source).toBe("self");
  });

  it("writes a repeat view only when it moves resume or an hour-old activity time", async () => {
    const user = await signIn(db);
    const progressOf = async (lessonKey: string) =>
      db.lessonProgress.findFirstOrThrow({
        where: { userId: user.id, lesson: { key: lessonKey, module: { courseId: course.id } } },
      });
    await view(user.token, "a");
    await view(user.token, "b");
    const b = await progressOf("b");
    // Re-reading the latest lesson within the hour is a pure read.
    await view(user.token, "b");
    expect((await progressOf("b")).lastViewedAt).toEqual(b.lastViewedAt);
    // Going back to an earlier lesson makes it the latest: resume must point there.
    await view(user.token, "a");
    expect((await progressOf("a")).lastViewedAt.getTime()).toBeGreaterThan(
      b.lastViewedAt.getTime(),
    );
    // An hour later, re-reading the latest lesson counts as activity again.
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await db.lessonProgress.updateMany({
      where: { userId: user.id },
      data: { lastViewedAt: twoHoursAgo },
    });
    await db.lessonProgress.update({
      where: { id: (await progressOf("a")).id },
      data: { lastViewedAt: new Date(twoHoursAgo.getTime() + 1000) },
    });
    await view(user.token, "a");
    expect((await progressOf("a")).lastViewedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("shows content changes on the next request (the content cache follows every write)", async () => {
    const user = await signIn(db);
    const before = dataOf(await view(user.token, "d"));
    const translation = await db.lessonTranslation.findFirstOrThrow({
      where: { lesson: { key: "d", module: { courseId: course.id } }, locale: "en" },
    });
    // A plain SQL write, as an operator might make: no application code is told about it.
    await db.$executeRaw`UPDATE "LessonTranslation" SET "title" = 'Renamed in the database', "body" = 'New **body**' WHERE "id" = ${translation.id}`;
    try {
      const after = dataOf(await view(user.token, "d"));
      expect(after.title).not.toBe(before.title);
      expect(after.title).toBe("Renamed in the database");
      expect(after.html).toContain("<strong>body</strong>");
      await db.lesson.updateMany({
        where: { key: "d", module: { courseId: course.id } },
        data: { position: 0 },
      });
      expect(((await view(user.token, "d")) as Response).status).toBe(404);
    } finally {
      await db.lesson.updateMany({
        where: { key: "d", module: { courseId: course.id } },
        data: { position: 2 },
      });
      await db.lessonTranslation.update({
        where: { id: translation.id },
        data: { title: translation.title, body: translation.body },
      });
    }
    expect(dataOf(await view(user.token, "d")).title).toBe(before.title);
  });

  it("enrols a cohort member with the cohort as source", async () => {
    const user = await signIn(db);
    await createCohort(db, { courseId: course.id, region: "west-africa", memberIds: [user.id] });
    await view(user.token, "a");
    expect((await db.enrolment.findFirstOrThrow({ where: { userId: user.id } })).source).toBe(
      "cohort",
    );
  });

  it("links previous and next across modules, and to the check at a module's end", async () => {
    const user = await signIn(db);
    const atEnd = dataOf(await view(user.token, "b"));
    expect(atEnd.previous).toEqual({ kind: "lesson", moduleKey: "m1", lessonKey: "a" });
    expect(atEnd.next).toEqual({ kind: "check", moduleKey: "m1" });
    const nextModule = dataOf(await view(user.token, "c"));
    expect(nextModule.previous).toEqual({ kind: "lesson", moduleKey: "m1", lessonKey: "b" });
    expect(dataOf(await view(user.token, "d")).next).toEqual({ kind: "course" });
  });
});

describe("mark as complete", () => {
  it("saves one completion, keeps its first time and goes to the next step", async () => {
    const user = await signIn(db);
    const first = (await complete(user.token, "a")) as Response;
    expect(first.status).toBe(303);
    expect(first).toRedirectTo("/courses/safety/lessons/b");
    const row = await db.lessonProgress.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.completedAt).not.toBeNull();

    await complete(user.token, "a");
    const rows = await db.lessonProgress.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.completedAt).toEqual(row.completedAt);
    expect(await db.enrolment.count({ where: { userId: user.id } })).toBe(1);
  });

  it("completes a lesson that was only viewed, and leads to the module's check", async () => {
    const user = await signIn(db);
    await view(user.token, "b");
    const outcome = (await complete(user.token, "b")) as Response;
    expect(outcome).toRedirectTo("/courses/safety/modules/m1/check");
    const row = await db.lessonProgress.findFirstOrThrow({
      where: { userId: user.id, lessonId: course.lessonIds["m1/b"] },
    });
    expect(row.completedAt).not.toBeNull();
    expect(dataOf(await view(user.token, "b")).isCompleted).toBe(true);
  });

  it("answers a bad intent with 400 and an unknown lesson with 404", async () => {
    const user = await signIn(db);
    const bad = await callRoute(
      lessonAction,
      formPost(
        "/courses/safety/lessons/a",
        { intent: "nope" },
        { Cookie: `peacelearn_session=${user.token}` },
      ),
      params("a"),
    );
    expect(bad).toHaveStatus(400);
    expect(((await complete(user.token, "zzz")) as Response).status).toBe(404);
    expect(await db.lessonProgress.count({ where: { userId: user.id } })).toBe(0);
  });
});
