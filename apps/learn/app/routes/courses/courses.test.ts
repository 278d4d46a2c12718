import type { Db } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import { createElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideTestDatabase } from "~/lib/db.server";
import { createI18n } from "~/lib/i18n";
import { I18nProvider } from "~/lib/i18n-react";
import { createCohort, createCourse } from "~/modules/courses/test-fixtures";
import type { CoursePage } from "~/modules/learning/course-page.server";
import { action as courseAction, loader as courseLoader } from "~/routes/courses/course";
import CataloguePage, { loader as catalogueLoader } from "~/routes/courses/index";
import { loader as resumeLoader } from "~/routes/courses/resume";
import { locationOf } from "~/test/matchers";
import { callRoute, formPost, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

let db: Db;
let close: () => Promise<void>;
let bilingual: Awaited<ReturnType<typeof createCourse>>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  provideTestDatabase(db);
  // Regions: bilingual declares south-caucasus and has a west-africa cohort; english-only
  // declares south-asia and has two cohorts there; french-only declares great-lakes and has no
  // cohort; the draft declares great-lakes but is not published.
  bilingual = await createCourse(db, {
    key: "bilingual",
    regions: ["south-caucasus"],
    modules: [
      { key: "m1", hasCheck: true, lessons: [{ key: "a" }, { key: "b" }] },
      { key: "m2", lessons: [{ key: "c" }, { key: "d", locales: ["en"] }] },
    ],
  });
  const englishOnly = await createCourse(db, {
    key: "english-only",
    locales: ["en"],
    regions: ["south-asia"],
    modules: [{ key: "m1", lessons: [{ key: "a" }] }],
  });
  await createCourse(db, {
    key: "french-only",
    locales: ["fr"],
    regions: ["great-lakes"],
    // A stray code (not in the vocabulary) is stored but never shown.
    themes: ["not-a-theme", "access-to-justice-and-security"],
    activityType: "accompaniment",
    modules: [{ key: "m1", lessons: [{ key: "a" }] }],
  });
  await createCourse(db, {
    key: "draft",
    published: false,
    regions: ["great-lakes"],
    modules: [],
  });
  await createCohort(db, { courseId: bilingual.id, region: "west-africa" });
  await createCohort(db, { courseId: englishOnly.id, region: "south-asia" });
  await createCohort(db, { courseId: englishOnly.id, region: "south-asia" });
}, 60_000);
afterAll(async () => close());

type CatalogueData = {
  courses: Array<{
    key: string;
    regions: string[];
    locales: string[];
    lessonCount: number;
    themes: string[];
    activityType: string | null;
  }>;
};
async function catalogue(query = "", headers: Record<string, string> = {}) {
  const outcome = await callRoute(catalogueLoader, pageGet(`/courses${query}`, undefined, headers));
  if (outcome instanceof Response) throw new Error(`unexpected response ${outcome.status}`);
  return outcome.data as CatalogueData;
}
/** The catalogue page server-rendered from its real loader data, as a browser without JS gets it. */
async function cataloguePage(query: string, locale: string) {
  const path = `/courses${query}`;
  const outcome = await callRoute(
    catalogueLoader,
    pageGet(path, undefined, { "Accept-Language": locale }),
  );
  const props = { loaderData: (outcome as { data: unknown }).data, params: {}, matches: [] };
  // The route component is typed for its own loader; here it gets that loader's real data.
  const Page = CataloguePage as unknown as (props: Record<string, unknown>) => ReactNode;
  const Stub = createRoutesStub([{ path: "*", Component: () => createElement(Page, props) }]);
  return renderToString(
    createElement(I18nProvider, {
      i18n: createI18n(locale),
      children: createElement(Stub, { initialEntries: [path] }),
    }),
  );
}
const coursePageOf = (outcome: unknown) => (outcome as { data: CoursePage }).data;
const keys = (data: CatalogueData) => data.courses.map((course) => course.key).sort();

