// The real courses of packages/curriculum, imported as the app's start script imports them.

import {
  activeContent as curriculumActiveContent,
  importBundledCourses,
} from "@peacelearn/curriculum";
import type { Db } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideTestDatabase } from "~/lib/db.server";
import { renderLessonMarkdown } from "~/modules/courses/markdown.server";
import { loadCourseOutline } from "~/modules/courses/outline.server";
import { activeContent } from "~/modules/courses/translation";
import { loader as catalogueLoader } from "~/routes/courses/index";
import { loader as lessonLoader } from "~/routes/courses/lessons/lesson";
import { callRoute, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  provideTestDatabase(db);
  await importBundledCourses(db);
}, 180_000);
afterAll(async () => close());

const titles = { note: "N", tip: "T", important: "I", warning: "W", caution: "C" };

describe("bundled courses", () => {
  it("skip retired content exactly as the importer marks it", () => {
    expect(activeContent).toEqual(curriculumActiveContent);
  });

  it("appear in the catalogue in English and French", async () => {
    const outcome = await callRoute(
      catalogueLoader,
      pageGet("/courses?language=fr", undefined, { "Accept-Language": "fr" }),
    );
    const { courses } = (outcome as { data: { courses: Array<Record<string, unknown>> } }).data;
    const keys = courses.map((course) => course.key);
    expect(keys).toEqual(
      expect.arrayContaining(["gender-conflict-foundations", "wps-in-practice"]),
    );
    for (const course of courses) {
      expect(course.locales).toEqual(["en", "fr"]);
      expect(course.title).toMatchObject({ lang: "fr" });
      expect(course.lessonCount).toBeGreaterThan(0);
    }
  });

  it("are found by the regions their course.yaml declares, with no cohort run yet", async () => {
    expect(await db.cohort.count()).toBe(0);
    const outcome = await callRoute(catalogueLoader, pageGet("/courses?region=south-caucasus"));
    const { courses } = (
      outcome as { data: { courses: Array<{ key: string; regions: string[] }> } }
    ).data;
    expect(courses.map((course) => course.key)).toEqual(
      expect.arrayContaining(["gender-conflict-foundations", "wps-in-practice"]),
    );
    // Both course.yaml files list all four programme regions.
    for (const course of courses) {
      expect(course.regions).toEqual([
        "west-africa",
        "south-asia",
        "great-lakes",
        "south-caucasus",
      ]);
    }
  });

  it("render every lesson safely, with every call-out turned into a note", async () => {
    const translations = await db.lessonTranslation.findMany({
      select: { locale: true, body: true, lesson: { select: { key: true } } },
    });
    expect(translations.length).toBeGreaterThan(20);
    let callouts = 0;
    for (const translation of translations) {
      const html = renderLessonMarkdown(translation.body, titles);
      const expected = translation.body.match(/^> \[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$/gm);
      const context = `${translation.lesson.key} (${translation.locale})`;
      expect(html.match(/<div class="callout callout-/g)?.length ?? 0, context).toBe(
        expected?.length ?? 0,
      );
      expect(html, context).not.toMatch(/<script|javascript:|\[!(NOTE|TIP|WARNING)/i);
      callouts += expected?.length ?? 0;
    }
    expect(callouts).toBeGreaterThan(5);
  }, 60_000);

  it("serve a real lesson page in French", async () => {
    const user = await signIn(db);
    const outline = await loadCourseOutline(db, "wps-in-practice", "fr");
    const lesson = outline?.modules[0]?.lessons[0];
    if (!lesson) throw new Error("wps-in-practice has no first lesson");
    const outcome = await callRoute(
      lessonLoader,
      pageGet(`/courses/wps-in-practice/lessons/${lesson.key}`, user.token, {
        "Accept-Language": "fr",
      }),
      { params: { courseKey: "wps-in-practice", lessonKey: lesson.key } },
    );
    const page = (outcome as { data: { contentLocale: string; html: string } }).data;
    expect(page.contentLocale).toBe("fr");
    expect(page.html).toContain('role="note"');
  });

  it("leave retired lessons out of the outline", async () => {
    const before = await loadCourseOutline(db, "wps-in-practice", "en");
    const first = before?.modules[0]?.lessons[0];
    if (!first) throw new Error("wps-in-practice has no first lesson");
    await db.lesson.update({ where: { id: first.id }, data: { position: 0 } });
    const after = await loadCourseOutline(db, "wps-in-practice", "en");
    expect(after?.modules[0]?.lessons.map((lesson) => lesson.id)).not.toContain(first.id);
    expect(after?.modules[0]?.lessons).toHaveLength((before?.modules[0]?.lessons.length ?? 0) - 1);
  });
});
