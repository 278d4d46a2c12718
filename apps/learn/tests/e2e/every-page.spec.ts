import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  DEMO_STAFF,
  DEMO_TRAINERS,
} from "../../../../packages/db/src/seed/demo-people";
import { buildDemoPeople } from "../../../../packages/db/src/seed/demo-roster";
import { axeViolations } from "./axe";
import { logIn } from "./session";

// Issue 14, "axe finds 0 violations on every page at phone and desktop size": every route of
// app/routes.ts, read from the file so a new route cannot be forgotten (a route without a recipe
// below fails), visited by the person it is for, in English and French, at 360 × 740 and
// 1280 × 800, with axe on each. Routes that answer no page (files, redirects, form actions) are
// fetched once and must answer 2xx or 3xx.
//
// Seeded people no other spec changes: Gulu's co-trainer Marc Ndikumana (no spec signs him in), a
// Gulu trainee who finished the course — never gulu.at(-1), which the week spec uses — and the
// demo staff member and admin, only read here. One signed-in browser per person, one log-in each.
// What this spec writes: one cohort invite link in Gulu's cohort (for a live /join page), one
// roster export in the audit log, sessions.

const ROUTES_FILE = join(import.meta.dirname, "..", "..", "app", "routes.ts");
const SIZES = [
  { name: "phone", width: 360, height: 740 },
  { name: "desktop", width: 1280, height: 800 },
] as const;
const LOCALES = ["en", "fr"] as const;
const TRAINER = DEMO_TRAINERS.guluCo;
const WEEK_SPEC_TRAINEE = buildDemoPeople().trainees.gulu.at(-1)?.email;

type Reader = "anonymous" | "trainee" | "trainer" | "staff" | "admin";

/** What the sweep learns from the pages themselves before visiting them: real ids only. */
type Found = {
  courseKey: string;
  lessonPath: string;
  checkPath: string;
  certificatePath: string;
  verifyPath: string;
  cohortPath: string;
  traineePath: string;
  workshopPath: string;
  workshopId: string;
  accompanimentPath: string;
  joinPath: string;
  userId: string;
  /** An action plan the trainee drafts for the sweep (ADR 033). */
  planPath: string;
};

type Recipe =
  /** A page: visited in both languages at both sizes, axe on each. */
  | { reader: Reader; page: (f: Found) => string; status?: number }
  /** Not a page (a file, a redirect, an action): fetched once, 2xx or 3xx unless `accept` says. */
  | { reader: Reader; fetch: (f: Found) => string; accept?: readonly number[] };

/**
 * One recipe per route pattern of app/routes.ts. A recipe whose route is not (or no longer) in
 * the file is never used; a route without one fails the first test.
 */
