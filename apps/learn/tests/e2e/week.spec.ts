import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO_TRAINERS } from "../../../../packages/db/src/seed/demo-people";
import { buildDemoPeople } from "../../../../packages/db/src/seed/demo-roster";
import { expectNoAxeViolations, expectNoAxeViolationsWithScripts } from "./axe";
import { logIn } from "./session";

// A trainee's and a trainer's week, without JavaScript and with it: catalogue search, profile, her
// workshops as a calendar file, and a failed "schedule a workshop" that lands on its errors.

/** A Gulu trainee: the recovery spec changes the passwords of Monrovia's (specs share one server). */
const TRAINEE = buildDemoPeople().trainees.gulu.at(-1)?.email ?? "";

const COHORT = "Monrovia 2026 — Advocacy for inclusive peace";

/** axe on the page: directly with scripts, through a copy with scripts without them. */
async function checkAxe(browser: Browser, page: Page, javaScriptEnabled: boolean) {
  if (javaScriptEnabled) await expectNoAxeViolations(page);
  else await expectNoAxeViolationsWithScripts(browser, page);
}

for (const javaScriptEnabled of [false, true]) {
  const js = javaScriptEnabled ? "with" : "without";

  test(`a trainee searches the catalogue, edits her profile and downloads her workshops (${js} JavaScript)`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled });
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
    await checkAxe(browser, page, javaScriptEnabled);

    await page.goto("/courses");
    await page.getByLabel("Search").fill("GENRE paix");
    await page.getByRole("button", { name: "Show courses" }).click();
    await expect(page).toHaveURL(/[?&]q=GENRE\+paix/);
    // Words of French titles, in capitals, found whatever the page's language.
    const results = page.getByRole("heading", { level: 2, name: /^\d+ courses?$/ });
    await expect(results).toBeVisible();
    console.log(`catalogue search "GENRE paix": ${await results.textContent()}`);
    await expect(results).not.toHaveText("0 courses");
    await checkAxe(browser, page, javaScriptEnabled);

    await page.goto("/account/profile");
    await page.getByLabel("Organisation").fill("Women's peace network, Monrovia");
    await page.getByRole("button", { name: "Save my profile" }).click();
    await expect(page.getByText("Your profile has been saved.")).toBeVisible();
    await expect(page.getByLabel("Organisation")).toHaveValue("Women's peace network, Monrovia");
    await checkAxe(browser, page, javaScriptEnabled);
    await context.close();
  });

  test(`a failed 'schedule a workshop' lands on its errors at the top (${js} JavaScript)`, async ({
    browser,
  }) => {
    const context = await browser.newContext({
      javaScriptEnabled,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    await logIn(page, DEMO_TRAINERS.monrovia.email);
    await page.goto("/trainer/cohorts");
    await page.getByRole("link", { name: COHORT }).first().click();
    await page.goto(`${page.url().replace(/[?#].*$/, "")}/sessions`);
    await page.getByRole("button", { name: "Schedule workshop" }).click();
    // Without scripts the form posts to the summary's fragment; with them the page moves focus there.
    if (javaScriptEnabled) await expect(page.locator("#workshop-errors")).toBeVisible();
    else await expect(page).toHaveURL(/#workshop-errors$/);
    const top = await page
      .locator("#workshop-errors")
      .evaluate((element) => element.getBoundingClientRect().top);
    console.log(`workshop error summary top after a failed post: ${top} px`);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(800);
    await checkAxe(browser, page, javaScriptEnabled);
    await context.close();
  });
}
