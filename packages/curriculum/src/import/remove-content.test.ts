import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "@peacelearn/db";
import { createTestDb, type TestDb } from "@peacelearn/db/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadCurriculum } from "../load-curriculum";
import type { Curriculum } from "../model";
import { coursesDir } from "../paths";
import { activeContent, RETIRED_POSITION } from "./course-records";
import { importCurriculum } from "./import-curriculum";
import { contentCounts, copyCourses, editYaml } from "./test-helpers";

let testDb: TestDb;
let db: Db;
let real: Curriculum;
let userId: string;
let copy: ReturnType<typeof copyCourses>;

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  real = await loadCurriculum(coursesDir);
  await importCurriculum(db, real);
  const user = await db.user.create({ data: { email: "learner@example.org", displayName: "L" } });
  userId = user.id;
});
afterAll(async () => {
  await testDb?.close();
});
beforeEach(() => {
  copy = copyCourses();
});
afterEach(async () => {
  copy.remove();
  // Back to the real courses: revives what a test retired, recreates what it deleted.
  await importCurriculum(db, real);
  await db.lessonProgress.deleteMany();
  await db.knowledgeCheckAttempt.deleteMany();
});

function sourceModule(course: string, module: string) {
  const mod = real.courses.find((c) => c.slug === course)?.modules.find((m) => m.slug === module);
  if (!mod) throw new Error(`no module ${course}/${module}`);
  return mod;
}

/** Deletes a lesson file in every locale and keeps course.yaml's minute total right. */
function removeLessonFiles(course: string, moduleDir: string, file: string) {
  const mod = sourceModule(course, moduleDir.slice(3));
  const lesson = mod.lessons.find(
    (l) => `${String(l.position).padStart(2, "0")}-${l.slug}.md` === file,
  );
  if (!lesson) throw new Error(`no lesson ${file}`);
  for (const locale of ["en", "fr"]) rmSync(join(copy.dir, course, locale, moduleDir, file));
  editYaml(join(copy.dir, course, "course.yaml"), (data) => {
    data.estimatedMinutes = Number(data.estimatedMinutes) - lesson.estimatedMinutes;
  });
}

const lessonWhere = (course: string, module: string, key: string) => ({
  key,
  module: { key: module, course: { key: course } },
});

