import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO_TRAINERS } from "../../../../packages/db/src/seed/demo-people";
import { expectNoAxeViolationsWithScripts } from "./axe";
import { logIn } from "./session";

// Issue 14, "the trainer's journey passes with and without JavaScript": a trainer's week done with
// JavaScript off (plain form posts and GET forms), on a 360 × 740 phone and on a desktop. She
// creates a cohort, invites one trainee by e-mail and one from a CSV file (both accept), schedules
// two workshops — "mark everyone present" then one mark changed on the first, one absence on the
// second —, edits a workshop, searches, sorts and filters the roster ("may need help" finds the
// trainee absent twice), opens the attendance sheet, a trainee's page and from there her
// accompaniment history, and records a session with a follow-up. axe runs on each page through a
// copy opened with scripts and the same cookies (axe.ts).
//
// The trainer is the demo's Kathmandu trainer: only the discreet-mode spec signs in as her, and
// trainer-journey checks she is kept out of Monrovia's cohort; both run before this file, and
// neither counts her cohorts. The cohort and both trainees (signed up here) are this spec's own.

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const TRAINER = DEMO_TRAINERS.kathmandu;
const stamp = Date.now().toString(36);
const COHORT = `Kathmandu evening group ${stamp}`;
const PASSWORD = "a week of workshops without scripts";
const invited = { email: `nojs-invited-${stamp}@e2e.peacelearn.example`, name: "Sita Gurung" };
const imported = { email: `nojs-imported-${stamp}@e2e.peacelearn.example`, name: "Mina Tamang" };
type Person = typeof invited;

const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
/** A `datetime-local` value in UTC (workshop times are stored and shown as typed). */
const wallClock = (offsetMinutes: number) =>
  new Date(Date.now() + offsetMinutes * 60_000).toISOString().slice(0, 16);
const sheetRow = (person: Person) => `${person.name} (${person.email})`;

async function noScripts(browser: Browser, viewport: typeof PHONE): Promise<Page> {
  const context = await browser.newContext({ viewport, javaScriptEnabled: false });
  return context.newPage();
}

async function signUp(page: Page, person: Person) {
  await page.goto("/signup");
  await page.locator('[name="email"]').fill(person.email);
  await page.locator('[name="displayName"]').fill(person.name);
  await page.locator('[name="password"]').fill(PASSWORD);
  await page.locator('[name="confirmPassword"]').fill(PASSWORD);
  await page.locator('[name="locationCode"]').selectOption("NP");
  await page.locator('main button[type="submit"]').last().click();
  await expect(page).toHaveURL(/\/learning$/);
}

async function accept(page: Page) {
  await page.goto("/learning");
  await page
    .getByRole("listitem")
    .filter({ hasText: COHORT })
    .getByRole("button", { name: "Accept and join" })
    .click();
  await expect(page).toHaveURL(/\/courses\/[^/]+$/);
}

