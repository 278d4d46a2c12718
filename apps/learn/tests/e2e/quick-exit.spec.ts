import { expect, type Page, test } from "@playwright/test";
import { DEMO_TRAINERS } from "../../../../packages/db/src/seed/demo-people";
import { buildDemoPeople } from "../../../../packages/db/src/seed/demo-roster";
import { logIn } from "./session";

// Issue 12: quick exit must leave nothing one Back press away. Open a lesson, or a sensitive
// accompaniment note, press "Leave this site quickly" (or Escape twice), then walk the whole
// history back: no page may show the lesson text or the note. With and without JavaScript.
// The neutral site is answered locally: the build machines reach no other site.

const NEUTRAL = "https://www.bbc.com/weather";
const COURSE_TITLE = "Gender, conflict and peacebuilding: foundations";
const TRAINER = DEMO_TRAINERS.monrovia;
/** Nobody else's test uses the last of the Monrovia trainees. */
const trainee = buildDemoPeople().trainees.monrovia.at(-1);

async function stubNeutralSite(page: Page) {
  await page.route("https://www.bbc.com/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: "<!doctype html><title>Weather</title><h1>Weather today</h1>",
    }),
  );
}

/** Goes Back until the history has no more entries; returns every page's address and HTML. */
async function walkHistoryBack(page: Page): Promise<string[]> {
  const seen: string[] = [];
  for (let step = 0; step < 30; step += 1) {
    const before = page.url();
    const response = await page.goBack({ waitUntil: "load" });
    if (!response && page.url() === before) break;
    seen.push(`${page.url()}\n${await page.content()}`);
  }
  return seen;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`quick exit (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 360, height: 740 } });

    test("after leaving a lesson, no page in the history shows it", async ({ page }) => {
      if (!trainee) throw new Error("demo roster changed");
      await stubNeutralSite(page);
      await logIn(page, trainee.email);
      await page.goto("/courses");
      await page.getByRole("link", { name: COURSE_TITLE }).first().click();
      await page
        .getByRole("region", { name: "Modules and lessons" })
        .getByRole("link")
        .first()
        .click();
      await expect(page).toHaveURL(/\/lessons\//);
      // A sentence of the lesson, to look for afterwards.
      const paragraph = page.getByRole("main").locator("p").nth(1);
      const lessonText = ((await paragraph.textContent()) ?? "").trim().slice(0, 60);
      expect(lessonText.length).toBeGreaterThan(20);

      // Far down a long lesson the button is still in view.
      await page.mouse.wheel(0, 3000);
      const button = page.getByRole("button", { name: "Leave this site quickly" });
      await expect(button).toBeInViewport();
      if (javaScriptEnabled) {
        // The shortcut: Escape twice.
        await page.keyboard.press("Escape");
        await page.keyboard.press("Escape");
      } else {
        await button.click();
      }
      await expect(page).toHaveURL(NEUTRAL);

      const history = await walkHistoryBack(page);
      expect(history.length).toBeGreaterThan(0);
      for (const entry of history) expect(entry).not.toContain(lessonText);
    });

    test("after leaving a sensitive note, no page in the history shows it", async ({ page }) => {
      await stubNeutralSite(page);
      const note = `Quick exit ${javaScriptEnabled ? "js" : "nojs"} ${Date.now()}: she sleeps at her sister's.`;
      await logIn(page, TRAINER.email);
      await page.goto("/trainer/accompaniment/new");
      const select = page.getByLabel("Trainee");
      const firstTrainee = select.locator("option").nth(1);
      await select.selectOption((await firstTrainee.getAttribute("value")) ?? "");
      await page.getByRole("radio", { name: "Phone" }).check();
      await page.getByLabel("Duration").fill("30");
      await page.getByLabel("Your notes").fill(note);
      await page.getByLabel("Sensitive note").check();
      await page.getByRole("button", { name: "Save the session" }).click();
      await expect(page.getByText(note)).toBeVisible();

      await page.getByRole("button", { name: "Leave this site quickly" }).click();
      await expect(page).toHaveURL(NEUTRAL);

      const history = await walkHistoryBack(page);
      expect(history.length).toBeGreaterThan(0);
      for (const entry of history) expect(entry).not.toContain(note);
      // And the browser is signed out: the note's page asks for a login.
      await page.goto("/trainer/accompaniment");
      await expect(page).toHaveURL(/\/login\?redirectTo=/);
    });
  });
}
