import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// Runs with and without JavaScript: every auth form is a plain POST.
for (const javaScriptEnabled of [true, false]) {
  test.describe(`accounts (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    test.use({ javaScriptEnabled });

    test("sign up, see errors without losing input, log out, log back in", async ({ page }) => {
      // axe runs inside the page, so it checks the JavaScript run; both runs get the same HTML.
      const axe = javaScriptEnabled ? expectNoAxeViolations : async () => {};
      const email = `e2e-${javaScriptEnabled ? "js" : "nojs"}-${Date.now()}@example.org`;
      await page.goto("/signup");
      await axe(page);

      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Your name").fill("Mariama Bah");
      await page.locator("#signup-password").fill("short");
      await page.getByLabel("Repeat the password").fill("short");
      await page.getByRole("button", { name: "Create my account" }).click();

      await expect(
        page.getByRole("heading", { name: "Please correct the following" }),
      ).toBeVisible();
      await expect(page.getByLabel("Your name")).toHaveValue("Mariama Bah");
      await expect(page.getByLabel("Email address")).toHaveValue(email);
      await axe(page);

      await page.locator("#signup-password").fill("peace starts with listening");
      await page.getByLabel("Repeat the password").fill("peace starts with listening");
      await page.getByRole("button", { name: "Create my account" }).click();
      await expect(page.getByText("Signed in as Mariama Bah")).toBeVisible();

      await page.getByRole("button", { name: "Log out" }).click();
      await expect(page.getByRole("link", { name: "Log in" }).first()).toBeVisible();

      await page.goto("/login");
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password").fill("not my password");
      await page.getByRole("button", { name: "Log in" }).click();
      await expect(page.getByText("The email address or the password is not right.")).toBeVisible();
      await axe(page);

      await page.getByLabel("Password").fill("peace starts with listening");
      await page.getByRole("button", { name: "Log in" }).click();
      await expect(page.getByText("Signed in as Mariama Bah")).toBeVisible();

      await page.goto("/account/security");
      await expect(page.getByRole("heading", { name: "Password and sessions" })).toBeVisible();
      await axe(page);
    });
  });
}

test("a page that needs an account sends a visitor to log in, then back", async ({ page }) => {
  await page.goto("/account/security");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount%2Fsecurity/);
  await page.getByLabel("Email address").fill("admin@demo.peacelearn.example");
  // The seed's admin and its DEMO_PASSWORD (packages/db/src/seed/demo-people.ts).
  await page.getByLabel("Password").fill("peace-demo-2026");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
});
