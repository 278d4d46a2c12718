import type { Db } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideTestDatabase } from "~/lib/db.server";
import { newAttemptToken } from "~/modules/assessment/attempts.server";
import { answerFields } from "~/modules/assessment/test-fixtures.server";
import { loadCohortCourse } from "~/modules/cohorts/course-structure.server";
import { createCohort, createCourse } from "~/modules/courses/test-fixtures";
import { loader as courseLoader } from "~/routes/courses/course";
import { action as lessonAction } from "~/routes/courses/lessons/lesson";
import { action as checkAction, loader as checkLoader } from "~/routes/courses/modules/check";
import { locationOf } from "~/test/matchers";
import { callRoute, formPost, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

// Issue 11: content the curriculum importer retired (position 0, kept because learners have
// progress on it; see `RETIRED_POSITION` in @peacelearn/curriculum) is 404 and hidden on the
// course page, so it must be out of the completion rule and of the cohort grid as well.

let db: Db;
let close: () => Promise<void>;
let course: Awaited<ReturnType<typeof createCourse>>;

const COURSE = "retired-content";

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  provideTestDatabase(db);
  course = await createCourse(db, {
    key: COURSE,
    modules: [
      { key: "m1", lessons: [{ key: "a" }, { key: "gone" }, { key: "b" }] },
      { key: "old", hasCheck: true, lessons: [{ key: "o1" }] },
      { key: "m2", hasCheck: true, lessons: [{ key: "c" }] },
    ],
  });
  // What the importer does to content that left the source but has learner data.
  await db.lesson.update({
    where: { id: course.lessonIds["m1/gone"] },
    data: { position: 0 },
  });
  await db.module.updateMany({ where: { courseId: course.id, key: "old" }, data: { position: 0 } });
  // One single-choice question on m2's check, so it can be passed through the form.
  await db.knowledgeCheckQuestion.create({
    data: {
      knowledgeCheckId: course.checkIds.m2 as string,
      key: "q1",
      position: 1,
      kind: "single",
      translations: { create: { locale: "en", prompt: "Which?" } },
      options: {
        create: [
          { key: "right", position: 1, isCorrect: true },
          { key: "wrong", position: 2, isCorrect: false },
        ],
      },
    },
  });
}, 60_000);
afterAll(async () => close());

const cookie = (token: string) => ({ Cookie: `peacelearn_session=${token}` });

function completeLesson(token: string, lessonKey: string) {
  return callRoute(
    lessonAction,
    formPost(`/courses/${COURSE}/lessons/${lessonKey}`, { intent: "complete" }, cookie(token)),
    { params: { courseKey: COURSE, lessonKey } },
  );
}

function passCheck(token: string) {
  return callRoute(
    checkAction,
    formPost(
      `/courses/${COURSE}/modules/m2/check`,
      answerFields({ q1: ["right"] }, newAttemptToken()),
      cookie(token),
    ),
    { params: { courseKey: COURSE, moduleKey: "m2" } },
  );
}

const location = (outcome: unknown) => locationOf(outcome);

describe("completing a course with retired content", () => {
  it("issues the certificate when the last visible lesson is completed", async () => {
    const learner = await signIn(db, { name: "amina" });
    expect(location(await passCheck(learner.token))).toMatch(/\?attempt=/);
    for (const key of ["a", "b"]) await completeLesson(learner.token, key);
    expect(await db.certificate.count({ where: { userId: learner.id } })).toBe(0);

    const last = await completeLesson(learner.token, "c");
    expect(location(last)).toBe(`/courses/${COURSE}/certificate`);
    expect(await db.certificate.count({ where: { userId: learner.id } })).toBe(1);
  });

  it("issues the certificate when the last visible check is passed", async () => {
    const learner = await signIn(db, { name: "beatrice" });
    for (const key of ["a", "b", "c"]) await completeLesson(learner.token, key);
    expect(await db.certificate.count({ where: { userId: learner.id } })).toBe(0);

    await passCheck(learner.token);
    expect(await db.certificate.count({ where: { userId: learner.id } })).toBe(1);
    const enrolment = await db.enrolment.findFirstOrThrow({ where: { userId: learner.id } });
    expect(enrolment.completedAt).not.toBeNull();
  });
});

describe("what is in a course", () => {
  it("has no knowledge check in a retired module", async () => {
    const learner = await signIn(db, { name: "dalia" });
    const outcome = await callRoute(
      checkLoader,
      pageGet(`/courses/${COURSE}/modules/old/check`, learner.token),
      { params: { courseKey: COURSE, moduleKey: "old" } },
    );
    expect((outcome as Response).status).toBe(404);
  });

  it("is the same on the cohort grid as on the course page", async () => {
    const trainee = await signIn(db, { name: "chiara" });
    const cohort = await createCohort(db, { courseId: course.id, region: "west-africa" });
    const page = (await callRoute(courseLoader, pageGet(`/courses/${COURSE}`, trainee.token), {
      params: { courseKey: COURSE },
    })) as { data: { outline: { modules: Array<{ key: string; lessons: { key: string }[] }> } } };
    const grid = await loadCohortCourse(db, cohort.id, "en");

    const shape = (modules: ReadonlyArray<{ key: string; lessons: { key: string }[] }>) =>
      modules.map((module) => [module.key, module.lessons.map((lesson) => lesson.key)]);
    // By hand: "old" and "gone" are retired; the rest in curriculum order.
    const expected = [
      ["m1", ["a", "b"]],
      ["m2", ["c"]],
    ];
    expect(shape(page.data.outline.modules)).toEqual(expected);
    expect(shape(grid?.modules ?? [])).toEqual(expected);
    expect(grid?.modules.map((module) => module.checks.map((check) => check.key))).toEqual([
      [],
      ["m2-check"],
    ]);
  });
});