const RECIPES: Record<string, Recipe> = {
  "": { reader: "anonymous", page: () => "/" },
  "account/profile": { reader: "trainee", page: () => "/account/profile" },
  "account/security": { reader: "trainee", page: () => "/account/security" },
  "action-plans": { reader: "trainee", page: () => "/action-plans" },
  "action-plans/:planId": { reader: "trainee", page: (f) => f.planPath },
  "action-plans/new": { reader: "trainee", page: () => "/action-plans/new" },
  admin: { reader: "admin", page: () => "/admin" },
  "admin/credentials": { reader: "admin", page: () => "/admin/credentials" },
  "admin/audit": { reader: "admin", page: () => "/admin/audit" },
  "admin/users/:userId": { reader: "admin", page: (f) => `/admin/users/${f.userId}` },
  "admin/users/:userId/erase": { reader: "admin", page: (f) => `/admin/users/${f.userId}/erase` },
  "admin/users/new": { reader: "admin", page: () => "/admin/users/new" },
  courses: { reader: "trainee", page: () => "/courses" },
  "courses/:courseKey": { reader: "trainee", page: (f) => `/courses/${f.courseKey}` },
  "courses/:courseKey/certificate": { reader: "trainee", page: (f) => f.certificatePath },
  "courses/:courseKey/credential": {
    reader: "trainee",
    fetch: (f) => `/courses/${f.courseKey}/credential?format=json`,
  },
  "credentials/issuer/did.json": {
    reader: "anonymous",
    fetch: () => "/credentials/issuer/did.json",
  },
  "credentials/status/:listId": { reader: "anonymous", fetch: () => "/credentials/status/1" },
  "courses/:courseKey/lessons/:lessonKey": { reader: "trainee", page: (f) => f.lessonPath },
  "courses/:courseKey/modules/:moduleKey/check": { reader: "trainee", page: (f) => f.checkPath },
  "courses/:courseKey/modules/:moduleKey/feedback": {
    reader: "trainee",
    page: (f) => f.checkPath.replace(/\/check$/, "/feedback"),
  },
  "courses/:courseKey/tests/:kind": {
    reader: "trainee",
    page: (f) => `/courses/${f.courseKey}/tests/pre`,
  },
  "courses/:courseKey/offline": {
    reader: "trainee",
    page: (f) => `/courses/${f.courseKey}/offline`,
  },
  "courses/:courseKey/resume": {
    reader: "trainee",
    fetch: (f) => `/courses/${f.courseKey}/resume`,
  },
  exit: { reader: "anonymous", fetch: () => "/exit" },
  "follow-ups": { reader: "trainee", page: () => "/follow-ups" },
  "join/:token": { reader: "anonymous", page: (f) => f.joinPath },
  learning: { reader: "trainee", page: () => "/learning" },
  locale: { reader: "anonymous", fetch: () => "/locale" },
  login: { reader: "anonymous", page: () => "/login" },
  logout: { reader: "anonymous", fetch: () => "/logout" },
  "preferences/discreet": { reader: "anonymous", fetch: () => "/preferences/discreet" },
  recover: { reader: "anonymous", page: () => "/recover" },
  reports: { reader: "staff", page: () => "/reports" },
  "reports/learning-gain": { reader: "staff", page: () => "/reports/learning-gain" },
  "reports/export.csv": { reader: "staff", fetch: () => "/reports/export.csv" },
  "reports/iati.json": { reader: "staff", fetch: () => "/reports/iati.json" },
  signup: { reader: "anonymous", page: () => "/signup" },
  "trainer/accompaniment": { reader: "trainer", page: () => "/trainer/accompaniment" },
  "trainer/accompaniment/:sessionId": { reader: "trainer", page: (f) => f.accompanimentPath },
  "trainer/accompaniment/new": { reader: "trainer", page: () => "/trainer/accompaniment/new" },
  "trainer/cohorts": { reader: "trainer", page: () => "/trainer/cohorts" },
  "trainer/cohorts/:cohortId": { reader: "trainer", page: (f) => f.cohortPath },
  "trainer/cohorts/:cohortId/export.csv": {
    reader: "trainer",
    fetch: (f) => `${f.cohortPath}/export.csv?kind=attendance`,
  },
  "trainer/cohorts/:cohortId/members": {
    reader: "trainer",
    page: (f) => `${f.cohortPath}/members`,
  },
  "trainer/cohorts/:cohortId/members/import": {
    reader: "trainer",
    page: (f) => `${f.cohortPath}/members/import`,
  },
  "trainer/cohorts/:cohortId/sessions": {
    reader: "trainer",
    page: (f) => `${f.cohortPath}/sessions`,
  },
  "trainer/cohorts/:cohortId/sessions/:sessionId": {
    reader: "trainer",
    page: (f) => f.workshopPath,
  },
  "trainer/cohorts/:cohortId/sessions/:sessionId/edit": {
    reader: "trainer",
    page: (f) => `${f.workshopPath}/edit`,
  },
  "trainer/cohorts/:cohortId/trainees/:userId": { reader: "trainer", page: (f) => f.traineePath },
  "trainer/cohorts/new": { reader: "trainer", page: () => "/trainer/cohorts/new" },
  "trainer/kit": { reader: "trainer", page: () => "/trainer/kit" },
  "trainer/kit/:sessionId": { reader: "trainer", page: (f) => `/trainer/kit/${f.workshopId}` },
  "trainer/kit/:sessionId/changes": {
    reader: "trainer",
    fetch: (f) => `/trainer/kit/${f.workshopId}/changes`,
  },
  // Takes posted commands only: a GET is refused, and must not be a server error.
  "trainer/kit/:sessionId/commands": {
    reader: "trainer",
    fetch: (f) => `/trainer/kit/${f.workshopId}/commands`,
    accept: [400, 405],
  },
  "trainer/kit/sw.js": { reader: "trainer", fetch: () => "/trainer/kit/sw.js" },
  verify: { reader: "anonymous", page: () => "/verify" },
  "verify/:code": { reader: "anonymous", page: (f) => f.verifyPath },
  "workshops.ics": { reader: "trainee", fetch: () => "/workshops.ics" },
  "*": { reader: "anonymous", page: () => "/no-such-page", status: 404 },
};

