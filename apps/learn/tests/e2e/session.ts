import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../../../packages/db/src/seed/demo-people";

// Signing in and out as a person does it, at any screen size: on a phone the header's account,
// language and discreet-mode controls sit behind the "Menu" of a native <details> element
// (components/site-shell.tsx); from the `sm` width up it is always open.

const LOG_OUT = /^(Log out|Déconnexion)$/;

/** Opens the header's menu when the screen is narrow enough to fold it. */
export async function openSiteMenu(page: Page) {
  const menu = page.locator("details.site-menu");
  const summary = menu.locator("> summary");
  if (!(await summary.isVisible())) return;
  if (!(await menu.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await summary.click();
  }
}

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await openSiteMenu(page);
  await expect(page.getByRole("button", { name: LOG_OUT })).toBeVisible();
}

export async function logOut(page: Page) {
  await openSiteMenu(page);
  await page.getByRole("button", { name: LOG_OUT }).click();
  await openSiteMenu(page);
  await expect(page.getByRole("link", { name: /^(Log in|Connexion)$/ }).first()).toBeVisible();
}