describe("course catalogue", () => {
  it("finds courses by words of their title or summary in any language (GET q, no JavaScript)", async () => {
    await db.courseTranslation.updateMany({
      where: { course: { key: "french-only" }, locale: "fr" },
      data: { summary: "Sécurité et accès à la justice" },
    });
    expect(keys(await catalogue("?q=bilingual"))).toEqual(["bilingual"]);
    // Case and accents do not matter; every word must be found.
    expect(keys(await catalogue("?q=SECURITE+justice"))).toEqual(["french-only"]);
    expect(keys(await catalogue("?q=securite+bilingual"))).toEqual([]);
    // With the other filters.
    expect(keys(await catalogue("?q=course&language=en"))).toEqual(["bilingual", "english-only"]);
    // Blank is no search; a very long one is cut, never an error.
    expect(keys(await catalogue("?q=++"))).toEqual(["bilingual", "english-only", "french-only"]);
    expect(keys(await catalogue(`?q=${"x".repeat(5000)}`))).toEqual([]);
    const html = await cataloguePage("?q=bilingual", "en");
    expect(html).toContain('name="q"');
    expect(html).toContain('value="bilingual"');
  });

  it("lists published courses only, with languages, regions and lesson counts", async () => {
    const data = await catalogue();
    expect(keys(data)).toEqual(["bilingual", "english-only", "french-only"]);
    const course = data.courses.find((c) => c.key === "bilingual");
    expect(course).toMatchObject({
      locales: ["en", "fr"],
      // Its cohort's region and its declared one, in the vocabulary's order.
      regions: ["west-africa", "south-caucasus"],
      lessonCount: 4,
    });
    // Declared and run there by two cohorts: listed once.
    expect(data.courses.find((c) => c.key === "english-only")?.regions).toEqual(["south-asia"]);
    // No cohort yet: its declared region alone.
    expect(data.courses.find((c) => c.key === "french-only")?.regions).toEqual(["great-lakes"]);
  });

  it("filters by content language", async () => {
    expect(keys(await catalogue("?language=fr"))).toEqual(["bilingual", "french-only"]);
    expect(keys(await catalogue("?language=en"))).toEqual(["bilingual", "english-only"]);
  });

  it("finds a course nobody has run yet by its declared region, and by no other", async () => {
    // The draft declares great-lakes too, but is not published.
    expect(keys(await catalogue("?region=great-lakes"))).toEqual(["french-only"]);
    for (const region of ["west-africa", "south-asia", "south-caucasus"]) {
      expect(keys(await catalogue(`?region=${region}`))).not.toContain("french-only");
    }
  });

  it("filters by declared regions and by the regions cohorts ran in, and combines filters", async () => {
    expect(keys(await catalogue("?region=south-caucasus"))).toEqual(["bilingual"]); // declared
    expect(keys(await catalogue("?region=west-africa"))).toEqual(["bilingual"]); // a cohort
    expect(keys(await catalogue("?region=south-asia"))).toEqual(["english-only"]);
    expect(keys(await catalogue("?region=south-asia&language=fr"))).toEqual([]);
    expect(keys(await catalogue("?region=great-lakes&language=en"))).toEqual([]);
    expect(keys(await catalogue("?region=great-lakes&language=fr"))).toEqual(["french-only"]);
  });

  it.each([
    ["en", "Offered in", "Great Lakes"],
    ["fr", "Proposé en", "Grands Lacs"],
  ])("names a course's regions on its card (%s)", async (locale, label, region) => {
    const html = await cataloguePage("?region=great-lakes", locale);
    // The cards only: the filter form above them names every region anyway.
    const results = html.slice(html.indexOf('id="catalogue-results"'));
    expect(results).toContain("Course french-only (fr)");
    expect(results).toContain(label);
    expect(results).toContain(region);
  });

  it.each([
    ["en", "Themes", "Access to justice and security", "Activity", "Accompaniment"],
    ["fr", "Thèmes", "Accès à la justice et à la sécurité", "Activité", "Accompagnement"],
  ])(
    "names a course's declared themes and activity type on its card (%s)",
    async (locale, ...texts) => {
      const data = await catalogue("?region=great-lakes");
      expect(data.courses[0]).toMatchObject({
        themes: ["access-to-justice-and-security"],
        activityType: "accompaniment",
      });
      const results = (await cataloguePage("?region=great-lakes", locale)).split(
        'id="catalogue-results"',
      )[1];
      for (const text of texts) expect(results).toContain(text.replaceAll("'", "&#x27;"));
      expect(results).not.toContain("not-a-theme");
      // A course that declares none shows neither.
      const english = (await cataloguePage("?region=south-asia", locale)).split(
        'id="catalogue-results"',
      )[1];
      expect(english).not.toContain(texts[0]);
      expect(english).not.toContain(texts[2]);
    },
  );

  it("treats unknown filter values as no filter rather than failing", async () => {
    expect(keys(await catalogue("?language=xx&region=atlantis"))).toHaveLength(3);
  });
});

