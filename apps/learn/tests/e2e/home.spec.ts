import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

test.describe("home page", () => {
  test("speaks English by default, lists the programme regions, ships no JavaScript", async ({
    page,
  }) => {
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "West Africa" })).toBeVisible();
    await expect(page.getByText("Sierra Leone")).toBeVisible();
    await expect(page.getByText("Abkhazia", { exact: false }).first()).toBeVisible();
    expect(scripts).toEqual([]);
    await expectNoAxeViolations(page);
  });

  test("follows Accept-Language and the language switch, which is remembered", async ({
    browser,
  }) => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { name: /Afrique de l.Ouest/ })).toBeVisible();
    await expect(page.getByText("Guinée", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await context.close();
  });

  test("an unknown address gets a real 404 page", async ({ page }) => {
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
