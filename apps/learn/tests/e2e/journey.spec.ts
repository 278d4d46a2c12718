import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { parse } from "yaml";
import { DEMO_ADMIN } from "../../../../packages/db/src/seed/demo-people";
import { expectNoAxeViolations } from "./axe";
import { logIn } from "./session";

// The trainee's whole journey on a real course: sign up, enrol, read every lesson, pass every
// module's knowledge check (failing the first one once), reach the certificate and verify it at
// its public address; then download it as an Open Badges 3.0 credential with the neutral title,
// which verifies from the file until an admin revokes it (issue 17) — once with JavaScript and
// once without.

const COURSE_KEY = "gender-conflict-foundations";
const COURSE_TITLE = "Gender, conflict and peacebuilding: foundations";
const courseDir = join(
  import.meta.dirname,
  "..",
  "..",
  "..",
  "..",
  "packages",
  "curriculum",
  "courses",
  COURSE_KEY,
  "en",
);

type Option = { id: string; text: string; correct: boolean };
type Question = {
  id: string;
  kind: "single" | "multiple" | "true-false";
  prompt: string;
  options: Option[];
};

/** The English checks of the course, straight from the curriculum files, by module folder. */
const checks: Question[][] = readdirSync(courseDir)
  .filter((entry) => /^\d\d-/.test(entry))
  .sort()
  .map(
    (folder) =>
      (
        parse(readFileSync(join(courseDir, folder, "check.yaml"), "utf8")) as {
          questions: Question[];
        }
      ).questions,
  );

async function answer(page: Page, questions: Question[], { failFirst }: { failFirst: boolean }) {
  for (const [index, question] of questions.entries()) {
    const group = page.getByRole("group", { name: `Question ${index + 1}:`, exact: false });
    // Failing means every answer wrong: one wrong answer in four still passes a 70% mark.
    const wrong = failFirst;
    const chosen = wrong
      ? question.options.filter((o) => !o.correct).slice(0, 1)
      : question.options.filter((o) => o.correct);
    for (const option of chosen) await group.getByLabel(option.text, { exact: true }).check();
  }
  await page.getByRole("button", { name: "Submit my answers" }).click();
}

