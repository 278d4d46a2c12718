import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO_TRAINERS } from "../../../../packages/db/src/seed/demo-people";
import { buildDemoPeople } from "../../../../packages/db/src/seed/demo-roster";
import { expectNoAxeViolations } from "./axe";
import { logIn } from "./session";

// A trainee's and a trainer's week without JavaScript: catalogue search, profile, her workshops
// as a calendar file, and a failed "schedule a workshop" that lands on its errors.

/** A Gulu trainee: the recovery spec changes the passwords of Monrovia's (specs share one server). */
const TRAINEE = buildDemoPeople().trainees.gulu.at(-1)?.email ?? "";

/**
 * axe runs inside the page, so it needs scripts: the page as it is now (same address, same
 * cookies, same server state) opened once more with JavaScript, and checked there.
 */
async function axeWithScripts(browser: Browser, page: Page) {
  const context = await browser.newContext({
    storageState: await page.context().storageState(),
    viewport: page.viewportSize(),
  });
  const copy = await context.newPage();
  await copy.goto(page.url());
  await expectNoAxeViolations(copy);
  await context.close();
}
const COHORT = "Monrovia 2026 — Advocacy for inclusive peace";

test("a trainee searches the catalogue, edits her profile and downloads her workshops", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await logIn(page, TRAINEE);
  // Log-in lands on her learning, with her cohort's workshops and the calendar file.
  await expect(page).toHaveURL(/\/learning$/);
  await expect(page.getByRole("heading", { name: "My workshops" })).toBeVisible();
  const ics = await page.request.get("/workshops.ics");
  expect(ics.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const text = await ics.text();
  expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(text).toMatch(/\r\nUID:workshop-[^\r\n]+@peacelearn\r\n/);
  await axeWithScripts(browser, page);

  await page.goto("/courses");
  await page.getByLabel("Search").fill("GENRE paix");
  await page.getByRole("button", { name: "Show courses" }).click();
  await expect(page).toHaveURL(/[?&]q=GENRE\+paix/);
  // Words of French titles, in capitals, found whatever the page's language.
  const results = page.getByRole("heading", { level: 2, name: /^\d+ courses?$/ });
  await expect(results).toBeVisible();
  console.log(`catalogue search "GENRE paix": ${await results.textContent()}`);
  await expect(results).not.toHaveText("0 courses");
  await axeWithScripts(browser, page);

  await page.goto("/account/profile");
  await page.getByLabel("Organisation").fill("Women's peace network, Monrovia");
  await page.getByRole("button", { name: "Save my profile" }).click();
  await expect(page.getByText("Your profile has been saved.")).toBeVisible();
  await expect(page.getByLabel("Organisation")).toHaveValue("Women's peace network, Monrovia");
  await axeWithScripts(browser, page);
  await context.close();
});

test("a failed 'schedule a workshop' lands on its errors at the top, without JavaScript", async ({
  browser,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await logIn(page, DEMO_TRAINERS.monrovia.email);
  await page.goto("/trainer/cohorts");
  await page.getByRole("link", { name: COHORT }).first().click();
  await page.goto(`${page.url().replace(/[?#].*$/, "")}/sessions`);
  await page.getByRole("button", { name: "Schedule workshop" }).click();
  await expect(page).toHaveURL(/#workshop-errors$/);
  const top = await page
    .locator("#workshop-errors")
    .evaluate((element) => element.getBoundingClientRect().top);
  console.log(`workshop error summary top after a failed post: ${top} px`);
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(800);
  await axeWithScripts(browser, page);
  await context.close();
});