describe("content removed from the source", () => {
  it("deletes an unreferenced lesson and retires one with learner progress", async () => {
    const kept = await db.lesson.findFirstOrThrow({
      where: lessonWhere("wps-in-practice", "monitoring-naps", "shadow-reports"),
    });
    await db.lessonProgress.create({ data: { userId, lessonId: kept.id } });
    removeLessonFiles("wps-in-practice", "03-monitoring-naps", "03-shadow-reports.md");
    removeLessonFiles(
      "gender-conflict-foundations",
      "02-different-impacts",
      "03-after-the-fighting.md",
    );
    const edited = await loadCurriculum(copy.dir);
    const before = await contentCounts(db);

    const report = await importCurriculum(db, edited);

    expect(report.lessons).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 22,
      retired: 1,
      deleted: 1,
    });
    expect(await db.lesson.findUnique({ where: { id: kept.id } })).toMatchObject({
      position: RETIRED_POSITION,
    });
    expect(await db.lessonProgress.count({ where: { lessonId: kept.id } })).toBe(1);
    expect(
      await db.lesson.count({
        where: lessonWhere(
          "gender-conflict-foundations",
          "different-impacts",
          "after-the-fighting",
        ),
      }),
    ).toBe(0);
    // What the app lists: wps-in-practice's 14 lessons (the author's count) less the retired one.
    expect(
      await db.lesson.count({
        where: { ...activeContent, module: { course: { key: "wps-in-practice" } } },
      }),
    ).toBe(13);
    const after = await contentCounts(db);
    expect(after.lessons).toBe(before.lessons - 1);
    expect(after.lessonTranslations).toBe(before.lessonTranslations - 2);

    // Importing the same source again finds nothing more to do.
    const again = await importCurriculum(db, edited);
    expect(again.lessons).toMatchObject({ unchanged: 22, retired: 0, deleted: 0, updated: 0 });

    // Back in the source: the retired lesson is revived with its id (and its learners' progress).
    const restored = await importCurriculum(db, real);
    expect(restored.lessons).toMatchObject({ created: 1, updated: 1, unchanged: 22 });
    expect(await db.lesson.findUnique({ where: { id: kept.id } })).toMatchObject({ position: 3 });
  });

  it("retires questions of an attempted check and deletes those of an unattempted one", async () => {
    const attempted = await db.knowledgeCheck.findFirstOrThrow({
      where: { module: { key: "monitoring-naps", course: { key: "wps-in-practice" } } },
    });
    await db.knowledgeCheckAttempt.create({
      data: {
        knowledgeCheckId: attempted.id,
        userId,
        idempotencyKey: "attempt-1",
        answers: { disaggregation: ["true"] },
        score: 100,
        passed: true,
      },
    });
    const dropQuestion = (path: string, id: string) => {
      for (const locale of ["en", "fr"]) {
        editYaml(join(copy.dir, path.replace("{locale}", locale)), (data) => {
          data.questions = (data.questions as { id: string }[]).filter((q) => q.id !== id);
        });
      }
    };
    dropQuestion("wps-in-practice/{locale}/03-monitoring-naps/check.yaml", "disaggregation");
    dropQuestion("wps-in-practice/{locale}/01-wps-resolutions/check.yaml", "pillars");

    const report = await importCurriculum(db, await loadCurriculum(copy.dir));

    expect(report.questions).toMatchObject({ retired: 1, deleted: 1, created: 0 });
    const retired = await db.knowledgeCheckQuestion.findFirstOrThrow({
      where: { knowledgeCheckId: attempted.id, key: "disaggregation" },
      include: { options: true, translations: true },
    });
    expect(retired.position).toBe(RETIRED_POSITION);
    // Its options and text stay, so the attempt's answers can still be shown.
    expect(retired.options.map((o) => o.key).sort()).toEqual(["false", "true"]);
    expect(retired.translations).toHaveLength(2);
    expect(
      await db.knowledgeCheckQuestion.count({
        where: { key: "pillars", knowledgeCheck: { module: { key: "wps-resolutions" } } },
      }),
    ).toBe(0);
  });

  it("retires a removed module while a lesson of it has progress, deleting the rest", async () => {
    const mod = sourceModule("wps-in-practice", "advocacy-bridging");
    const lesson = await db.lesson.findFirstOrThrow({
      where: lessonWhere("wps-in-practice", "advocacy-bridging", "bridging-dialogue"),
    });
    await db.lessonProgress.create({ data: { userId, lessonId: lesson.id } });
    for (const locale of ["en", "fr"]) {
      rmSync(join(copy.dir, "wps-in-practice", locale, "05-advocacy-bridging"), {
        recursive: true,
      });
    }
    editYaml(join(copy.dir, "wps-in-practice/course.yaml"), (data) => {
      data.modules = (data.modules as string[]).filter((slug) => slug !== mod.slug);
      const minutes = mod.lessons.reduce((sum, l) => sum + l.estimatedMinutes, 0);
      data.estimatedMinutes = Number(data.estimatedMinutes) - minutes - mod.check.estimatedMinutes;
    });

    const report = await importCurriculum(db, await loadCurriculum(copy.dir));

    expect(report.modules).toMatchObject({ retired: 1, deleted: 0, unchanged: 8 });
    expect(report.lessons).toMatchObject({ retired: 1, deleted: mod.lessons.length - 1 });
    expect(report.questions).toMatchObject({ deleted: mod.check.questions.length, retired: 0 });
    const stored = await db.module.findFirstOrThrow({
      where: { key: mod.slug, course: { key: "wps-in-practice" } },
      include: { lessons: true, knowledgeChecks: true },
    });
    expect(stored.position).toBe(RETIRED_POSITION);
    expect(stored.lessons.map((l) => [l.id, l.position])).toEqual([[lesson.id, RETIRED_POSITION]]);
    expect(stored.knowledgeChecks).toEqual([]);
  });
});
