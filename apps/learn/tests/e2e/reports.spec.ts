import { readFile } from "node:fs/promises";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO_STAFF } from "../../../../packages/db/src/seed/demo-people";
import { expectNoAxeViolations } from "./axe";
import { logIn } from "./session";

// Programme staff read the reports (issue 14, item "reports a programme officer reads without
// help"): the seeded staff account (Aïssatou Barry), which only reads — no other spec changes
// data through it. On a 360 × 740 phone and on a desktop, in English and in French, with and
// without JavaScript: the headline figures with their units in words, a trend by quarter, bars
// whose labels are never clipped, and axe on every page. Screenshots go to /tmp/peacelearn-shots.

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

const words = {
  en: {
    heading: /at a glance$/,
    headline: /^about \d+$/,
    unit: "a person enrolled in two courses counts twice",
    trend: /per quarter of \d{4}$/,
    protection: "Counts below 5 are hidden",
    tableUnit: "Enrolments (a person in two courses counts twice)",
    perturbed: "Figures are randomly adjusted",
  },
  fr: {
    heading: /en bref$/,
    headline: /^environ \d+$/,
    unit: "une personne inscrite à deux formations compte deux fois",
    trend: /par trimestre de \d{4}$/,
    protection: "Les effectifs inférieurs à 5 sont masqués",
    tableUnit: "Inscriptions (une personne inscrite à deux formations compte deux fois)",
    perturbed: "Les chiffres sont modifiés au hasard",
  },
} as const;

type Locale = keyof typeof words;

/** Every chart label fits its box (no clipped text) and lies wholly inside the screen's width. */
async function expectChartLabelsFit(page: Page, width: number, atLeast: number) {
  const labels = await page.locator("[data-chart-label]").evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return {
        text: element.textContent ?? "",
        scrollWidth: element.scrollWidth,
        clientWidth: element.clientWidth,
        left: box.left,
        right: box.right,
      };
    }),
  );
  expect(labels.length).toBeGreaterThanOrEqual(atLeast);
  for (const label of labels) {
    expect(label.scrollWidth, `clipped: ${label.text}`).toBeLessThanOrEqual(label.clientWidth);
    expect(label.left, `off screen: ${label.text}`).toBeGreaterThanOrEqual(0);
    expect(label.right, `off screen: ${label.text}`).toBeLessThanOrEqual(width);
  }
  // Nor does the page itself scroll sideways.
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth).toBeLessThanOrEqual(width);
}

/**
 * The default page (formal, sex × age band of the latest year) and an exploration cut of the same
 * (perturbed, so drawn as bars), photographed. Axe needs scripts: with JavaScript off the same
 * pages were checked by the JavaScript-on run.
 */
async function checkReports(
  page: Page,
  locale: Locale,
  size: typeof PHONE,
  shot: string,
  axe: boolean,
) {
  const text = words[locale];
  await page.setViewportSize(size);
  await page.goto("/reports");
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.getByRole("heading", { level: 2, name: text.heading })).toBeVisible();
  // Two headline figures (enrolments, completions), each with its unit in plain words.
  const headlines = page.locator("[data-headline]");
  await expect(headlines).toHaveCount(2);
  for (const headline of await headlines.all()) await expect(headline).toHaveText(text.headline);
  await expect(page.getByText(text.unit).first()).toBeVisible();
  await expect(page.getByText(text.trend)).toBeVisible();
  await expect(page.getByText(text.protection)).toBeVisible();
  await expect(page.getByRole("columnheader", { name: text.tableUnit })).toBeVisible();
  await expectChartLabelsFit(page, size.width, 4);
  await page.screenshot({ path: `/tmp/peacelearn-shots/${shot}.png`, fullPage: true });
  if (axe) await expectNoAxeViolations(page);

  await page.goto("/reports?tier=exploration&measure=enrolments&by=gender&by=ageBand");
  await expect(page.getByText(text.perturbed)).toBeVisible();
  // Every gender's bars with their age bands, long French labels included, nothing cut off.
  await expectChartLabelsFit(page, size.width, 10);
  await page.screenshot({ path: `/tmp/peacelearn-shots/${shot}-exploration.png`, fullPage: true });
  if (axe) await expectNoAxeViolations(page);
}

/** A signed-in staff member's cookies, to open contexts in each language and without scripts. */
async function staffSession(browser: Browser) {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await logIn(page, DEMO_STAFF.email);
  const state = await context.storageState();
  await context.close();
  return state;
}

for (const javaScriptEnabled of [true, false]) {
  test(`reports read on a phone and a desktop, in English and French (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
    browser,
  }) => {
    const storageState = await staffSession(browser);
    for (const locale of ["en", "fr"] as const) {
      const context = await browser.newContext({
        storageState,
        locale: locale === "fr" ? "fr-FR" : "en-US",
        javaScriptEnabled,
      });
      const page = await context.newPage();
      const js = javaScriptEnabled ? "js" : "nojs";
      await checkReports(page, locale, PHONE, `reports-phone-${locale}-${js}`, javaScriptEnabled);
      await checkReports(
        page,
        locale,
        DESKTOP,
        `reports-desktop-${locale}-${js}`,
        javaScriptEnabled,
      );
      await context.close();
    }
  });
}

test("a French reader downloads the CSV for French spreadsheets by default, without JavaScript", async ({
  browser,
}) => {
  const storageState = await staffSession(browser);
  const context = await browser.newContext({
    storageState,
    locale: "fr-FR",
    javaScriptEnabled: false,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto("/reports");
  await expect(
    page.getByRole("radio", { name: "Excel ou LibreOffice en français (points-virgules)" }),
  ).toBeChecked();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Télécharger le CSV (tous les indicateurs)" }).click(),
  ]);
  const text = await readFile((await download.path()) as string, "utf8");
  // A BOM, then French headers split by semicolons and French labels as values.
  expect(text.startsWith("\uFEFFGenre;Tranche d'âge;Inscriptions (")).toBe(true);
  expect(text).toMatch(/\r\nFemme;/);
  expect(text).not.toMatch(/(^|;)(woman|man|18-29)(;|\r)/m);
  await context.close();
});
