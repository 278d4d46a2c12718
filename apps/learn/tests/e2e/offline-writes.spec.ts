import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type Browser,
  type BrowserContext,
  expect,
  type Page,
  type Request,
  test,
} from "@playwright/test";
import { parse } from "yaml";
import { expectNoAxeViolations } from "./axe";
import { openSiteMenu } from "./session";

// Issue 15, item 1 (docs/decisions/028-offline-writes.md): a trainee saves a course on her
// phone, goes offline, completes the last module's lessons (with "Mark as complete", and with
// "Next lesson →") and its check, and comes back online: every write arrives, counts once, and
// the certificate is issued — also when the connection drops in the middle of the sync, after
// the server has recorded a write whose answer never reached the phone. Each test signs up its
// own trainee; the course is the one no other spec walks through (wps-in-practice).

const COURSE_KEY = "wps-in-practice";
const COURSE_TITLE = "Women, peace and security in practice";
const PASSWORD = "the road to the district office";
// The service worker's words (public/sw.js).
const KEPT = {
  title: "Saved on this phone",
  lesson: "This lesson is marked as completed on this phone. It will be sent when you are online.",
  check: /Your answers are saved on this phone\. They will be sent/,
};

type Option = { id: string; text: string; correct: boolean };
type Question = { id: string; kind: string; options: Option[] };
const courseDir = join(
  import.meta.dirname,
  ...["..", "..", "..", "..", "packages", "curriculum", "courses", COURSE_KEY, "en"],
);
/** The English checks, straight from the curriculum files, in module order. */
const checks: Question[][] = readdirSync(courseDir)
  .filter((entry) => /^\d\d-/.test(entry))
  .sort()
  .map(
    (folder) =>
      (
        parse(readFileSync(join(courseDir, folder, "check.yaml"), "utf8")) as {
          questions: Question[];
        }
      ).questions,
  );
const rightAnswers = (questions: Question[]) =>
  questions.flatMap((question) =>
    question.options
      .filter((option) => option.correct)
      .map((option) => [question, option] as const),
  );

type Module = { lessons: string[]; check: string; questions: Question[] };

/**
 * A fresh trainee who has done everything but the last module, online (posting the forms
 * directly, to keep the test short); returns her signed-in state and the course's modules.
 */