for (const javaScriptEnabled of [true, false]) {
  test(`a trainee completes a course and verifies the certificate (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    // axe runs inside the page, so it checks the JavaScript run; both runs get the same HTML.
    const axe = javaScriptEnabled ? expectNoAxeViolations : async () => {};
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const name = `Aminata ${javaScriptEnabled ? "Js" : "NoJs"} Kamara`;

    await page.goto("/signup");
    await page
      .getByLabel("Email address")
      .fill(`journey-${javaScriptEnabled}-${Date.now()}@example.org`);
    await page.getByLabel("Your name").fill(name);
    await page.locator("#signup-password").fill("listening is where peace starts");
    await page.getByLabel("Repeat the password").fill("listening is where peace starts");
    await page.getByRole("button", { name: "Create my account" }).click();
    await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();

    await page.goto("/courses");
    await axe(page);
    await page.getByRole("link", { name: COURSE_TITLE }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: COURSE_TITLE })).toBeVisible();
    await axe(page);
    await page.getByRole("button", { name: "Enrol in this course" }).click();
    await expect(page.getByText("You are enrolled in this course.")).toBeVisible();
    await page.getByRole("link", { name: "Start the course" }).click();

    let firstLesson = true;
    for (const [moduleIndex, questions] of checks.entries()) {
      // Lessons of the module until "Mark as complete and continue" leads to its check.
      while (!(await page.getByRole("button", { name: "Submit my answers" }).isVisible())) {
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        if (firstLesson) {
          await axe(page);
          firstLesson = false;
        }
        const lessonUrl = page.url();
        await page.getByRole("button", { name: "Mark as complete and continue" }).click();
        // Without JavaScript the old page stays until the next one arrives: wait for it.
        await page.waitForURL((url) => url.href !== lessonUrl);
      }
      if (moduleIndex === 0) {
        await axe(page);
        await answer(page, questions, { failFirst: true });
        await expect(page.getByText("You have not passed this check yet")).toBeVisible();
        await axe(page);
        await page.getByRole("link", { name: "Try again" }).click();
      }
      await answer(page, questions, { failFirst: false });
      await expect(page.getByText("You passed this check")).toBeVisible();
      if (moduleIndex < checks.length - 1) {
        // A passed check leads on to the next module's first lesson.
        await page.getByRole("link", { name: "Next module" }).click();
        await expect(
          page.getByRole("button", { name: "Mark as complete and continue" }),
        ).toBeVisible();
      }
    }

    await expect(
      page.getByText("You have completed the course. Your certificate is ready."),
    ).toBeVisible();
    await page.getByRole("link", { name: "See my certificate" }).first().click();
    await expect(page.getByRole("heading", { name: "Certificate of completion" })).toBeVisible();
    await expect(page.getByText(name, { exact: true })).toBeVisible();
    // Issuer, study hours and a QR code of the verification address, drawn on the server.
    await expect(page.getByText("Issued by Peacelearn")).toBeVisible();
    await expect(page.getByText(/^About [\d.]+ hours of study$/)).toBeVisible();
    await expect(
      page.getByRole("img", { name: "QR code of the verification address" }),
    ).toBeVisible();
    await axe(page);
    const code = (await page.getByTestId("verification-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // A stranger, signed out, checks the code typed in lower case without dashes.
    const stranger = await browser.newContext({ javaScriptEnabled });
    const check = await stranger.newPage();
    await check.goto("/verify");
    await check.getByLabel("Verification code").fill(code.toLowerCase().replaceAll("-", ""));
    await check.getByRole("button", { name: "Check the code" }).click();
    await expect(check.getByText("This certificate is genuine")).toBeVisible();
    await expect(check.getByText(name, { exact: true })).toBeVisible();
    await expect(check.getByText(COURSE_TITLE)).toBeVisible();
    await expect(check.getByText("@example.org")).toHaveCount(0);
    await axe(check);

    // The same certificate as a credential under the neutral title: nothing in it names her or
    // the course, and the stranger's /verify accepts the file.
    await page.getByLabel("A neutral title: “Professional development course”").check();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the credential (JSON)" }).click(),
    ]);
    const credentialFile = await download.path();
    const credential = JSON.parse(await readFile(credentialFile, "utf8"));
    expect(credential.credentialSubject.achievement.name).toBe("Professional development course");
    expect(JSON.stringify(credential)).not.toContain(name);
    expect(JSON.stringify(credential)).not.toMatch(/gender|conflict|peacebuilding/i);
    const verifyFile = async (expected: string) => {
      await check.goto("/verify");
      await check
        .getByRole("button", { name: "Credential file", exact: true })
        .setInputFiles(credentialFile);
      await check.getByRole("button", { name: "Check the file" }).click();
      await expect(check.getByText(expected)).toBeVisible();
    };
    await verifyFile("Valid credential");
    await axe(check);

    const admin = await browser.newContext({ javaScriptEnabled });
    const adminPage = await admin.newPage();
    await logIn(adminPage, DEMO_ADMIN.email);
    await adminPage.goto("/admin/credentials");
    await adminPage.getByLabel("Verification code of the certificate").fill(code);
    await adminPage.getByLabel("Reason (recorded in the audit log)").fill(`Journey ${name}`);
    await adminPage.getByRole("button", { name: "Revoke" }).click();
    await expect(
      adminPage.getByText("Revoked. Verifiers now see this credential as revoked."),
    ).toBeVisible();
    await axe(adminPage);
    await admin.close();
    await verifyFile("This credential was revoked");
    await stranger.close();
    await context.close();
  });
}
