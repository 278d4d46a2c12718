import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// Issue 5: lessons a trainee has opened stay readable offline through the service worker
// (public/sw.js); any other address asked for offline gets an offline page that links to them;
// signing out empties the saved pages. `context.setOffline` also cuts the worker's own fetches.

const COURSE_KEY = "gender-conflict-foundations";
const COURSE_TITLE = "Gender, conflict and peacebuilding: foundations";
// The offline page's words, as public/sw.js writes them.
const OFFLINE_EN = { title: "You are offline", retry: "Try this page again" };
const OFFLINE_FR = { title: "Vous êtes hors ligne" };

/**
 * Waits until public/sw.js is activated and controls the page. app/root.tsx registers it after
 * `load` and an idle moment; it claims open pages when it activates, so a reload is only needed
 * if the page somehow stayed uncontrolled.
 */
async function waitForServiceWorker(page: Page) {
  // page.evaluate awaits the promise (waitForFunction would take the promise itself as truthy).
  await expect
    .poll(
      () =>
        page.evaluate(
          async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? "none",
        ),
      { message: "service worker activated", timeout: 30_000 },
    )
    .toBe("activated");
  const controlled = (timeout: number) =>
    page.waitForFunction(() => navigator.serviceWorker.controller?.state === "activated", null, {
      timeout,
    });
  await controlled(5_000).catch(async () => {
    test.info().annotations.push({ type: "note", description: "reloaded to be controlled" });
    await page.reload();
    await controlled(15_000);
  });
}

/** Whether the browser's Cache Storage (any of the worker's caches) holds this address. */
const isCached = (page: Page, path: string) =>
  page.evaluate(async (address) => (await caches.match(address)) !== undefined, path);