async function traineeBeforeTheTrip(browser: Browser, name: string) {
  const setup = await browser.newContext({ serviceWorkers: "block" });
  const page = await setup.newPage();
  await page.goto("/signup");
  await page.getByLabel("Email address").fill(`offline-writes-${Date.now()}@example.org`);
  await page.getByLabel("Your name").fill(name);
  await page.locator("#signup-password").fill(PASSWORD);
  await page.getByLabel("Repeat the password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();

  // The pack page lists the course in reading order: its page, then each module's lessons and check.
  await page.goto(`/courses/${COURSE_KEY}/offline`);
  const paths = await page
    .locator('a[data-pack="page"]')
    .evaluateAll((links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );
  const modules: Module[] = [];
  let lessons: string[] = [];
  for (const path of paths.slice(1)) {
    if (path.endsWith("/check")) {
      modules.push({ lessons, check: path, questions: checks[modules.length] ?? [] });
      lessons = [];
    } else lessons.push(path);
  }
  expect(modules).toHaveLength(checks.length);

  const origin = new URL(page.url()).origin;
  const post = (path: string, body: URLSearchParams) =>
    page.request.post(path, {
      data: body.toString(),
      headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
      maxRedirects: 0,
    });
  for (const module of modules.slice(0, -1)) {
    for (const lesson of module.lessons) {
      expect((await post(lesson, new URLSearchParams({ intent: "complete" }))).status()).toBe(303);
    }
    const form = await (await page.request.get(module.check)).text();
    const token = /name="token" value="([a-z2-7]+)"/.exec(form)?.[1] ?? "";
    const body = new URLSearchParams({ token });
    for (const [question, option] of rightAnswers(module.questions)) {
      body.append(`answer-${question.id}`, option.id);
    }
    expect((await post(module.check, body)).status()).toBe(303);
  }
  const signedIn = await setup.storageState();
  await setup.close();
  return { signedIn, modules, last: modules.at(-1) as Module };
}

/** Waits until public/sw.js is activated and controls the page (see offline.spec.ts). */
async function waitForServiceWorker(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(
          async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? "none",
        ),
      { timeout: 30_000 },
    )
    .toBe("activated");
  await page
    .waitForFunction(() => navigator.serviceWorker.controller?.state === "activated", null, {
      timeout: 5_000,
    })
    .catch(async () => {
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    });
}

/** "Save this course on my phone", from the course page: the worker says when it is done. */
async function saveCourse(page: Page, modules: Module[]) {
  await page.goto(`/courses/${COURSE_KEY}`);
  await expect(page.getByRole("heading", { level: 1, name: COURSE_TITLE })).toBeVisible();
  await waitForServiceWorker(page);
  await page.getByRole("link", { name: "Save this course on my phone" }).click();
  const pages = 1 + modules.reduce((sum, module) => sum + module.lessons.length + 1, 0);
  await expect(
    page.getByText(`Done: this course is saved on this phone (${pages} pages).`),
  ).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(`Page ${pages} of ${pages} saved.`)).toBeVisible();
  await expectNoAxeViolations(page);
  for (const path of [
    `/courses/${COURSE_KEY}`,
    ...modules.flatMap((m) => [...m.lessons, m.check]),
  ]) {
    expect(
      await page.evaluate(async (address) => (await caches.match(address)) !== undefined, path),
      path,
    ).toBe(true);
  }
}

/**
 * Offline, the last module: the first lesson with "Mark as complete and continue", the others
 * with the pager's "Next …" (which completes too), then the check, answered right.
 */