describe("course page", () => {
  it("404s for unknown and unpublished courses, but shows drafts to trainers", async () => {
    const missing = await callRoute(courseLoader, pageGet("/courses/nope"), {
      params: { courseKey: "nope" },
    });
    expect((missing as Response).status).toBe(404);
    const draft = await callRoute(courseLoader, pageGet("/courses/draft"), {
      params: { courseKey: "draft" },
    });
    expect((draft as Response).status).toBe(404);
    const trainer = await signIn(db, { roles: ["trainer"], name: "trainer" });
    const preview = await callRoute(courseLoader, pageGet("/courses/draft", trainer.token), {
      params: { courseKey: "draft" },
    });
    expect(preview).toHaveStatus(200);
  });

  it("shows progress per module and lesson", async () => {
    const user = await signIn(db);
    const l = bilingual.lessonIds;
    await db.lessonProgress.createMany({
      data: [
        { userId: user.id, lessonId: l["m1/a"] ?? "", completedAt: new Date() },
        { userId: user.id, lessonId: l["m1/b"] ?? "" },
        { userId: user.id, lessonId: l["m2/c"] ?? "", completedAt: new Date() },
      ],
    });
    const outcome = await callRoute(courseLoader, pageGet("/courses/bilingual", user.token), {
      params: { courseKey: "bilingual" },
    });
    const data = coursePageOf(outcome);
    expect(data.progress?.course).toEqual({ completed: 2, total: 4, percent: 50 });
    expect(data.progress?.modules.m1).toEqual({ completed: 1, total: 2, percent: 50 });
    expect(data.progress?.lessons[l["m1/b"] ?? ""]).toBe("in-progress");
    expect(data.progress?.lessons[l["m2/d"] ?? ""]).toBe("not-started");
    expect(data.outline.modules[0]?.hasCheck).toBe(true);
  });

  it("shows French titles in French and untranslated ones in English, marked as such", async () => {
    const outcome = await callRoute(
      courseLoader,
      pageGet("/courses/bilingual", undefined, { "Accept-Language": "fr" }),
      { params: { courseKey: "bilingual" } },
    );
    const lessons = coursePageOf(outcome).outline.modules[1]?.lessons;
    expect(lessons?.[0]?.title).toEqual({ text: "Lesson c (fr)", lang: "fr" });
    expect(lessons?.[1]?.title).toEqual({ text: "Lesson d (en)", lang: "en" });
  });
});

describe("enrolment", () => {
  const enrol = (token: string) =>
    callRoute(
      courseAction,
      formPost(
        "/courses/bilingual",
        { intent: "enrol" },
        { Cookie: `peacelearn_session=${token}` },
      ),
      {
        params: { courseKey: "bilingual" },
      },
    );

  it("enrols once however often the form is sent", async () => {
    const user = await signIn(db);
    const [first, second] = await Promise.all([enrol(user.token), enrol(user.token)]);
    expect((first as Response).status).toBe(303);
    expect((second as Response).status).toBe(303);
    expect(await enrol(user.token)).toRedirectTo("/courses/bilingual");
    const rows = await db.enrolment.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.source).toBe("self");
  });

  it("shows a cohort member as enrolled through the cohort and keeps that source", async () => {
    const member = await signIn(db);
    await createCohort(db, {
      courseId: bilingual.id,
      region: "west-africa",
      memberIds: [member.id],
    });
    const page = await callRoute(courseLoader, pageGet("/courses/bilingual", member.token), {
      params: { courseKey: "bilingual" },
    });
    expect(coursePageOf(page).enrolment?.source).toBe("cohort");
    await enrol(member.token);
    const row = await db.enrolment.findFirstOrThrow({ where: { userId: member.id } });
    expect(row.source).toBe("cohort");
  });

  it("sends visitors to the login page, refuses other sites and bad intents", async () => {
    const anonymous = await callRoute(
      courseAction,
      formPost("/courses/bilingual", { intent: "enrol" }),
      {
        params: { courseKey: "bilingual" },
      },
    );
    expect(anonymous).toRedirectTo("/login?redirectTo=%2Fcourses%2Fbilingual");
    const user = await signIn(db);
    const crossSite = await callRoute(
      courseAction,
      formPost(
        "/courses/bilingual",
        { intent: "enrol" },
        { Origin: "https://evil.example", Cookie: `peacelearn_session=${user.token}` },
      ),
      { params: { courseKey: "bilingual" } },
    );
    expect((crossSite as Response).status).toBe(403);
    const bad = await callRoute(
      courseAction,
      formPost(
        "/courses/bilingual",
        { intent: "delete" },
        { Cookie: `peacelearn_session=${user.token}` },
      ),
      { params: { courseKey: "bilingual" } },
    );
    expect(bad).toHaveStatus(400);
    expect(await db.enrolment.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("resume", () => {
  const resume = async (token: string) => {
    const outcome = await callRoute(resumeLoader, pageGet("/courses/bilingual/resume", token), {
      params: { courseKey: "bilingual" },
    });
    return locationOf(outcome);
  };

  it("goes to the last viewed incomplete lesson, else the first incomplete, else the course", async () => {
    const user = await signIn(db);
    const l = bilingual.lessonIds;
    expect(await resume(user.token)).toBe("/courses/bilingual/lessons/a");
    await db.lessonProgress.create({
      data: { userId: user.id, lessonId: l["m1/a"] ?? "", completedAt: new Date() },
    });
    expect(await resume(user.token)).toBe("/courses/bilingual/lessons/b");
    await db.lessonProgress.create({
      data: { userId: user.id, lessonId: l["m2/d"] ?? "", lastViewedAt: new Date() },
    });
    expect(await resume(user.token)).toBe("/courses/bilingual/lessons/d");
    await db.lessonProgress.updateMany({
      where: { userId: user.id },
      data: { completedAt: new Date() },
    });
    await db.lessonProgress.createMany({
      data: ["m1/b", "m2/c"].map((k) => ({
        userId: user.id,
        lessonId: l[k] ?? "",
        completedAt: new Date(),
      })),
    });
    expect(await resume(user.token)).toBe("/courses/bilingual");
  });
});