test("a trainer's week without JavaScript, on a phone and a desktop", async ({ browser }) => {
  test.setTimeout(480_000);
  const axe = (page: Page) => expectNoAxeViolationsWithScripts(browser, page);
  const started = Date.now();

  // Two trainees of this spec's own.
  const sita = await noScripts(browser, PHONE);
  await signUp(sita, invited);
  const mina = await noScripts(browser, PHONE);
  await signUp(mina, imported);

  // 1. On her phone, the trainer creates the cohort.
  const phone = await noScripts(browser, PHONE);
  await logIn(phone, TRAINER.email);
  await phone.goto("/trainer/cohorts/new");
  await expect(phone.getByRole("heading", { level: 1, name: "New cohort" })).toBeVisible();
  await axe(phone);
  await phone.getByLabel("Cohort name").fill(COHORT);
  await phone.getByLabel("Course").selectOption({ index: 1 });
  await phone.getByLabel("Country or conflict context").selectOption("NP");
  await phone.getByLabel("Place", { exact: true }).fill("Patan");
  await phone.getByLabel("Start date").fill(day(-1));
  // Codes the demo cohorts use too (trainer-journey.spec counts on a code no other cohort has).
  await phone.getByLabel("Activity type").selectOption("capacity-building-training");
  await phone.getByLabel("DAC sector (CRS purpose code)").selectOption("15220");
  await phone.locator('[name="dacGenderMarker"][value="2"]').check();
  await phone.getByRole("button", { name: "Create cohort" }).click();
  await expect(phone.getByRole("heading", { level: 1, name: COHORT })).toBeVisible();
  await expect(phone.getByText("This cohort has no trainees yet.")).toBeVisible();
  const cohortPath = new URL(phone.url()).pathname;
  expect(cohortPath).toMatch(/^\/trainer\/cohorts\/[^/]+$/);
  await axe(phone);

  // 2. One trainee by e-mail, one from a CSV file.
  await phone.getByRole("link", { name: "Add trainees" }).first().click();
  await expect(phone.getByText("This cohort has 0 trainees.")).toBeVisible();
  await axe(phone);
  await phone.getByRole("textbox", { name: "Email" }).fill(invited.email);
  await phone.getByRole("button", { name: "Invite to the cohort" }).click();
  await expect(
    phone.getByText(`Invitation recorded for ${invited.email}; the person joins when they accept.`),
  ).toBeVisible();
  const waiting = phone.getByRole("table", { name: "Invitations sent for this cohort" });
  await expect(waiting.getByRole("row", { name: new RegExp(invited.email) })).toContainText(
    "Waiting",
  );
  await axe(phone);
  await phone.getByRole("link", { name: "Invite many people from a CSV file" }).click();
  await phone.getByLabel("CSV file").setInputFiles({
    name: "roster.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`email,name\r\n${imported.email},${imported.name}\r\nnot-an-email,X\r\n`),
  });
  await phone.getByRole("button", { name: "Upload and invite" }).click();
  await expect(phone.getByRole("status")).toHaveText("Invited: 1. Skipped: 0. Rejected: 1.");
  await axe(phone);

  await accept(sita);
  await accept(mina);
  await phone.goto(`${cohortPath}/members`);
  await expect(phone.getByText("This cohort has 2 trainees.")).toBeVisible();

  // 3. Two workshops, on the desktop: everyone present then one changed; one absence.
  const desk = await noScripts(browser, DESKTOP);
  await logIn(desk, TRAINER.email);
  await desk.goto(cohortPath);
  await desk.getByRole("link", { name: "Workshops and attendance" }).click();
  await expect(desk.getByText("No workshops scheduled yet.")).toBeVisible();
  await axe(desk);
  const schedule = async (title: string, startMinutes: number) => {
    await desk.getByLabel("Title").fill(title);
    await desk.getByLabel("Starts").fill(wallClock(startMinutes));
    await desk.getByLabel("Ends").fill(wallClock(startMinutes + 120));
    await desk.getByLabel("Place").fill("Patan community hall");
    await desk.getByRole("button", { name: "Schedule workshop" }).click();
    await expect(desk.getByRole("heading", { level: 1, name: title })).toBeVisible();
  };
  /** One trainee's answer on the open attendance sheet. */
  const mark = (person: Person, status: string) =>
    desk.getByRole("group", { name: sheetRow(person) }).getByLabel(status, { exact: true });
  await schedule("Listening circles", -60);
  const sheetPath = new URL(desk.url()).pathname;
  for (const person of [invited, imported]) {
    await expect(desk.getByRole("group", { name: sheetRow(person) })).toContainText(
      "Not recorded yet.",
    );
  }
  await desk.getByRole("button", { name: "Mark everyone present" }).click();
  await expect(desk.getByRole("status")).toContainText("2 answers saved.");
  for (const person of [invited, imported]) {
    await expect(mark(person, "Present")).toBeChecked();
  }
  await mark(imported, "Absent").check();
  await desk.getByRole("button", { name: "Save attendance" }).click();
  await expect(desk.getByRole("status")).toContainText("2 answers saved.");
  await expect(mark(imported, "Absent")).toBeChecked();
  await expect(mark(invited, "Present")).toBeChecked();
  await axe(desk);

  // The workshop's title, time and place change.
  await desk.getByRole("link", { name: "Change the title, time or place" }).click();
  await expect(desk.getByRole("heading", { level: 1, name: "Change the workshop" })).toBeVisible();
  await axe(desk);
  await desk.getByLabel("Title").fill("Listening circles, first evening");
  await desk.getByLabel("Place").fill("Lalitpur ward office");
  await desk.getByRole("button", { name: "Save the workshop" }).click();
  await expect(
    desk.getByRole("heading", { level: 1, name: "Listening circles, first evening" }),
  ).toBeVisible();
  await expect(desk.getByText(/· Lalitpur ward office$/)).toBeVisible();
  // Its marks stay.
  await expect(mark(imported, "Absent")).toBeChecked();

  await desk.getByRole("link", { name: "Workshops and attendance" }).click();
  await schedule("Listening circles, second evening", -30);
  await mark(imported, "Absent").check();
  await desk.getByRole("button", { name: "Save attendance" }).click();
  await expect(desk.getByRole("status")).toContainText("1 answer saved.");
  await desk.getByRole("link", { name: "Workshops and attendance" }).click();
  // Starts, place, then present / late / excused / absent / not recorded.
  await expect(
    desk.getByRole("row", { name: /Listening circles, first evening/ }).getByRole("cell"),
  ).toHaveText([/\S/, "Lalitpur ward office", "1", "0", "0", "1", "0"]);
  await expect(
    desk.getByRole("row", { name: /Listening circles, second evening/ }).getByRole("cell"),
  ).toHaveText([/\S/, "Patan community hall", "0", "0", "0", "1", "1"]);
  await axe(desk);

  // 4. The roster: sort, search, "may need help" (Mina: absent twice, 0 %).
  await desk.goto(cohortPath);
  const grid = desk.getByRole("table", {
    name: `Progress of each trainee in ${COHORT}, by module`,
  });
  const names = grid.getByRole("rowheader").getByRole("link");
  await expect(desk.getByText("2 of 2 trainees shown.")).toBeVisible();
  await grid.getByRole("link", { name: /^Trainee/ }).click();
  await expect(desk).toHaveURL(/[?&]sort=trainee/);
  await expect(grid.locator('th[aria-sort="ascending"]')).toContainText("Trainee");
  await expect(names).toHaveText([imported.name, invited.name]);
  await grid.getByRole("link", { name: /^Trainee/ }).click();
  await expect(grid.locator('th[aria-sort="descending"]')).toContainText("Trainee");
  await expect(names).toHaveText([invited.name, imported.name]);
  await axe(desk);
  await desk.getByLabel("Find a trainee").fill("TAMANG");
  await desk.getByRole("button", { name: "Show", exact: true }).click();
  await expect(desk.getByText("1 of 2 trainees shown.")).toBeVisible();
  await expect(names).toHaveText([imported.name]);
  // The sort is kept through the search.
  await expect(desk).toHaveURL(/[?&]sort=trainee/);
  await desk.getByLabel("Find a trainee").fill("");
  await desk.getByLabel("Only those who may need help").check();
  await desk.getByRole("button", { name: "Show", exact: true }).click();
  await expect(desk.getByText("1 of 2 trainees shown.")).toBeVisible();
  await expect(names).toHaveText([imported.name]);
  await expect(grid.getByRole("row", { name: new RegExp(imported.name) })).toContainText(
    /Attended 0(\.0)?\s?% of workshops/,
  );
  await axe(desk);
  await desk.getByRole("link", { name: "Show everyone" }).click();
  await expect(desk.getByText("2 of 2 trainees shown.")).toBeVisible();

  // 5. Back on the phone: the attendance sheet as printed, then Mina's page and her history.
  await phone.goto(sheetPath);
  await expect(
    phone.getByRole("heading", { level: 1, name: "Listening circles, first evening" }),
  ).toBeVisible();
  // Long names and addresses wrap inside the sheet: nothing is cut off at the phone's edge.
  const sheet = phone.locator("#attendance-sheet");
  const cutOff = await sheet.locator("fieldset, legend").evaluateAll((elements) =>
    elements
      .map((element) => [element, element.closest("form")] as const)
      .filter(
        ([element, form]) =>
          element.scrollWidth > element.clientWidth + 1 ||
          element.getBoundingClientRect().right > (form?.getBoundingClientRect().right ?? 0) + 1,
      )
      .map(([element]) => `${element.tagName}: ${element.getBoundingClientRect().width} px`),
  );
  expect(cutOff, "sheet rows wider than the phone").toEqual([]);
  await phone.emulateMedia({ media: "print" });
  await expect(phone.getByRole("button", { name: "Mark everyone present" })).toBeHidden();
  await expect(phone.getByRole("group", { name: sheetRow(imported) })).toBeVisible();
  await phone.screenshot({ path: "/tmp/peacelearn-shots/trainer-nojs-sheet-print.png" });
  await phone.emulateMedia({ media: "screen" });
  await axe(phone);

  await phone.goto(cohortPath);
  await phone.getByRole("link", { name: imported.name }).first().click();
  await expect(phone.getByRole("heading", { level: 1, name: imported.name })).toBeVisible();
  await expect(phone.getByText("0 present, 0 late, 0 excused, 2 absent")).toBeVisible();
  await axe(phone);
  await phone.getByRole("link", { name: "Accompaniment sessions and follow-ups" }).click();
  await expect(phone).toHaveURL(/\/trainer\/accompaniment\?trainee=/);
  await expect(phone.getByText("No sessions match these filters.")).toBeVisible();
  await axe(phone);

  // 6. A session with Mina and a follow-up she owns.
  await phone.getByRole("link", { name: "Record a new session with this trainee" }).click();
  await expect(
    phone.getByRole("heading", { level: 1, name: "Record an accompaniment session" }),
  ).toBeVisible();
  await expect(phone.getByLabel("Trainee")).toHaveValue(/\S/);
  await axe(phone);
  const followUp = `Call the ward chair about the listening circles (${stamp})`;
  await phone.getByLabel("Date of the session").fill(day(0));
  await phone.getByRole("radio", { name: "Phone" }).check();
  await phone.getByLabel("Duration").fill("30");
  await phone.getByLabel("Topics").fill("attendance, transport");
  const action = phone.getByRole("group", { name: "Follow-up action 1" });
  await action.getByLabel("What will be done").fill(followUp);
  await action.getByLabel("Who does it").selectOption({ label: "The trainee" });
  await action.getByLabel("Due date").fill(day(7));
  await phone.getByRole("button", { name: "Save the session" }).click();
  await expect(phone).toHaveURL(/\/trainer\/accompaniment\/[^/?]+\?recorded=1$/);
  await expect(phone.getByText("The session has been saved.")).toBeVisible();
  await expect(phone.getByText(followUp)).toBeVisible();
  await phone.screenshot({
    path: "/tmp/peacelearn-shots/trainer-nojs-session.png",
    fullPage: true,
  });
  await axe(phone);

  // Her history now lists it, with its open follow-up.
  await phone.goto(cohortPath);
  await phone.getByRole("link", { name: imported.name }).first().click();
  await phone.getByRole("link", { name: "Accompaniment sessions and follow-ups" }).click();
  await expect(phone.getByText("1 session", { exact: true })).toBeVisible();
  await expect(phone.getByText(followUp)).toBeVisible();
  await axe(phone);

  // She sees the follow-up on her phone.
  await mina.goto("/follow-ups");
  await expect(
    mina.getByRole("region", { name: "To do" }).getByText(followUp, { exact: true }),
  ).toBeVisible();
  console.log(`trainer's week without JavaScript: ${Math.round((Date.now() - started) / 1000)} s`);
});
