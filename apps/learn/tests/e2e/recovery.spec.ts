import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_TRAINERS } from "../../../../packages/db/src/seed/demo-people";
import { buildDemoPeople } from "../../../../packages/db/src/seed/demo-roster";
import { expectNoAxeViolations } from "./axe";
import { logIn, logOut } from "./session";

// Issue 12: a trainee who forgot her password gets back in with a code her trainer issued (read
// out by phone), keeps her progress, and the audit log records who issued it. With and without
// JavaScript. The people come from the demo seed that tests/e2e/serve.mjs loads.

const ADMIN = "admin@demo.peacelearn.example";
const TRAINER = DEMO_TRAINERS.monrovia;
const COHORT = "Monrovia 2026 — Advocacy for inclusive peace";
const monrovia = buildDemoPeople().trainees.monrovia;
/** Two trainees whose names nobody else in the cohort has: one per run (JS on, JS off). */
const unique = monrovia.filter(
  (person) => monrovia.filter((other) => other.displayName === person.displayName).length === 1,
);

for (const [run, javaScriptEnabled] of [
  [0, true],
  [1, false],
] as const) {
  test.describe(`account recovery (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    test.use({ javaScriptEnabled });

    test("a trainee gets back in with a code from her trainer and keeps her progress", async ({
      page,
    }) => {
      const trainee = unique[run];
      if (!trainee) throw new Error("demo roster changed");
      const axe = javaScriptEnabled ? expectNoAxeViolations : async () => {};
      const newPassword = `a new sentence for run ${run} ${Date.now()}`;

      // Her progress before: the dashboard she will see again.
      await logIn(page, trainee.email);
      await page.goto("/learning");
      const progressBefore = await page.getByRole("main").textContent();
      await logOut(page);

      // The trainer issues a code from the trainee's page.
      await logIn(page, TRAINER.email);
      await page.goto("/trainer/cohorts");
      await page.getByRole("link", { name: COHORT }).click();
      await page.getByRole("link", { name: trainee.displayName, exact: true }).first().click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(trainee.displayName);
      await page.getByRole("button", { name: "Issue a recovery code" }).click();
      const code = ((await page.getByTestId("recovery-code").textContent()) ?? "").trim();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      await axe(page);
      await logOut(page);

      // She has forgotten her password: the login page says where to turn.
      await page.goto("/login");
      await page.getByRole("link", { name: "Get back in with a recovery code" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        "Get back into your account",
      );
      await axe(page);
      // A mistyped code first: refused, her e-mail kept.
      await page.getByLabel("Email address").fill(trainee.email);
      await page.getByLabel("Recovery code").fill("0000-0000-0000");
      await page.getByRole("textbox", { name: "New password" }).fill(newPassword);
      await page.getByLabel("Repeat the password").fill(newPassword);
      await page.getByRole("button", { name: "Set my new password" }).click();
      await expect(
        page.getByText("This recovery code does not work for this e-mail address."),
      ).toBeVisible();
      await expect(page.getByLabel("Email address")).toHaveValue(trainee.email);

      // The code as read over the phone: small letters, spaces instead of dashes.
      await page.getByLabel("Recovery code").fill(code.toLowerCase().replaceAll("-", " "));
      await page.getByRole("textbox", { name: "New password" }).fill(newPassword);
      await page.getByLabel("Repeat the password").fill(newPassword);
      await page.getByRole("button", { name: "Set my new password" }).click();
      await expect(page).toHaveURL(/\/learning$/);
      await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
      expect(await page.getByRole("main").textContent()).toBe(progressBefore);
      await logOut(page);

      // The old password no longer works; the new one does.
      await page.goto("/login");
      await page.getByLabel("Email address").fill(trainee.email);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Log in" }).click();
      await expect(page.getByText("The email address or the password is not right.")).toBeVisible();
      await logIn(page, trainee.email, newPassword);
      await logOut(page);

      // The audit log shows the code issued and used.
      await logIn(page, ADMIN);
      // The audit log names who issued the code, and for whom.
      await page.goto("/admin/audit?action=user.recovery-code.issued");
      const issuedRow = page
        .getByRole("row")
        .filter({ hasText: "Recovery code issued" })
        .filter({ hasText: trainee.email })
        .first();
      await expect(issuedRow).toContainText(TRAINER.displayName);
      await expect(issuedRow).toContainText(TRAINER.email);
      await page.goto("/admin/audit?action=user.recovery-code.used");
      await expect(
        page
          .getByRole("row")
          .filter({ hasText: "Recovery code used" })
          .filter({ hasText: trainee.email }),
      ).toHaveCount(1);
      await logOut(page);
    });
  });
}
