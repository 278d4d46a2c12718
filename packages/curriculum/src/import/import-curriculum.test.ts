import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { type Db, isUniqueViolation } from "@peacelearn/db";
import { createTestDb, type TestDb } from "@peacelearn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCurriculum } from "../load-curriculum";
import type { Curriculum } from "../model";
import { coursesDir } from "../paths";
import { CurriculumImportError } from "./curriculum-import-error";
import { importCurriculum } from "./import-curriculum";
import { changedRows, contentCounts, contentSnapshot, copyCourses, editYaml } from "./test-helpers";

let testDb: TestDb;
let db: Db;
let real: Curriculum;
const publishedAt = new Date("2026-11-01T00:00:00Z");

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  real = await loadCurriculum(coursesDir);
});
afterAll(async () => {
  await testDb?.close();
});

const contentVersion = async () =>
  (await db.contentVersion.findUniqueOrThrow({ where: { id: 1 } })).version;

/** What the loaded model says the database should hold (two locales per translated row). */
function expectedCounts(curriculum: Curriculum) {
  const modules = curriculum.courses.flatMap((course) => course.modules);
  // Each test form is imported twice: as a pre-test and as a post-test (ADR 029).
  const testForms = curriculum.courses.flatMap((course) =>
    course.tests ? [course.tests.forms.A, course.tests.forms.B] : [],
  );
  const testQuestions = testForms.flatMap((form) => [...form.questions, ...form.questions]);
  const questions = [...modules.flatMap((mod) => mod.check.questions), ...testQuestions];
  const options = questions.flatMap((question) => question.options).length;
  const lessons = modules.flatMap((mod) => mod.lessons).length;
  const courses = curriculum.courses.length;
  return {
    courses,
    courseTranslations: courses * 2,
    modules: modules.length,
    moduleTranslations: modules.length * 2,
    lessons,
    lessonTranslations: lessons * 2,
    checks: modules.length + testForms.length * 2,
    checkTranslations: (modules.length + testForms.length * 2) * 2,
    questions: questions.length,
    questionTranslations: questions.length * 2,
    options,
    optionTranslations: options * 2,
  };
}

