import { describe, expect, it } from "vitest";
import { coursesDir, loadCurriculum, summariseCurriculum } from "./index";
import type { Course } from "./model";

/** Every id in a course, per locale, in order: the structure that en and fr must share. */
function structure(course: Course, locale: "en" | "fr") {
  return course.modules.map((mod) => ({
    module: mod.slug,
    hasText: Boolean(mod.translations[locale]),
    lessons: mod.lessons.map((lesson) => [lesson.slug, Boolean(lesson.translations[locale])]),
    questions: mod.check.questions.map((question) => ({
      id: question.id,
      kind: question.kind,
      prompt: Boolean(question.translations[locale]),
      options: question.options.map((option) => [
        option.id,
        option.isCorrect,
        Boolean(option.translations[locale]),
      ]),
    })),
  }));
}

describe("the programme's courses", () => {
  it("load and validate", async () => {
    const curriculum = await loadCurriculum(coursesDir);
    expect(curriculum.courses.map((course) => course.slug)).toEqual([
      "gender-conflict-foundations",
      "wps-in-practice",
    ]);
  });

  it("have the same structure, ids and correct answers in English and French", async () => {
    const curriculum = await loadCurriculum(coursesDir);
    for (const course of curriculum.courses) {
      expect(course.locales).toEqual(["en", "fr"]);
      expect(course.translations.en?.title).toBeTruthy();
      expect(course.translations.fr?.title).toBeTruthy();
      expect(structure(course, "fr")).toEqual(structure(course, "en"));
      // Every entity has text in every locale: no "missing translation" flag anywhere.
      const missing = JSON.stringify(structure(course, "en")).match(
        /,false\]|"hasText":false|"prompt":false/g,
      );
      expect(missing).toBeNull();
    }
  });

  it("meet the programme's size rules: 4–6 modules of 2–4 lessons, checks of 3–5 mixed questions", async () => {
    const curriculum = await loadCurriculum(coursesDir);
    for (const course of curriculum.courses) {
      expect(course.modules.length).toBeGreaterThanOrEqual(4);
      expect(course.modules.length).toBeLessThanOrEqual(6);
      const kinds = new Set<string>();
      for (const mod of course.modules) {
        expect(mod.lessons.length).toBeGreaterThanOrEqual(2);
        expect(mod.lessons.length).toBeLessThanOrEqual(4);
        expect(mod.check.questions.length).toBeGreaterThanOrEqual(3);
        expect(mod.check.questions.length).toBeLessThanOrEqual(5);
        for (const question of mod.check.questions) kinds.add(question.kind);
        for (const lesson of mod.lessons) {
          // Lessons are written to be ~300–600 words in English; French runs longer.
          const words = lesson.translations.en?.wordCount ?? 0;
          expect(words, lesson.slug).toBeGreaterThanOrEqual(300);
          expect(words, lesson.slug).toBeLessThanOrEqual(650);
          expect(lesson.translations.fr?.bodyMarkdown).toMatch(
            /> \[!(NOTE|TIP|IMPORTANT|WARNING)\]/,
          );
        }
      }
      expect([...kinds].sort()).toEqual(["multiple", "single", "true-false"]);
    }
  });

  it("reports progress once per file, up to the total", async () => {
    const calls: [number, number, string][] = [];
    await loadCurriculum(coursesDir, {
      onProgress: (done, total, file) => calls.push([done, total, file]),
    });
    const total = calls[0]?.[1] ?? 0;
    // Counted by hand from the tree: 2 course.yaml, then per locale 2 course.md, 9 module.md,
    // 24 lessons, 9 check.yaml and 2 tests.yaml: 2 + 2 × (2 + 9 + 24 + 9 + 2) = 94.
    expect(total).toBe(94);
    expect(calls.map(([done]) => done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(calls.map(([, , file]) => file)).size).toBe(total);
  });

  it("summarises per locale", async () => {
    const [foundations] = summariseCurriculum(await loadCurriculum(coursesDir));
    expect(foundations?.perLocale.map((row) => [row.locale, row.modules, row.lessons])).toEqual([
      ["en", 4, 10],
      ["fr", 4, 10],
    ]);
    // course.yaml declares 81 minutes and the loader checks it against the lessons and checks.
    expect(foundations?.perLocale[0]?.estimatedMinutes).toBe(81);
  });
});
