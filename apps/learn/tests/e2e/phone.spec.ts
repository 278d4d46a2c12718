import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// A trainee on a 360 × 740 phone (the measuring device): the first screen of a lesson
// shows its title and its first paragraph, in English and in French, and the quick exit stays
// in view whatever the scroll.

const PHONE = { width: 360, height: 740 };
const COURSE_TITLE = "Gender, conflict and peacebuilding: foundations";

/**
 * The lesson's title and first paragraph, as the browser lays them out (CSS pixels), are on the
 * first screen; photographed, checked with axe, and printed for the record.
 */
async function expectFirstScreen(page: Page, locale: string) {
  const { title, paragraph } = await firstScreen(page);
  console.log(
    `phone ${locale}: title ${JSON.stringify(title)}, paragraph ${JSON.stringify(paragraph)}`,
  );
  expect(title.top).toBeGreaterThan(0);
  expect(paragraph.bottom).toBeLessThanOrEqual(PHONE.height);
  await page.screenshot({ path: `/tmp/peacelearn-shots/phone-lesson-${locale}.png` });
  await expectNoAxeViolations(page);
}

async function firstScreen(page: Page) {
  const title = await page.getByRole("heading", { level: 1 }).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom };
  });
  const paragraph = await page
    .locator("article > div p")
    .first()
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom };
    });
  return { title, paragraph };
}

test("a lesson's title and first paragraph are on a phone's first screen, in English and French", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("Email address").fill(`phone-${Date.now()}@example.org`);
  await page.getByLabel("Your name").fill("Mariama Phone");
  await page.locator("#signup-password").fill("listening is where peace starts");
  await page.getByLabel("Repeat the password").fill("listening is where peace starts");
  await page.getByRole("button", { name: "Create my account" }).click();
  // Sign-up lands on her own learning, not the public home page.
  await expect(page).toHaveURL(/\/learning$/);
  await expect(page.getByRole("heading", { level: 1, name: "My learning" })).toBeVisible();

  await page.goto("/courses");
  await page.getByRole("link", { name: COURSE_TITLE }).first().click();
  await page.getByRole("button", { name: "Enrol in this course" }).click();
  await page.getByRole("link", { name: "Start the course" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await expectFirstScreen(page, "en");

  // The account, language and discreet-mode controls are one tap away, behind the menu.
  await expect(page.getByRole("button", { name: "Français" })).toBeHidden();
  await page.locator("summary", { hasText: "Menu" }).click();
  await expect(page.getByText("Signed in as Mariama Phone")).toBeVisible();
  await page.screenshot({ path: "/tmp/peacelearn-shots/phone-menu-open.png" });
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");

  await expectFirstScreen(page, "fr");

  // Scrolled to the end, the quick exit is still at the top of the screen.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const exit = page.getByRole("button", { name: "Quitter ce site rapidement" });
  await expect(exit).toBeInViewport();
  const exitBox = await exit.boundingBox();
  expect(exitBox?.y ?? -1).toBeGreaterThanOrEqual(0);
  expect(exitBox?.y ?? 999).toBeLessThan(48);
  await context.close();
});

test("on a desktop the menu's controls are shown without opening anything", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Français" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Log in" }).first()).toBeVisible();
  await expect(page.locator("summary", { hasText: "Menu" })).toBeHidden();
  await expectNoAxeViolations(page);
});
