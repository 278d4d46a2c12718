import { expect, type Page, test } from "@playwright/test";
import {
  DEMO_ADMIN,
  DEMO_STAFF,
  DEMO_TRAINERS,
} from "../../../../packages/db/src/seed/demo-people";
import { buildDemoPeople } from "../../../../packages/db/src/seed/demo-roster";
import { tellingWordsIn } from "../../app/test/telling-words";
import { logIn, openSiteMenu } from "./session";

// Issue 12, discreet mode: walk every page each role can reach by following links, in English and
// French, on a phone, and read what someone glancing at the screen would: the address, the tab
// title, the site header, the breadcrumbs, the main heading, and every link and form address.
// None may carry a telling word (app/test/telling-words.ts). Then the service worker's offline
// page: neutral too, its saved pages listed under neutral labels and still readable.

const trainee = buildDemoPeople().trainees.kathmandu.at(-1);
const PAGE_LIMIT = 40;

async function turnOnDiscreetMode(page: Page) {
  await page.goto("/");
  await openSiteMenu(page);
  await page
    .getByRole("button", { name: /^(Turn on discreet mode|Activer le mode discret)$/ })
    .click();
  await openSiteMenu(page);
  await expect(
    page.getByRole("button", { name: /^(Standard display|Affichage standard)$/ }),
  ).toBeVisible();
}

async function chooseLanguage(page: Page, name: "English" | "Français") {
  await openSiteMenu(page);
  await page.getByRole("button", { name, exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", name === "English" ? "en" : "fr");
}

/** What a glance shows apart from the page's own text, and where its links go. */
async function readChrome(page: Page) {
  return page.evaluate(() => {
    const text = (selector: string) =>
      [...document.querySelectorAll(selector)].map((node) => node.textContent ?? "").join(" ");
    const addresses = [
      ...[...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href") ?? ""),
      ...[...document.querySelectorAll("form[action]")].map((f) => f.getAttribute("action") ?? ""),
    ];
    const links = [...document.querySelectorAll<HTMLAnchorElement>("a[href]")]
      .filter((a) => !a.hasAttribute("download"))
      .map((a) => a.href);
    return {
      chrome: [
        location.href,
        document.title,
        text("body > header, header:not(article header)"),
        text('nav[aria-label="Breadcrumb"], nav[aria-label="Fil d’Ariane"]'),
        text("h1"),
        addresses.join(" "),
      ].join("\n"),
      links,
    };
  });
}

/** Follows links breadth-first from `start`; returns every telling word found, by address. */
async function crawl(page: Page, start: string, limit = PAGE_LIMIT) {
  const origin = new URL(page.url()).origin;
  const queue = [new URL(start, origin).href];
  const seen = new Set(queue);
  const found: string[] = [];
  let visited = 0;
  while (queue.length > 0 && visited < limit) {
    const address = queue.shift() as string;
    const response = await page.goto(address);
    visited += 1;
    expect(response?.status(), address).toBeLessThan(500);
    const { chrome, links } = await readChrome(page);
    const words = tellingWordsIn(chrome);
    if (words.length > 0) found.push(`${page.url()}: ${words.join(", ")}`);
    for (const link of links) {
      const url = new URL(link);
      url.hash = "";
      if (url.origin !== origin || seen.has(url.href)) continue;
      seen.add(url.href);
      queue.push(url.href);
    }
  }
  return { found, visited };
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`discreet mode (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 360, height: 740 } });

    test("no page a trainee reaches names the subject, in English or French", async ({ page }) => {
      test.setTimeout(300_000);
      if (!trainee) throw new Error("demo roster changed");
      await logIn(page, trainee.email);
      // The control: without discreet mode the same walk finds the words.
      const control = await crawl(page, "/learning", 6);
      expect(control.found.length).toBeGreaterThan(3);
      await turnOnDiscreetMode(page);
      for (const language of ["English", "Français"] as const) {
        await chooseLanguage(page, language);
        const { found, visited } = await crawl(page, "/learning");
        expect(visited, language).toBeGreaterThan(8);
        expect(found, language).toEqual([]);
      }
      // The lesson's own text is still there to read.
      await page.goto("/courses");
      await page
        .getByRole("link", { name: /^(Course|Cours) [0-9A-Z]{3}$/ })
        .first()
        .click();
      await page.getByRole("link", { name: /^(Lesson|Leçon) 1\.1$/ }).click();
      expect(new URL(page.url()).pathname).toMatch(/^\/n\/[A-Za-z0-9_-]+$/);
      await expect(page.locator("article > div p").first()).toBeVisible();
      expect(((await page.locator("article").textContent()) ?? "").length).toBeGreaterThan(400);
      await page.screenshot({ path: test.info().outputPath("discreet-lesson.png") });
    });
  });
}

test.describe("discreet mode for trainers, staff and admins", () => {
  test.use({ viewport: { width: 360, height: 740 } });
  for (const [role, email] of [
    ["trainer", DEMO_TRAINERS.kathmandu.email],
    ["staff", DEMO_STAFF.email],
    ["admin", DEMO_ADMIN.email],
  ] as const) {
    test(`no page a ${role} reaches names the subject`, async ({ page }) => {
      test.setTimeout(300_000);
      await logIn(page, email);
      await turnOnDiscreetMode(page);
      for (const language of ["English", "Français"] as const) {
        await chooseLanguage(page, language);
        const { found } = await crawl(page, "/");
        expect(found, `${role}, ${language}`).toEqual([]);
      }
    });
  }
});

test("offline in discreet mode, the saved pages are listed neutrally and still open", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  if (!trainee) throw new Error("demo roster changed");
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await logIn(page, trainee.email);
  await turnOnDiscreetMode(page);
  await page.goto("/courses");
  await page
    .getByRole("link", { name: /^Course [0-9A-Z]{3}$/ })
    .first()
    .click();
  const lessons = page.getByRole("link", { name: /^Lesson \d+\.\d+$/ });
  const [first, unopened] = [
    await lessons.nth(0).getAttribute("href"),
    await lessons.nth(2).getAttribute("href"),
  ];
  if (!first || !unopened) throw new Error("the course needs 3 lessons");
  await page.goto(first);
  await expect
    .poll(() =>
      page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state),
    )
    .toBe("activated");
  await page.reload();
  await expect
    .poll(() => page.evaluate(async (path) => !!(await caches.match(path)), first))
    .toBe(true);
  const lessonText = (await page.locator("article > div p").first().textContent()) ?? "";

  await context.setOffline(true);
  const offline = await page.goto(unopened);
  expect(offline?.status()).toBe(503);
  const everything = await page.evaluate(
    () =>
      `${location.href}\n${document.title}\n${document.body.textContent}\n${[
        ...document.querySelectorAll("a[href]"),
      ]
        .map((a) => a.getAttribute("href"))
        .join(" ")}`,
  );
  expect(tellingWordsIn(everything)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath("discreet-offline-page.png") });
  const saved = page.getByRole("main").getByRole("list").getByRole("link");
  await expect(saved.first()).toHaveText(/^Saved page \d+$/);
  for (const link of await saved.all()) {
    expect(await link.getAttribute("href")).toMatch(/^\/n\/[A-Za-z0-9_-]+$/);
  }
  await saved
    .filter({ has: page.locator(`[href="${first}"]`) })
    .or(page.locator(`main a[href="${first}"]`))
    .first()
    .click();
  await expect(page.locator("article > div p").first()).toHaveText(lessonText);
  await page.screenshot({ path: test.info().outputPath("discreet-offline.png") });
  await context.close();
});
