// Issue 12, discreet mode: on every page a trainee, trainer, staff member or admin reaches, the
// address (after any redirect), the title, the links and form addresses, the site header, the
// breadcrumbs and the main heading say nothing about the subject, in English and French — while
// the lesson's own text is still there to read. The control (discreet mode off) finds the words.
import { describe, expect, it } from "vitest";
import { discreetCookie } from "~/lib/discreet.server";
import { neutralPrefix, neutralUrl } from "~/lib/neutral-url";
import { createCohort, createCourse } from "~/modules/courses/test-fixtures";
import { handleAppRequest } from "~/test/app-handler";
import { useTestDatabase } from "~/test/database";
import { formPost, pageGet, TEST_ORIGIN } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";
import { tellingWordsIn } from "~/test/telling-words";

const COURSE = "gender-conflict-basics";
const MODULE = "women-in-peace-processes";
const LESSON = "violence-and-peace";
const LESSON_TEXT = "Sexual violence in armed conflict";

let trainee = "";
let trainer = "";
let staff = "";
let admin = "";
let cohortId = "";
let traineeId = "";
let workshopId = "";
let planId = "";

useTestDatabase(async (db) => {
  const course = await createCourse(db, {
    key: COURSE,
    modules: [
      {
        key: MODULE,
        hasCheck: true,
        lessons: [{ key: LESSON, body: `## ${LESSON_TEXT}\n\nWhat 1325 asks of States.` }],
      },
    ],
  });
  const person = await signIn(db, { email: "discreet-trainee@test.example", name: "Amina" });
  trainee = person.token;
  traineeId = person.id;
  trainer = (await signIn(db, { name: "Trainer", roles: ["trainee", "trainer"] })).token;
  staff = (await signIn(db, { name: "Officer", roles: ["trainee", "staff"] })).token;
  admin = (await signIn(db, { name: "Admin", roles: ["trainee", "admin"] })).token;
  const cohort = await createCohort(db, {
    courseId: course.id,
    region: "west-africa",
    memberIds: [person.id],
  });
  cohortId = cohort.id;
  await db.cohort.update({
    where: { id: cohort.id },
    data: { name: "Monrovia — Advocacy for inclusive peace" },
  });
  const trainerRow = await db.user.findFirstOrThrow({ where: { displayName: "Trainer" } });
  await db.cohortTrainer.create({ data: { cohortId: cohort.id, userId: trainerRow.id } });
  await db.enrolment.create({ data: { userId: person.id, courseId: course.id, source: "cohort" } });
  workshopId = (
    await db.cohortSession.create({
      data: { cohortId: cohort.id, title: "Peace talks workshop", startsAt: new Date() },
    })
  ).id;
  // Her action plan names the change she seeks: body text, never in the chrome (ADR 033).
  const plan = await db.advocacyPlan.create({
    data: {
      userId: person.id,
      change: "Women's desk against gender-based violence at the police post",
      target: "Police commander",
      level: "community",
      resolutions: ["1325"],
      steps: { create: [{ position: 1, description: "Ask for a hearing", dueOn: new Date() }] },
    },
  });
  planId = plan.id;
  // The course's pre-test, forms A and B (ADR 029), one question each.
  for (const form of ["A", "B"]) {
    await db.knowledgeCheck.create({
      data: {
        courseId: course.id,
        key: `pre-${form.toLowerCase()}`,
        kind: "pre",
        form,
        passMark: 0,
        questions: {
          create: {
            key: `q-${form}`,
            position: 1,
            kind: "true-false",
            translations: { create: { locale: "en", prompt: "Resolution 1325 dates from 2000." } },
            options: {
              create: [
                { key: "true", position: 1, isCorrect: true },
                { key: "false", position: 2, isCorrect: false },
              ],
            },
          },
        },
      },
    });
  }
});

const discreetOn = (await discreetCookie.serialize(true)).split(";")[0] as string;

function cookies(token: string, discreet: boolean): string {
  return [token ? `peacelearn_session=${token}` : "", discreet ? discreetOn : ""]
    .filter(Boolean)
    .join("; ");
}

/** Follows redirects as a browser would; returns the final address and the page. */
async function visit(path: string, token: string, locale: string, discreet: boolean) {
  let address = path;
  for (let hop = 0; hop < 5; hop++) {
    const response = await handleAppRequest(
      pageGet(address, undefined, {
        Cookie: cookies(token, discreet),
        Accept: "text/html",
        "Accept-Language": locale,
      }),
    );
    const location = response.headers.get("Location");
    if (response.status >= 300 && response.status < 400 && location) {
      address = new URL(location, TEST_ORIGIN).pathname + new URL(location, TEST_ORIGIN).search;
      continue;
    }
    return { address, status: response.status, html: await response.text() };
  }
  throw new Error(`too many redirects from ${path}`);
}

const between = (html: string, pattern: RegExp) =>
  [...html.matchAll(pattern)].map((match) => match[1] ?? "").join(" ");

/** What a glance at the phone shows apart from the page's own text. */
function chrome(address: string, html: string): string {
  const decode = (text: string) => text.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'");
  return [
    address,
    between(html, /<title>([\s\S]*?)<\/title>/g),
    between(html, /\s(?:href|action)="([^"]*)"/g),
    decode(between(html, /<header\b[^>]*>([\s\S]*?)<\/header>/g)),
    decode(between(html, /<nav aria-label="(?:Breadcrumb|Fil d[^"]*)"[^>]*>([\s\S]*?)<\/nav>/g)),
    decode(between(html, /<h1\b[^>]*>([\s\S]*?)<\/h1>/g)),
  ].join("\n");
}

