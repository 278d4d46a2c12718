import { readFile } from "node:fs/promises";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO_ADMIN } from "../../../../packages/db/src/seed/demo-people";
import { buildDemoPeople } from "../../../../packages/db/src/seed/demo-roster";
import { expectNoAxeViolations } from "./axe";
import { logIn, logOut } from "./session";

// Issue 17, with JavaScript off: a seeded certificate holder downloads her certificate as an
// Open Badges 3.0 credential with the neutral title (JSON) and as a badge (SVG), anyone uploads
// either file at /verify and reads "valid"; an admin revokes it, and /verify then says revoked.
// axe cannot run in a page without JavaScript: each page is checked again in a second browser
// with JavaScript on and the same cookies.
//
// Seeded people no other spec uses: Kathmandu trainees other than the last (the discreet-mode
// spec's), the first of them who holds the demo course's certificate (the seed draws who
// passes). What this spec writes: her credential's place on the status list, and its revocation
// (audited by the demo admin, whom other specs only read with).

const COURSE_KEY = "demo-gender-and-peacebuilding-basics";
const CERTIFICATE = `/courses/${COURSE_KEY}/certificate`;
const CANDIDATES = buildDemoPeople().trainees.kathmandu.slice(0, -1);

test.use({ javaScriptEnabled: false });

async function certificateHolder(browser: Browser): Promise<Page> {
  for (const person of CANDIDATES.slice(0, 10)) {
    const page = await browser.newPage({ javaScriptEnabled: false, acceptDownloads: true });
    await logIn(page, person.email);
    if ((await page.request.get(CERTIFICATE)).status() === 200) return page;
    await logOut(page);
    await page.close();
  }
  throw new Error("no certificate holder among the Kathmandu trainees");
}

async function uploadAtVerify(page: Page, file: string) {
  await page.goto("/verify");
  await page.getByRole("button", { name: "Credential file", exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Check the file" }).click();
}

/** axe on `page`'s address, opened in a browser with JavaScript on and `page`'s cookies. */
async function axeLike(browser: Browser, page: Page, upload?: { file: string; expect: string }) {
  const context = await browser.newContext({ javaScriptEnabled: true });
  await context.addCookies(await page.context().cookies());
  const seeing = await context.newPage();
  if (upload) {
    await uploadAtVerify(seeing, upload.file);
    await expect(seeing.getByText(upload.expect)).toBeVisible();
  } else await seeing.goto(page.url());
  await expectNoAxeViolations(seeing);
  await context.close();
}

test("a holder downloads her credential with a neutral title, it verifies, and says revoked once an admin revokes it", async ({
  browser,
}) => {
  // Three people, eight pages with axe on a shared 2-core machine: more than the default 2 min.
  test.setTimeout(360_000);
  const holder = await certificateHolder(browser);
  await holder.goto(CERTIFICATE);
  await expect(holder.getByRole("heading", { name: "Digital credential" })).toBeVisible();
  await axeLike(browser, holder);
  const code = (await holder.content()).match(/\/verify\/(PL-[0-9A-Z]{4}-[0-9A-Z]{4})/)?.[1] ?? "";
  expect(code, "the certificate's verification code").not.toBe("");

  await holder.getByLabel("A neutral title: “Professional development course”").check();
  const [json] = await Promise.all([
    holder.waitForEvent("download"),
    holder.getByRole("button", { name: "Download the credential (JSON)" }).click(),
  ]);
  expect(json.suggestedFilename()).toBe("credential.json");
  const jsonPath = await json.path();
  const credential = JSON.parse(await readFile(jsonPath, "utf8"));
  expect(credential.credentialSubject.achievement.name).toBe("Professional development course");
  expect(JSON.stringify(credential)).not.toMatch(/gender|peacebuilding/i);

  await holder.goto(CERTIFICATE);
  const [badge] = await Promise.all([
    holder.waitForEvent("download"),
    holder.getByRole("button", { name: "Download the badge image (SVG)" }).click(),
  ]);
  expect(badge.suggestedFilename()).toBe("badge.svg");
  const badgePath = await badge.path();
  expect(await readFile(badgePath, "utf8")).toContain("<openbadges:credential>");
  await logOut(holder);

  // Anyone, signed out, with JavaScript off.
  await uploadAtVerify(holder, jsonPath);
  await expect(holder.getByText("Valid credential")).toBeVisible();
  await expect(holder.getByText("Professional development course").first()).toBeVisible();
  await axeLike(browser, holder, { file: jsonPath, expect: "Valid credential" });
  await uploadAtVerify(holder, badgePath);
  await expect(holder.getByText("Valid credential")).toBeVisible();

  const admin = await browser.newPage({ javaScriptEnabled: false });
  await logIn(admin, DEMO_ADMIN.email);
  await admin.goto("/admin/credentials");
  await axeLike(browser, admin);
  await admin.getByLabel("Verification code of the certificate").fill(code);
  await admin.getByLabel("Reason (recorded in the audit log)").fill("End-to-end test revocation");
  await admin.getByRole("button", { name: "Revoke" }).click();
  await expect(
    admin.getByText("Revoked. Verifiers now see this credential as revoked."),
  ).toBeVisible();
  await expect(admin.getByRole("cell", { name: "End-to-end test revocation" })).toBeVisible();
  await axeLike(browser, admin);

  await uploadAtVerify(holder, jsonPath);
  await expect(holder.getByText("This credential was revoked")).toBeVisible();
  await axeLike(browser, holder, { file: jsonPath, expect: "This credential was revoked" });
});