async function finishOffline(context: BrowserContext, page: Page, last: Module) {
  await context.setOffline(true);
  const lessonView = await page.goto(last.lessons[0] as string);
  expect(lessonView?.fromServiceWorker()).toBe(true);
  for (const [index] of last.lessons.entries()) {
    const button =
      index === 0
        ? page.getByRole("button", { name: "Mark as complete and continue" })
        : page
            .getByRole("navigation", { name: "Lessons" })
            .getByRole("button", { name: /^Next(:| lesson)/ });
    await button.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(KEPT.title);
    await expect(page.getByRole("status")).toHaveText(KEPT.lesson);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByText(`${index + 1} answer`)).toBeVisible();
    if (index === 0) await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Continue" }).click();
    // Served from the phone, saying what waits.
    await expect(page.getByText(/answers? (is|are) waiting on this phone/)).toBeVisible();
  }
  await expect(page).toHaveURL(last.check);
  for (const [index, question] of last.questions.entries()) {
    const group = page.getByRole("group", { name: `Question ${index + 1}:`, exact: false });
    for (const option of question.options.filter((o) => o.correct)) {
      await group.getByLabel(option.text, { exact: true }).check();
    }
  }
  await page.getByRole("button", { name: "Submit my answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(KEPT.title);
  await expect(page.getByRole("status")).toHaveText(KEPT.check);
  await expect(page.getByText(`${last.lessons.length + 1} answers are waiting`)).toBeVisible();
}

/** What the server holds, read through her own pages with the worker out of the way. */
async function serverState(
  browser: Browser,
  signedIn: Awaited<ReturnType<BrowserContext["storageState"]>>,
  last: Module,
) {
  const context = await browser.newContext({ serviceWorkers: "block", storageState: signedIn });
  const page = await context.newPage();
  await page.goto(`/courses/${COURSE_KEY}`);
  const progress =
    (await page
      .getByText(/of \d+ lessons completed/)
      .first()
      .textContent()) ?? "";
  await page.goto(last.check);
  const attempts = await page
    .getByRole("region", { name: "Your attempts" })
    .getByRole("listitem")
    .count()
    .catch(() => 0);
  const certificate = await page.request.get(`/courses/${COURSE_KEY}/certificate`, {
    maxRedirects: 0,
  });
  await context.close();
  return { progress, attempts, certificate: certificate.status() };
}

const isReplay = (request: Request) =>
  request.method() === "POST" && request.headers()["offline-replay"] === "1";

/** Every form the worker sent again that the server answered (tries made offline never left). */
function countReplays(context: BrowserContext) {
  const replays: string[] = [];
  context.on("response", (response) => {
    if (isReplay(response.request())) replays.push(new URL(response.url()).pathname);
  });
  return replays;
}

test("offline completions and check answers arrive once when she is back online, and the certificate is issued", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { signedIn, modules, last } = await traineeBeforeTheTrip(browser, "Hawa Sesay");
  const lessonTotal = modules.reduce((sum, module) => sum + module.lessons.length, 0);
  const context = await browser.newContext({ storageState: signedIn });
  const replays = countReplays(context);
  const page = await context.newPage();
  await saveCourse(page, modules);
  await finishOffline(context, page, last);

  // Nothing has reached the server yet.
  const before = await serverState(browser, signedIn, last);
  expect(before.progress).toBe(
    `${lessonTotal - last.lessons.length} of ${lessonTotal} lessons completed`,
  );
  expect(before.attempts).toBe(0);
  expect(before.certificate).not.toBe(200);
  expect(replays).toEqual([]);

  // Online again: the next page she opens first sends what waits, in the order it was done.
  await context.setOffline(false);
  await page.goto(`/courses/${COURSE_KEY}`);
  await expect(page.getByText(`${lessonTotal} of ${lessonTotal} lessons completed`)).toBeVisible();
  expect(replays).toEqual([...last.lessons, last.check]);
  const after = await serverState(browser, signedIn, last);
  expect(after).toEqual({
    progress: `${lessonTotal} of ${lessonTotal} lessons completed`,
    attempts: 1,
    certificate: 200,
  });
  await page.goto(`/courses/${COURSE_KEY}/certificate`);
  await expect(page.getByText("Hawa Sesay", { exact: true })).toBeVisible();
  // Nothing is left to send: another page sends nothing more.
  await page.goto(`/courses/${COURSE_KEY}`);
  expect(replays).toHaveLength(last.lessons.length + 1);
  await context.close();
});

test("a sync cut in the middle, after the server recorded a write, still counts every write once", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { signedIn, modules, last } = await traineeBeforeTheTrip(browser, "Kadiatu Bangura");
  const lessonTotal = modules.reduce((sum, module) => sum + module.lessons.length, 0);
  const context = await browser.newContext({ storageState: signedIn });
  const page = await context.newPage();
  await saveCourse(page, modules);
  await finishOffline(context, page, last);

  // The second replay reaches the server, but its answer is lost (the connection drops): the
  // phone must send it again, and the server must not count it twice.
  const arrived: string[] = [];
  await context.route("**/*", async (route) => {
    const request = route.request();
    if (!isReplay(request)) return route.fallback();
    arrived.push(new URL(request.url()).pathname);
    if (arrived.length !== 2) return route.fallback();
    await route.fetch({ maxRedirects: 0 });
    return route.abort("internetdisconnected");
  });
  await context.setOffline(false);
  await page.goto(`/courses/${COURSE_KEY}`);
  // The first went, the second was cut: two still wait (the cut one and the rest).
  const partial = await serverState(browser, signedIn, last);
  expect(partial.progress).toBe(
    `${lessonTotal - last.lessons.length + 2} of ${lessonTotal} lessons completed`,
  );
  expect(partial.attempts).toBe(0);

  // The next page sends the rest, the cut one again first.
  await page.goto(`/courses/${COURSE_KEY}`);
  await expect(page.getByText(`${lessonTotal} of ${lessonTotal} lessons completed`)).toBeVisible();
  expect(arrived).toEqual([
    last.lessons[0],
    last.lessons[1],
    last.lessons[1],
    ...last.lessons.slice(2),
    last.check,
  ]);
  expect(await serverState(browser, signedIn, last)).toEqual({
    progress: `${lessonTotal} of ${lessonTotal} lessons completed`,
    attempts: 1,
    certificate: 200,
  });
  await context.close();
});