const pages = (): Array<[string, () => string]> => [
  ["/", () => trainee],
  ["/login", () => ""],
  ["/signup", () => ""],
  ["/recover", () => ""],
  ["/verify", () => ""],
  ["/courses", () => trainee],
  [`/courses/${COURSE}`, () => trainee],
  [`/courses/${COURSE}/lessons/${LESSON}`, () => trainee],
  [`/courses/${COURSE}/modules/${MODULE}/check`, () => trainee],
  [`/courses/${COURSE}/offline`, () => trainee],
  [`/courses/${COURSE}/tests/pre`, () => trainee],
  [`/courses/${COURSE}/modules/${MODULE}/feedback`, () => trainee],
  ["/learning", () => trainee],
  ["/follow-ups", () => trainee],
  ["/action-plans", () => trainee],
  ["/action-plans/new", () => trainee],
  [`/action-plans/${planId}`, () => trainee],
  [`/action-plans/${planId}`, () => trainer],
  ["/account/security", () => trainee],
  ["/trainer/cohorts", () => trainer],
  [`/trainer/cohorts/${cohortId}`, () => trainer],
  [`/trainer/cohorts/${cohortId}/members`, () => trainer],
  [`/trainer/cohorts/${cohortId}/sessions`, () => trainer],
  [`/trainer/cohorts/${cohortId}/trainees/${traineeId}`, () => trainer],
  ["/trainer/kit", () => trainer],
  [`/trainer/kit/${workshopId}`, () => trainer],
  ["/trainer/accompaniment", () => trainer],
  ["/trainer/accompaniment/new", () => trainer],
  ["/reports?measure=enrolments&by=gender&by=region", () => staff],
  ["/reports/learning-gain", () => staff],
  ["/admin", () => admin],
  ["/admin/audit", () => admin],
  ["/admin/credentials", () => admin],
  ["/admin/users/new", () => admin],
];

describe("discreet mode, every page", () => {
  it.each(["en", "fr"])("shows no telling word in its chrome (%s)", async (locale) => {
    const found: string[] = [];
    let plainHits = 0;
    for (const [path, token] of pages()) {
      const plain = await visit(path, token(), locale, false);
      plainHits += tellingWordsIn(chrome(plain.address, plain.html)).length;
      const page = await visit(path, token(), locale, true);
      expect(page.status, path).toBe(200);
      if (path !== "/") expect(page.address.startsWith(neutralPrefix), path).toBe(true);
      const words = tellingWordsIn(chrome(page.address, page.html));
      if (words.length > 0) found.push(`${path}: ${words.join(", ")}`);
    }
    // The control: the same pages without discreet mode are full of them.
    expect(plainHits).toBeGreaterThan(20);
    expect(found).toEqual([]);
  });

  it("still shows the lesson's own text", async () => {
    const page = await visit(`/courses/${COURSE}/lessons/${LESSON}`, trainee, "en", true);
    expect(page.html).toContain(LESSON_TEXT);
  });
});

describe("discreet mode's addresses", () => {
  it("serves a neutral address as the page it stands for, with the mode on or off", async () => {
    const lesson = `/courses/${COURSE}/lessons/${LESSON}`;
    const neutral = neutralUrl(lesson);
    expect(tellingWordsIn(neutral)).toEqual([]);
    const off = await handleAppRequest(pageGet(neutral, trainee));
    expect(off.status).toBe(200);
    expect(await off.text()).toContain(LESSON_TEXT);
  });

  it("sends the answer to a form to a neutral address", async () => {
    const lesson = neutralUrl(`/courses/${COURSE}/lessons/${LESSON}`);
    const response = await handleAppRequest(
      formPost(lesson, { intent: "complete" }, { Cookie: cookies(trainee, true) }),
    );
    expect(response.status).toBe(303);
    const location = response.headers.get("Location") ?? "";
    expect(location.startsWith(neutralPrefix)).toBe(true);
    expect(tellingWordsIn(location)).toEqual([]);
  });

  it("moves a GET form's query into the neutral address", async () => {
    const reports = neutralUrl("/reports");
    const response = await handleAppRequest(
      pageGet(`${reports}?measure=enrolments&by=gender`, undefined, {
        Cookie: cookies(staff, true),
      }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(
      neutralUrl("/reports?measure=enrolments&by=gender"),
    );
  });

  it("turns a damaged token into a 404, not an error", async () => {
    for (const token of ["x", "AAAA", "%00", `${"A".repeat(5000)}`]) {
      const response = await handleAppRequest(pageGet(`${neutralPrefix}${token}`, trainee));
      expect(response.status, token).toBe(404);
    }
  });

  it("tells the service worker which pages to keep, under both addresses", async () => {
    const lesson = `/courses/${COURSE}/lessons/${LESSON}`;
    const plain = await handleAppRequest(pageGet(lesson, trainee));
    expect(plain.headers.get("Offline-Copy")).toBe(
      `keep; write; alias=${neutralUrl(lesson)}; discreet=0`,
    );
    const neutral = await handleAppRequest(
      pageGet(neutralUrl(lesson), undefined, { Cookie: cookies(trainee, true) }),
    );
    expect(neutral.headers.get("Offline-Copy")).toBe(
      `keep; write; alias=${lesson}; discreet=1; forget=${neutralUrl("/logout")}`,
    );
    const other = await handleAppRequest(pageGet("/learning", trainee));
    expect(other.headers.get("Offline-Copy")).toBe("discreet=0");
  });
});
