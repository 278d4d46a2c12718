import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO_ADMIN } from "../../../../packages/db/src/seed/demo-people";
import { expectNoAxeViolations } from "./axe";
import { logIn } from "./session";

// An admin opens an account for a trainer who has no e-mail access at the office, she sets her own
// password with the one-time code on her phone, and the admin later deactivates the account: her
// open page sends her to the log-in page, her right password gets the wrong password's answer;
// reactivated, she is back (issue 14, ADR 027). Only the account this spec creates is changed;
// the seeded admin is only signed in.

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const WRONG = "The email address or the password is not right.";

async function signedInAdmin(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const page = await (await browser.newContext({ viewport: DESKTOP, javaScriptEnabled })).newPage();
  await logIn(page, DEMO_ADMIN.email);
  return page;
}

async function tryLogIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

for (const javaScriptEnabled of [true, false]) {
  test(`an admin opens an account with a one-time code, then deactivates and reactivates it (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
    browser,
  }) => {
    // axe runs inside the page: the pages without scripts are the same HTML, checked with them.
    const axe = javaScriptEnabled ? expectNoAxeViolations : async () => {};
    const stamp = Date.now();
    const email = `created-${stamp}@example.org`;
    const name = `Created Trainer ${stamp}`;
    const password = `her own sentence ${stamp}`;

    const admin = await signedInAdmin(browser, javaScriptEnabled);
    await admin.goto("/admin");
    await admin.getByRole("link", { name: "Create an account" }).click();
    await axe(admin);
    // A mistake first: the summary names the field, and what she typed stays.
    await admin.getByLabel("Full name").fill(name);
    await admin.getByLabel("Email address").fill("not an address");
    await admin.getByRole("button", { name: "Create the account" }).click();
    await expect(admin.getByRole("link", { name: /^Email address:/ })).toBeVisible();
    await expect(admin.getByLabel("Full name")).toHaveValue(name);
    await axe(admin);
    await admin.getByLabel("Email address").fill(email);
    await admin.getByLabel("Role").selectOption("trainer");
    await admin.getByLabel("Language of the pages").selectOption("en");
    await admin.getByRole("button", { name: "Create the account" }).click();
    const code = ((await admin.getByTestId("recovery-code").textContent()) ?? "").trim();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    await axe(admin);
    await admin.getByRole("link", { name: "Open the account" }).click();
    const accountUrl = admin.url();
    // Shown once: her page offers a new code, never this one.
    await expect(admin.getByText(code)).toHaveCount(0);

    // On her phone she sets her own password with the code.
    const phone = await (
      await browser.newContext({ viewport: PHONE, javaScriptEnabled })
    ).newPage();
    await phone.goto("/recover");
    await phone.getByLabel("Email address").fill(email);
    await phone.getByLabel("Recovery code").fill(code);
    await phone.getByRole("textbox", { name: "New password" }).fill(password);
    await phone.getByLabel("Repeat the password").fill(password);
    await phone.getByRole("button", { name: "Set my new password" }).click();
    await expect(phone).toHaveURL(/\/learning$/);
    await phone.goto("/trainer/cohorts");
    await expect(phone.getByRole("heading", { level: 1 })).toBeVisible();

    // Deactivated: her open page is gone at the next click, her password answers as a wrong one.
    await admin.goto(accountUrl);
    await admin.getByRole("button", { name: "Deactivate the account" }).click();
    await expect(
      admin.getByText("The account is deactivated and its sessions have ended."),
    ).toBeVisible();
    await axe(admin);
    await phone.reload();
    await expect(phone).toHaveURL(/\/login\?redirectTo=/);
    await tryLogIn(phone, email, password);
    await expect(phone.getByText(WRONG)).toBeVisible();
    await tryLogIn(phone, email, `${password} typo`);
    await expect(phone.getByText(WRONG)).toBeVisible();
    await admin.goto(`/admin?${new URLSearchParams({ q: email })}`);
    await expect(admin.getByRole("row").filter({ hasText: email })).toContainText("Deactivated");
    await admin.goto("/admin/audit?action=user.deactivated");
    await expect(admin.getByRole("row").filter({ hasText: email })).toHaveCount(1);

    // Reactivated: the same password works again.
    await admin.goto(accountUrl);
    await admin.getByRole("button", { name: "Reactivate the account" }).click();
    await expect(admin.getByText("The account is active again.", { exact: false })).toBeVisible();
    await tryLogIn(phone, email, password);
    await expect(phone).toHaveURL(/\/learning$/);
  });
}
