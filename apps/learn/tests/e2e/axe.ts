import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page } from "@playwright/test";

/** The WCAG 2.x A/AA (and best-practice) violations on the page as it is now, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

/** Fails the test on any WCAG 2.x A/AA violation on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page), "axe violations").toEqual([]);
}

/**
 * axe runs inside the page, so it needs scripts: for a page opened without JavaScript, the page
 * as it is now (same address, same cookies, same server state) is opened once more with
 * JavaScript, and checked there.
 */
export async function expectNoAxeViolationsWithScripts(browser: Browser, page: Page) {
  const context = await browser.newContext({
    storageState: await page.context().storageState(),
    viewport: page.viewportSize(),
  });
  const copy = await context.newPage();
  await copy.goto(page.url());
  await expectNoAxeViolations(copy);
  await context.close();
}
