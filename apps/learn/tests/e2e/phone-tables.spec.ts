import { expect, type Page, test } from "@playwright/test";
import { DEMO_TRAINERS } from "../../../../packages/db/src/seed/demo-people";
import { expectNoAxeViolations } from "./axe";
import { logIn } from "./session";

// Wide tables on a phone: the person's name stays in view while the table scrolls sideways, the
// CSV-import example box can be scrolled from the keyboard, and the audit log shows who did
// what without scrolling sideways. The people come from the demo seed (tests/e2e/serve.mjs).

const ADMIN = "admin@demo.peacelearn.example";
const COHORT = "Monrovia 2026 — Advocacy for inclusive peace";

/** Left and right edges (CSS px) of an element. */
const edges = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      return { left: box.left, right: box.right };
    });

test("a trainer's roster keeps the names in view while it scrolls sideways on a phone", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await logIn(page, DEMO_TRAINERS.monrovia.email);
  await page.goto("/trainer/cohorts");
  await page.getByRole("link", { name: COHORT }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The progress grid: its row headers link to each trainee's page.
  const region = page.locator("section:has(> table):has(a[href*='/trainees/'])").first();
  const scrollWidth = await region.evaluate((element) => element.scrollWidth);
  expect(scrollWidth).toBeGreaterThan(360);
  const nameCell = "section:has(> table):has(a[href*='/trainees/']) tbody th[scope=row]";
  const before = await edges(page, nameCell);
  await region.evaluate((element) => {
    element.scrollLeft = element.scrollWidth;
  });
  const after = await edges(page, nameCell);
  console.log(
    `roster name cell before ${JSON.stringify(before)}, after scrolling ${JSON.stringify(after)}`,
  );
  // Sticky: the name cell has not moved out of the screen.
  expect(after.left).toBeGreaterThanOrEqual(0);
  expect(after.left).toBeCloseTo(before.left, 0);
  // A name column a reader can read: at least 8rem, at most half the screen.
  expect(after.right - after.left).toBeGreaterThanOrEqual(128);
  expect(after.right - after.left).toBeLessThanOrEqual(180);
  await region.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/peacelearn-shots/phone-roster-scrolled.png" });
  await expectNoAxeViolations(page);

  // The import page's example file is a focusable, named scroll box.
  await page.goto(`${page.url().replace(/[?#].*$/, "")}/members/import`);
  const example = page.getByRole("region", { name: "Example file" });
  await example.focus();
  await expect(example).toBeFocused();
  await expectNoAxeViolations(page);
  await context.close();
});

test("the attendance sheet prints without the site's header, menus or buttons", async ({
  page,
}) => {
  await logIn(page, DEMO_TRAINERS.monrovia.email);
  await page.goto("/trainer/cohorts");
  await page.getByRole("link", { name: COHORT }).first().click();
  await page.goto(`${page.url().replace(/[?#].*$/, "")}/sessions`);
  await page.locator('main a[href*="/sessions/"]').first().click();
  await expect(page.getByRole("button", { name: "Mark everyone present" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("button", { name: "Leave this site quickly" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Mark everyone present" })).toBeHidden();
  await page.screenshot({ path: "/tmp/peacelearn-shots/attendance-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });
  // A plain submit button (no script needed): everyone is saved as present.
  await page.getByRole("button", { name: "Mark everyone present" }).click();
  await expect(page.getByText("Attendance saved")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the audit log shows who did what without scrolling sideways at 390 px", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await logIn(page, ADMIN);
  await page.goto("/admin/audit");
  const first = page.getByRole("table").getByRole("rowheader").first();
  await expect(first).toBeVisible();
  const box = await first.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { left: rect.left, right: rect.right };
  });
  console.log(`audit row header at 390 px: ${JSON.stringify(box)}`);
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.right).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "/tmp/peacelearn-shots/phone-audit.png" });
  await expectNoAxeViolations(page);
  await context.close();
});
