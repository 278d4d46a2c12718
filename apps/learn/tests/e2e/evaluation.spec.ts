import { expect, type Page, test } from "@playwright/test";
import { DEMO_STAFF } from "../../../../packages/db/src/seed/demo-people";
import { expectNoAxeViolations } from "./axe";
import { logIn, logOut, openSiteMenu } from "./session";

// Pre/post tests, reaction and the learning-gain report (issue 15, ADR 029), on a phone, with
// axe on every page. A trainee of her own (signed up here, so no seeded person changes) takes the
// demo course's pre-test and rates a module; the seeded staff account (read-only, as in
// reports.spec) reads the report. Screenshots go to /tmp/peacelearn-shots.

const COURSE = "/courses/demo-gender-and-peacebuilding-basics";
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `/tmp/peacelearn-shots/evaluation-${name}.png`, fullPage: true });

test.use({ viewport: { width: 360, height: 740 } });

test("a trainee takes the pre-test once and rates a module; staff read the gain", async ({
  page,
}) => {
  const email = `pre-post-${Date.now()}@example.org`;
  await page.goto("/signup");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Your name").fill("Nadia Kamara");
  await page.locator("#signup-password").fill("peace starts with listening");
  await page.getByLabel("Repeat the password").fill("peace starts with listening");
  await page.getByRole("button", { name: "Create my account" }).click();
  await openSiteMenu(page);
  await expect(page.getByText("Signed in as Nadia Kamara")).toBeVisible();

  await page.goto(COURSE);
  await page.getByRole("link", { name: "Take the pre-test" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Before the course: what do you know?",
  );
  await expectNoAxeViolations(page);
  await shot(page, "pre-test");
  // One answer per question: the first option of each.
  const names = await page
    .locator('input[type="radio"][name^="answer-"]')
    .evaluateAll((inputs) => [...new Set(inputs.map((input) => (input as HTMLInputElement).name))]);
  expect(names).toHaveLength(3);
  for (const name of names) await page.locator(`input[name="${name}"]`).first().check();
  await page.getByRole("button", { name: "Submit my answers" }).click();
  await expect(page.getByText(/You have taken this test: you scored \d+/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(COURSE);
  await expect(page.getByText(/^Pre-test: \d+/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Take the pre-test" })).toHaveCount(0);

  const module = await page
    .locator('a[href*="/modules/"][href$="/check"]')
    .first()
    .getAttribute("href");
  await page.goto((module ?? "").replace(/\/check$/, "/feedback"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How was this module?");
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("heading", { name: "Please answer both questions" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("4 – Very useful").check();
  await page.getByLabel("3 – Fairly confident").check();
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByText("Thank you: your answers are saved.")).toBeVisible();
  await expect(page.getByLabel("4 – Very useful")).toBeChecked();
  await expectNoAxeViolations(page);
  await shot(page, "reaction");
  await logOut(page);

  await logIn(page, DEMO_STAFF.email);
  await page.goto("/reports/learning-gain");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Learning gain and reaction");
  await page.getByLabel("Broken down by").selectOption("sexAge");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/cut=sexAge/);
  const gain = page.locator("section", {
    has: page.getByRole("heading", { name: "Learning gain" }),
  });
  await expect(gain.getByRole("row", { name: /^All / })).toContainText(/\d+,?\d*/);
  await expect(gain.getByText("withheld").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "report");
  await logOut(page);
});