describe("importCurriculum with the programme's two courses", () => {
  it("creates every course, module, lesson, check, question and option once", async () => {
    const steps: string[] = [];
    const report = await importCurriculum(db, real, {
      now: publishedAt,
      onProgress: (done, total, item) => steps.push(`${done}/${total} ${item}`),
    });

    expect(await contentCounts(db)).toEqual(expectedCounts(real));
    // Hand-counted by the courses' author: gender-conflict-foundations 4 modules / 10 lessons /
    // 16 questions, wps-in-practice 5 / 14 / 24; and each a test of two forms of 5 questions.
    for (const [key, modules, lessons, questions] of [
      ["gender-conflict-foundations", 4, 10, 16],
      ["wps-in-practice", 5, 14, 24],
    ] as const) {
      const course = { module: { course: { key } } };
      expect(await db.module.count({ where: { course: { key } } })).toBe(modules);
      expect(await db.lesson.count({ where: course })).toBe(lessons);
      expect(await db.knowledgeCheckQuestion.count({ where: { knowledgeCheck: course } })).toBe(
        questions,
      );
    }
    expect(report.courses).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(report.modules.created).toBe(9);
    expect(report.lessons.created).toBe(24);
    for (const key of ["gender-conflict-foundations", "wps-in-practice"]) {
      const tests = await db.knowledgeCheck.findMany({
        where: { course: { key } },
        select: {
          key: true,
          kind: true,
          form: true,
          moduleId: true,
          _count: { select: { questions: true } },
        },
        orderBy: { key: "asc" },
      });
      expect(tests).toEqual(
        ["post-a", "post-b", "pre-a", "pre-b"].map((testKey) => ({
          key: testKey,
          kind: testKey.slice(0, -2),
          form: testKey.slice(-1).toUpperCase(),
          moduleId: null,
          _count: { questions: 5 },
        })),
      );
    }
    // 40 in module checks, and 2 courses × 2 forms × 5 questions, each form as pre and post: 40.
    expect(report.questions.created).toBe(80);
    // One step per course (2), module (9), lesson (24) and check (9).
    expect(steps).toHaveLength(44);
    expect(steps.at(-1)).toBe("44/44 wps-in-practice/advocacy-bridging/check");
  });

  it("stores the source's text, order and answers", async () => {
    const wps = real.courses[1];
    const mod = wps?.modules[0];
    const lesson = mod?.lessons[0];
    const question = mod?.check.questions[0];
    if (!wps || !mod || !lesson || !question) throw new Error("unexpected course shape");

    const course = await db.course.findUniqueOrThrow({
      where: { key: "wps-in-practice" },
      include: { translations: { where: { locale: "fr" } } },
    });
    expect(course.publishedAt).toEqual(publishedAt);
    // course.yaml lists every region and both themes, in the vocabularies' order.
    expect(course).toMatchObject({
      regions: wps.regions,
      themes: wps.themes,
      activityType: wps.activityType,
    });
    expect(course.regions).toEqual(["west-africa", "south-asia", "great-lakes", "south-caucasus"]);
    expect(course.translations[0]).toMatchObject({
      slug: "wps-in-practice",
      title: wps.translations.fr?.title,
      summary: wps.translations.fr?.summary,
    });
    const storedLesson = await db.lessonTranslation.findFirstOrThrow({
      where: { locale: "fr", lesson: { key: lesson.slug, module: { key: mod.slug } } },
      include: { lesson: true },
    });
    expect(storedLesson).toMatchObject({
      title: lesson.translations.fr?.title,
      body: lesson.translations.fr?.bodyMarkdown,
      estimatedMinutes: lesson.estimatedMinutes,
      lesson: { position: 1 },
    });
    const check = await db.knowledgeCheck.findFirstOrThrow({
      where: { module: { key: mod.slug, course: { key: wps.slug } } },
      include: {
        questions: {
          orderBy: { position: "asc" },
          include: { options: { orderBy: { position: "asc" }, include: { translations: true } } },
        },
      },
    });
    expect(check.passMark).toBe(mod.check.passMark);
    expect(check.questions.map((q) => q.key)).toEqual(mod.check.questions.map((q) => q.id));
    const options = check.questions[0]?.options ?? [];
    expect(options.map((o) => [o.key, o.isCorrect])).toEqual(
      question.options.map((o) => [o.id, o.isCorrect]),
    );
    const fr = options[0]?.translations.find((t) => t.locale === "fr");
    expect(fr).toMatchObject({
      label: question.options[0]?.translations.fr?.text,
      feedback: question.options[0]?.translations.fr?.feedback,
    });
  });

  it("changes nothing when the same content is imported again", async () => {
    const before = await contentSnapshot(db);
    const versionBefore = await contentVersion();
    const report = await importCurriculum(db, real);
    expect(changedRows(before, await contentSnapshot(db))).toEqual([]); // ids, text, updatedAt
    // Not even a no-op UPDATE: the content tables' statement triggers would bump the version.
    expect(await contentVersion()).toBe(versionBefore);
    expect(report.courses).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(report.modules).toMatchObject({ created: 0, updated: 0, unchanged: 9 });
    expect(report.lessons).toMatchObject({ created: 0, updated: 0, unchanged: 24 });
    expect(report.questions).toMatchObject({ created: 0, updated: 0, unchanged: 80 });
  });

  it("updates only the course row when its regions, themes or activity type change", async () => {
    const copy = copyCourses();
    try {
      editYaml(join(copy.dir, "wps-in-practice/course.yaml"), (data) => {
        data.regions = ["south-caucasus", "west-africa"];
        data.themes = ["access-to-justice-and-security"];
        data.activityType = "accompaniment";
      });
      const edited = await loadCurriculum(copy.dir);
      const wps = await db.course.findUniqueOrThrow({ where: { key: "wps-in-practice" } });
      const before = await contentSnapshot(db);

      const report = await importCurriculum(db, edited);

      expect(changedRows(before, await contentSnapshot(db))).toEqual([`course:${wps.id}`]);
      expect(report.courses).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
      expect(report.modules).toMatchObject({ updated: 0, unchanged: 9 });
      const stored = await db.course.findUniqueOrThrow({ where: { id: wps.id } });
      expect(stored).toMatchObject({
        // Vocabulary order, not the file's: the order of a set is not content.
        regions: ["west-africa", "south-caucasus"],
        themes: ["access-to-justice-and-security"],
        activityType: "accompaniment",
        publishedAt: wps.publishedAt,
      });

      // The same file again, regions still listed in the other order: nothing to write.
      const again = await contentSnapshot(db);
      expect((await importCurriculum(db, edited)).courses).toMatchObject({
        updated: 0,
        unchanged: 2,
      });
      expect(changedRows(again, await contentSnapshot(db))).toEqual([]);
    } finally {
      copy.remove();
      await importCurriculum(db, real);
    }
  });

  it("fills the metadata of a course stored before the database had it", async () => {
    // What the course_metadata migration leaves on a course imported earlier.
    await db.course.update({
      where: { key: "gender-conflict-foundations" },
      data: { regions: [], themes: [], activityType: null },
    });
    const report = await importCurriculum(db, real);
    expect(report.courses).toMatchObject({ updated: 1, unchanged: 1 });
    const gender = real.courses.find((course) => course.slug === "gender-conflict-foundations");
    if (!gender) throw new Error("unexpected curriculum");
    expect(
      await db.course.findUniqueOrThrow({
        where: { key: "gender-conflict-foundations" },
        select: { regions: true, themes: true, activityType: true },
      }),
    ).toEqual({
      regions: gender.regions,
      themes: gender.themes,
      activityType: gender.activityType,
    });
  });

  it("updates only the French translation of an edited lesson", async () => {
    const copy = copyCourses();
    try {
      const file = join(
        copy.dir,
        "wps-in-practice/fr/02-national-action-plans/01-what-a-nap-is.md",
      );
      appendFileSync(file, "\nUne phrase ajoutée pour le test.\n");
      const edited = await loadCurriculum(copy.dir);
      const before = await contentSnapshot(db);

      const report = await importCurriculum(db, edited);

      const changed = changedRows(before, await contentSnapshot(db));
      expect(changed).toHaveLength(1);
      const row = await db.lessonTranslation.findUniqueOrThrow({
        where: { id: changed[0]?.replace("lessonTranslation:", "") },
        include: { lesson: true },
      });
      expect(row).toMatchObject({ locale: "fr", lesson: { key: "what-a-nap-is" } });
      expect(row.body).toMatch(/Une phrase ajoutée pour le test\.$/);
      expect(report.lessons).toMatchObject({ updated: 1, unchanged: 23 });
      expect(report.modules.unchanged).toBe(9);
      expect(report.questions.unchanged).toBe(80);
    } finally {
      copy.remove();
      await importCurriculum(db, real);
    }
  });

  it("computes a dry run's report and writes nothing", async () => {
    const copy = copyCourses();
    try {
      appendFileSync(
        join(copy.dir, "gender-conflict-foundations/en/02-different-impacts/02-men-and-boys.md"),
        "\nAn added sentence.\n",
      );
      const before = await contentSnapshot(db);
      const report = await importCurriculum(db, await loadCurriculum(copy.dir), { dryRun: true });
      expect(report).toMatchObject({ dryRun: true, lessons: { updated: 1, unchanged: 23 } });
      expect(changedRows(before, await contentSnapshot(db))).toEqual([]);
    } finally {
      copy.remove();
    }
  });

  it("rolls everything back when a write fails half-way", async () => {
    const broken = structuredClone(real);
    const [gender, wps] = broken.courses;
    if (!gender || !wps) throw new Error("unexpected curriculum");
    // Written first: a change the rollback must undo.
    if (gender.translations.en) gender.translations.en.title = "Changed before the failure";
    // Then a new course whose module holds two lessons with one key: the database's unique
    // (moduleId, key) constraint rejects the second insert.
    const probe = structuredClone(wps);
    probe.slug = "rollback-probe";
    const [first, second] = probe.modules[2]?.lessons ?? [];
    if (!first || !second) throw new Error("unexpected module");
    second.slug = first.slug;
    broken.courses.push(probe);

    const before = await contentSnapshot(db);
    const failure = await importCurriculum(db, broken).catch((error: unknown) => error);
    expect(isUniqueViolation(failure)).toBe(true);
    expect(changedRows(before, await contentSnapshot(db))).toEqual([]);
    expect(await db.course.count({ where: { key: "rollback-probe" } })).toBe(0);
  });

  it("names the course holding a slug instead of failing on the constraint", async () => {
    const squatter = await db.course.create({
      data: {
        key: "created-in-the-app",
        translations: {
          create: { locale: "fr", slug: "probe-course", title: "Un autre cours", summary: "" },
        },
      },
    });
    try {
      const probe = structuredClone(real);
      const course = probe.courses[0];
      if (!course) throw new Error("unexpected curriculum");
      course.slug = "probe-course";
      const before = await contentSnapshot(db);
      const failure = await importCurriculum(db, probe).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(CurriculumImportError);
      expect((failure as Error).message).toMatch(
        /course\.yaml — slug "probe-course" \(fr\) is already used by course "created-in-the-app"/,
      );
      expect(changedRows(before, await contentSnapshot(db))).toEqual([]);
    } finally {
      await db.course.delete({ where: { id: squatter.id } });
    }
  });
});