/** What shows that the stylesheets applied: rules per sheet and a few computed values. */
const styling = (page: Page) =>
  page.evaluate(() => {
    // A sheet that failed to load has no readable rules: reading them throws a SecurityError.
    const ruleCount = (sheet: CSSStyleSheet | null) => {
      try {
        return sheet?.cssRules.length ?? 0;
      } catch {
        return 0;
      }
    };
    const heading = getComputedStyle(document.querySelector("h1") as Element);
    return {
      sheets: [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map(
        (link) => ({ href: link.href, rules: ruleCount(link.sheet) }),
      ),
      heading: [heading.fontSize, heading.fontWeight, heading.fontFamily],
      body: [getComputedStyle(document.body).fontFamily, getComputedStyle(document.body).color],
    };
  });

/**
 * A saved page whose title needs decoding and escaping again: made up, since no course title has
 * such characters. It is stored the way public/sw.js stores pages (full address, no query).
 */
const TRICKY = {
  path: `/courses/${COURSE_KEY}/lessons/escaping-check`,
  title: `Tom & Jerry's "<img src=x onerror=alert(1)>" &amp;`,
};

async function savePageTitled(page: Page, path: string, title: string) {
  await page.evaluate(
    async ({ path, title }) => {
      const name = (await caches.keys()).find((key) => key.startsWith("peacelearn-pages-"));
      if (!name) throw new Error("no page cache yet");
      // Escaped the way React escapes a <title>'s text.
      const escaped = title
        .replaceAll("&", "&amp;")
        .replaceAll("<", "&lt;")
        .replaceAll(">", "&gt;")
        .replaceAll('"', "&quot;")
        .replaceAll("'", "&#x27;");
      const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><title>${escaped}</title></head><body></body></html>`;
      const cache = await caches.open(name);
      await cache.put(
        new URL(path, location.href).href,
        new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } }),
      );
    },
    { path, title },
  );
}

type Lesson = { path: string; pageTitle: string; heading: string; text: string };

/** Opens a lesson online and notes what must be seen again offline. */
async function openLesson(page: Page, path: string): Promise<Lesson> {
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toBeVisible();
  // The first paragraph of the lesson body (the header's paragraph is the reading time).
  const text = (await page.locator("article > div p").first().textContent())?.trim() ?? "";
  expect(text.length).toBeGreaterThan(20);
  return {
    path,
    pageTitle: await page.title(),
    heading: (await heading.textContent()) ?? "",
    text,
  };
}

async function expectLesson(page: Page, lesson: Lesson) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(lesson.heading);
  await expect(page.locator("article > div p").first()).toHaveText(lesson.text);
}

test("opened lessons stay readable offline, others get the offline page, signing out forgets them", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // A fresh trainee, enrolled, in a context without the worker: the trainee's own context then
  // starts on a lesson, the way a link shared in a cohort's chat would open one.
  const setup = await browser.newContext({ serviceWorkers: "block" });
  const setupPage = await setup.newPage();
  await setupPage.goto("/signup");
  await setupPage.getByLabel("Email address").fill(`offline-${Date.now()}@example.org`);
  await setupPage.getByLabel("Your name").fill("Fatmata Conteh");
  await setupPage.locator("#signup-password").fill("a lesson read on the bus home");
  await setupPage.getByLabel("Repeat the password").fill("a lesson read on the bus home");
  await setupPage.getByRole("button", { name: "Create my account" }).click();
  await expect(setupPage.getByText("Signed in as Fatmata Conteh")).toBeVisible();
  await setupPage.goto(`/courses/${COURSE_KEY}`);
  await expect(setupPage.getByRole("heading", { level: 1, name: COURSE_TITLE })).toBeVisible();
  await setupPage.getByRole("button", { name: "Enrol in this course" }).click();
  await expect(setupPage.getByText("You are enrolled in this course.")).toBeVisible();
  const lessonPaths = [
    ...new Set(
      await setupPage
        .locator(`a[href^="/courses/${COURSE_KEY}/lessons/"]`)
        .evaluateAll((links) =>
          links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
        ),
    ),
  ];
  const [firstPath, secondPath, unopenedPath] = lessonPaths;
  if (!firstPath || !secondPath || !unopenedPath) throw new Error("the course needs 3 lessons");
  const signedIn = await setup.storageState();
  await setup.close();

  // 1. A lesson opened before the worker existed (it saves that page and its stylesheets when it
  // activates), then a second one through the worker.
  const context = await browser.newContext({ storageState: signedIn });
  const page = await context.newPage();
  const first = await openLesson(page, firstPath);
  const onlineStyling = await styling(page);
  expect(onlineStyling.sheets.length).toBeGreaterThan(0);
  for (const sheet of onlineStyling.sheets) expect(sheet.rules).toBeGreaterThan(0);
  await waitForServiceWorker(page);
  const second = await openLesson(page, secondPath);
  // The worker stores pages after answering: wait until they are in.
  for (const path of [firstPath, secondPath, ...onlineStyling.sheets.map((s) => s.href)]) {
    await expect.poll(() => isCached(page, path), { message: `${path} cached` }).toBe(true);
  }
  expect(await isCached(page, unopenedPath)).toBe(false);
  await savePageTitled(page, TRICKY.path, TRICKY.title);
  // The stylesheets are also in the browser's HTTP cache (immutable, a year): empty it, so what
  // follows needs the worker's own copies, as on a phone that evicted them.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.clearBrowserCache");
  await cdp.detach();

  // 2. Offline: the first lesson, styled by the cached stylesheet, on navigation and on reload.
  await context.setOffline(true);
  for (const open of [() => page.goto(firstPath), () => page.reload()]) {
    const response = await open();
    expect(response?.status()).toBe(200);
    expect(response?.fromServiceWorker()).toBe(true);
    await expectLesson(page, first);
    // Same sheets, each with its rules, and the same computed styles as online.
    expect(await styling(page)).toEqual(onlineStyling);
  }

  // Without the worker the same offline reload fails: what passed above came from the worker.
  const noWorker = await browser.newContext({ serviceWorkers: "block", storageState: signedIn });
  const noWorkerPage = await noWorker.newPage();
  await openLesson(noWorkerPage, firstPath);
  await noWorker.setOffline(true);
  await expect(noWorkerPage.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
  await noWorker.close();

  // 3. Offline, a lesson never opened: the offline page, linking to the opened ones.
  const offline = await page.goto(unopenedPath);
  expect(offline?.status()).toBe(503);
  expect(offline?.fromServiceWorker()).toBe(true);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveTitle(OFFLINE_EN.title);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(OFFLINE_EN.title);
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: OFFLINE_EN.retry })).toHaveAttribute(
    "href",
    unopenedPath,
  );
  const saved = main.getByRole("list").getByRole("link");
  for (const lesson of [first, second]) {
    await expect(saved.filter({ hasText: lesson.pageTitle })).toHaveAttribute("href", lesson.path);
  }
  await expect(saved.and(page.locator(`[href="${unopenedPath}"]`))).toHaveCount(0);
  // Titles are read from the cached HTML as text and written out escaped.
  await expect(main.locator(`a[href="${TRICKY.path}"]`)).toHaveText(TRICKY.title);
  await expect(main.locator("img")).toHaveCount(0);
  // Every saved page is a course or lesson page, listed under its own title.
  for (const link of await saved.all()) {
    expect(await link.getAttribute("href")).toMatch(/^\/courses\/[^/]+(\/lessons\/[^/]+)?$/);
    expect(((await link.textContent()) ?? "").trim()).not.toBe("");
  }
  await expectNoAxeViolations(page);

  // Following a saved link works offline too.
  await saved.filter({ hasText: second.pageTitle }).click();
  await expect(page).toHaveURL(secondPath);
  await expectLesson(page, second);

  // 4. Back online: the retry link opens the lesson, and server errors reach the user as they are.
  await page.goto(unopenedPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(OFFLINE_EN.title);
  await context.setOffline(false);
  await page.getByRole("link", { name: OFFLINE_EN.retry }).click();
  await expect(page).toHaveURL(unopenedPath);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(OFFLINE_EN.title);
  await expect(page.locator("article > div p").first()).toBeVisible();
  await expect.poll(() => isCached(page, unopenedPath)).toBe(true);
  for (const missing of [`/courses/${COURSE_KEY}/lessons/no-such-lesson`, "/no/such/page"]) {
    const response = await page.goto(missing);
    expect(response?.status(), missing).toBe(404);
    expect(response?.fromServiceWorker(), missing).toBe(true);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(OFFLINE_EN.title);
    expect(await isCached(page, missing)).toBe(false);
  }

  // 5. Signing out empties the saved pages: offline, the next person sees no lesson.
  await page.goto(firstPath);
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" }).first()).toBeVisible();
  for (const path of [firstPath, secondPath, unopenedPath]) {
    await expect.poll(() => isCached(page, path), { message: `${path} forgotten` }).toBe(false);
  }
  await context.setOffline(true);
  const afterLogout = await page.goto(firstPath);
  expect(afterLogout?.status()).toBe(503);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(OFFLINE_EN.title);
  await expect(page.getByRole("main").getByRole("list")).toHaveCount(0);
  await expect(page.getByText(first.text)).toHaveCount(0);
  await expect(page.getByText(first.heading)).toHaveCount(0);
  await context.close();
});

test("the offline page speaks French to a French browser", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto("/");
  await waitForServiceWorker(page);
  await context.setOffline(true);
  const response = await page.goto("/courses");
  expect(response?.status()).toBe(503);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page).toHaveTitle(OFFLINE_FR.title);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(OFFLINE_FR.title);
  // Nothing saved: the home and catalogue pages are never kept.
  await expect(page.getByRole("main").getByRole("list")).toHaveCount(0);
  await expectNoAxeViolations(page);

  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(OFFLINE_FR.title);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await context.close();
});
