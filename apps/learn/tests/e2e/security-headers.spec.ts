import { expect, type Page, test } from "@playwright/test";

// Issue 10, defect 7: with the strict Content-Security-Policy (app/lib/response-headers.server.ts)
// the pages still work in a real browser — the nonced inline script registers the service
// worker, styles and progress bars apply — and the browser reports no violation at all.

const COURSE_KEY = "gender-conflict-foundations";

/** Every CSP violation the page reports, as the browser's own event and console see them. */
async function watchViolations(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Refused to load (CSP ${event.violatedDirective}): ${event.blockedURI}`);
    });
  });
  return violations;
}

test("pages keep working under the policy, with no violation reported", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations = await watchViolations(page);

  const home = await page.goto("/");
  const policy = home?.headers()["content-security-policy"] ?? "";
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(home?.headers()["cache-control"]).toBe("no-store");

  await page.goto("/signup");
  await page.getByLabel("Email address").fill(`csp-${Date.now()}@example.org`);
  await page.getByLabel("Your name").fill("Mariam Sesay");
  await page.locator("#signup-password").fill("a policy that blocks nothing of ours");
  await page.getByLabel("Repeat the password").fill("a policy that blocks nothing of ours");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText("Signed in as Mariam Sesay")).toBeVisible();

  await page.goto(`/courses/${COURSE_KEY}`);
  await page.getByRole("button", { name: "Enrol in this course" }).click();
  await expect(page.getByText("You are enrolled in this course.")).toBeVisible();
  // The progress bar's width is an inline style attribute: it must apply.
  const bar = page.locator('[role="progressbar"] div div').first();
  await expect(bar).toHaveAttribute("style", /width/);

  const lesson = await page
    .locator(`a[href^="/courses/${COURSE_KEY}/lessons/"]`)
    .first()
    .getAttribute("href");
  const lessonPage = await page.goto(lesson ?? "/");
  expect(lessonPage?.headers()["cache-control"]).toBe("no-store");
  // The style sheet applied (a blocked sheet leaves the browser's default 16px serif body).
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toMatch(
    /^"?Times/,
  );

  // The nonced inline script registered the service worker, which activates.
  await expect
    .poll(
      () =>
        page.evaluate(
          async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? "none",
        ),
      { timeout: 30_000 },
    )
    .toBe("activated");

  await page.goto("/learning");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);

  // The watch itself works, and the policy is enforced: an injected inline script is refused.
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.head.append(script);
  });
  await expect.poll(() => violations.length).toBe(1);
  expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();
  await context.close();
});