/** The URL patterns of app/routes.ts, as written there (`index()` is ""). */
function routePatterns(): string[] {
  const source = readFileSync(ROUTES_FILE, "utf8");
  const patterns = [...source.matchAll(/\broute\(\s*"([^"]*)"/g)].map((match) => match[1] ?? "");
  if (/\bindex\(/.test(source)) patterns.unshift("");
  return patterns;
}

/** The first link on the page whose address matches, as a path. */
async function firstLink(page: Page, pattern: RegExp, what: string): Promise<string> {
  const hrefs = await page
    .locator("a[href]")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const found = hrefs.map((href) => href.split(/[?#]/)[0] ?? "").find((href) => pattern.test(href));
  if (!found) throw new Error(`no link to ${what} on ${page.url()}`);
  return found;
}

async function setLocale(request: APIRequestContext, baseURL: string, locale: string) {
  const answer = await request.post("/locale", {
    form: { locale, redirectTo: "/" },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(answer.status()).toBe(303);
}

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext({ viewport: SIZES[0] });
  const page = await context.newPage();
  await logIn(page, email, DEMO_PASSWORD);
  return page;
}

/** Gulu's roster as the trainer exports it: e-mails of members who read every lesson. */
function finishedReaders(csv: string): string[] {
  const [header = "", ...lines] = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const columns = header.split(",");
  const email = columns.indexOf("email");
  const percent = columns.indexOf("course_percent");
  expect(email, "roster export columns").toBeGreaterThanOrEqual(0);
  expect(percent, "roster export columns").toBeGreaterThanOrEqual(0);
  return lines
    .map((line) => line.split(","))
    .filter((cells) => Number(cells[percent]) === 100)
    .map((cells) => cells[email] ?? "")
    .filter((address) => address && address !== WEEK_SPEC_TRAINEE);
}

test("every route of app/routes.ts has a visit recipe", () => {
  const missing = routePatterns().filter((pattern) => !(pattern in RECIPES));
  expect(missing, "routes without a recipe in every-page.spec.ts").toEqual([]);
});

test("axe finds no violation on any page, as its reader, in English and French, on a phone and a desktop", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const origin = baseURL ?? "";
  const readers = new Map<Reader, Page>();
  const anonymous = await (await browser.newContext({ viewport: SIZES[0] })).newPage();
  readers.set("anonymous", anonymous);

  // The trainer's cohort, one of its trainees and workshops, an accompaniment record, a live
  // invite link, and who in it finished the course.
  const trainer = await signedIn(browser, TRAINER.email);
  readers.set("trainer", trainer);
  await trainer.goto("/trainer/cohorts");
  const cohortPath = await firstLink(trainer, /^\/trainer\/cohorts\/(?!new$)[^/]+$/, "a cohort");
  await trainer.goto(cohortPath);
  const traineePath = await firstLink(trainer, /\/trainees\/[^/]+$/, "a trainee");
  await trainer.goto(`${cohortPath}/sessions`);
  const workshopPath = await firstLink(trainer, /\/sessions\/[^/]+$/, "a workshop");
  await trainer.goto("/trainer/accompaniment");
  const accompanimentPath = await firstLink(
    trainer,
    /^\/trainer\/accompaniment\/(?!new$)[^/]+$/,
    "an accompaniment session",
  );
  await trainer.goto(`${cohortPath}/members`);
  await trainer
    .locator('form:has(input[name="intent"][value="create-invite"]) button[type="submit"]')
    .click();
  const joinPath = (await trainer.content()).match(/\/join\/[A-Za-z0-9_-]{16,}/)?.[0];
  expect(joinPath, "the new invite link").toBeTruthy();
  const roster = await trainer.request.get(
    `${cohortPath}/export.csv?kind=roster&headers=codes&sep=comma`,
  );
  expect(roster.status()).toBe(200);
  const candidates = finishedReaders(await roster.text());

  // A trainee who holds the course's certificate (the seed draws who passes the check).
  let trainee: Page | undefined;
  let traineeEmail = "";
  let courseKey = "";
  for (const email of candidates.slice(0, 6)) {
    const page = await signedIn(browser, email);
    await page.goto("/learning");
    courseKey = (await firstLink(page, /^\/courses\/[^/]+$/, "her course")).split("/")[2] ?? "";
    const certificate = await page.request.get(`/courses/${courseKey}/certificate`);
    if (certificate.status() === 200) {
      trainee = page;
      traineeEmail = email;
      break;
    }
    await page.context().close();
  }
  const certificatePath = `/courses/${courseKey}/certificate`;
  expect(trainee, `a certificate holder among ${candidates.length} finished trainees`).toBeTruthy();
  if (!trainee) return;
  readers.set("trainee", trainee);
  await trainee.goto(`/courses/${courseKey}`);
  const lessonPath = await firstLink(trainee, /\/lessons\/[^/]+$/, "a lesson");
  const checkPath = await firstLink(trainee, /\/modules\/[^/]+\/check$/, "a knowledge check");
  await trainee.goto(certificatePath);
  // The certificate prints its verification address (and its QR code), not always as a link.
  const verifyPath =
    (await trainee.content()).match(/\/verify\/PL-[0-9A-Z]{4}-[0-9A-Z]{4}/)?.[0] ?? "";
  expect(verifyPath, "the certificate's verification address").not.toBe("");

  // Her action plan, posted as the no-JavaScript form would (nobody else reads plans).
  const drafted = await trainee.request.post("/action-plans/new", {
    form: {
      intent: "save",
      change: "Every-page sweep plan",
      target: "District council",
      level: "community",
      "steps[0].description": "Ask for a hearing",
      "steps[0].dueOn": "2030-01-15",
    },
    headers: { Origin: origin },
    maxRedirects: 0,
  });
  expect(drafted.status(), "the sweep's action plan").toBe(303);
  const planPath = (drafted.headers().location ?? "").split("?")[0] ?? "";

  const admin = await signedIn(browser, DEMO_ADMIN.email);
  readers.set("admin", admin);
  await admin.goto(`/admin?${new URLSearchParams({ q: traineeEmail })}`);
  const userId = (await firstLink(admin, /^\/admin\/users\/(?!new$)[^/]+$/, "an account")).split(
    "/",
  )[3];
  readers.set("staff", await signedIn(browser, DEMO_STAFF.email));

  const found: Found = {
    courseKey,
    lessonPath,
    checkPath,
    certificatePath,
    verifyPath,
    cohortPath,
    traineePath,
    workshopPath,
    workshopId: workshopPath.split("/").at(-1) ?? "",
    accompanimentPath,
    joinPath: joinPath ?? "",
    userId: userId ?? "",
    planPath,
  };

  const patterns = routePatterns();
  const problems: string[] = [];
  let checks = 0;
  // Files, redirects and actions first, once each, never following a redirect (a GET /logout
  // must not be taken for a page).
  for (const pattern of patterns) {
    const recipe = RECIPES[pattern];
    if (!recipe || !("fetch" in recipe)) continue;
    const page = readers.get(recipe.reader);
    const path = recipe.fetch(found);
    const answer = await page?.request.get(path, { maxRedirects: 0 });
    const status = answer?.status() ?? 0;
    const expected = (status >= 200 && status < 400) || recipe.accept?.includes(status);
    if (!expected) problems.push(`${path} (${recipe.reader}): ${status}`);
  }
  for (const locale of LOCALES) {
    for (const page of readers.values()) await setLocale(page.request, origin, locale);
    for (const pattern of patterns) {
      const recipe = RECIPES[pattern];
      if (!recipe || !("page" in recipe)) continue;
      const page = readers.get(recipe.reader);
      if (!page) continue;
      const path = recipe.page(found);
      await page.setViewportSize(SIZES[0]);
      const answer = await page.goto(path);
      const status = answer?.status() ?? 0;
      if (status !== (recipe.status ?? 200)) {
        problems.push(`${path} (${recipe.reader}, ${locale}): status ${status}`);
        continue;
      }
      const lang = await page.locator("html").getAttribute("lang");
      if (lang !== locale) problems.push(`${path} (${locale}): <html lang="${lang}">`);
      // The same page at each size: CSS lays it out anew, axe reads it as it is now.
      for (const size of SIZES) {
        await page.setViewportSize(size);
        checks++;
        for (const violation of await axeViolations(page)) {
          problems.push(`${path} (${recipe.reader}, ${locale}, ${size.name}): ${violation}`);
        }
      }
    }
  }
  console.log(`every page: ${checks} axe checks, ${problems.length} problems`);
  expect(problems).toEqual([]);
});