test("signing out in discreet mode (a neutral address) empties the saved pages and the outbox", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { signedIn, last } = await traineeBeforeTheTrip(browser, "Mariama Koroma");
  const context = await browser.newContext({ storageState: signedIn });
  const page = await context.newPage();
  await page.goto("/");
  await waitForServiceWorker(page);
  await openSiteMenu(page);
  await page.getByRole("button", { name: "Turn on discreet mode" }).click();
  await openSiteMenu(page);
  await expect(page.getByRole("button", { name: "Standard display" })).toBeVisible();
  // A lesson opened (kept under its neutral address) and completed offline (kept in the outbox).
  await page.goto(last.lessons[0] as string);
  const neutral = new URL(page.url()).pathname;
  expect(neutral).toMatch(/^\/n\//);
  const saved = () =>
    page.evaluate(async (address) => (await caches.match(address)) !== undefined, neutral);
  await expect.poll(saved).toBe(true);
  await context.setOffline(true);
  await page.getByRole("button", { name: "Mark as complete and continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(KEPT.title);
  const waiting = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open("peacelearn-outbox");
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains("writes")) return resolve(0);
            const count = db.transaction("writes").objectStore("writes").count();
            count.onsuccess = () => {
              resolve(count.result);
              db.close();
            };
          };
        }),
    );
  expect(await waiting()).toBe(1);
  // Online, but every replay fails: the write still waits when she signs out.
  await context.route("**/*", (route) =>
    isReplay(route.request()) ? route.abort("internetdisconnected") : route.fallback(),
  );
  await context.setOffline(false);
  await page.goto("/");
  expect(await waiting()).toBe(1);
  await openSiteMenu(page);
  const signOut = page.getByRole("button", { name: "Log out" });
  // The form posts to a neutral address, not /logout.
  expect(
    await signOut.evaluate((button) => (button as HTMLButtonElement).form?.getAttribute("action")),
  ).toMatch(/^\/n\//);
  await signOut.click();
  await expect.poll(saved, { message: "saved lesson forgotten" }).toBe(false);
  await expect.poll(waiting, { message: "outbox emptied" }).toBe(0);
  await context.close();
});

test("in French, the worker says it in French: the course saved, the lesson kept on the phone", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { signedIn, modules, last } = await traineeBeforeTheTrip(browser, "Aïssata Diallo");
  const context = await browser.newContext({ storageState: signedIn, locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto(`/courses/${COURSE_KEY}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await waitForServiceWorker(page);
  await page.getByRole("link", { name: "Enregistrer ce cours sur mon téléphone" }).click();
  const pages = 1 + modules.reduce((sum, module) => sum + module.lessons.length + 1, 0);
  await expect(
    page.getByText(`C’est fait : ce cours est enregistré sur ce téléphone (${pages} pages).`),
  ).toBeVisible({ timeout: 60_000 });
  await expectNoAxeViolations(page);

  await context.setOffline(true);
  await page.goto(last.lessons[0] as string);
  await page.getByRole("button", { name: "Marquer comme terminée et continuer" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enregistré sur ce téléphone");
  await expect(page.getByRole("status")).toHaveText(
    "Cette leçon est marquée comme terminée sur ce téléphone. Ce sera envoyé dès que vous serez en ligne.",
  );
  await expect(page.getByText("1 réponse attend sur ce téléphone d’être envoyée.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Continuer" }).click();
  await expect(page).toHaveURL(last.lessons[1] as string);
  await context.close();
});
