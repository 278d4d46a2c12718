import { expect, type Page, test } from "@playwright/test";
import { DEMO_TRAINERS } from "../../../../packages/db/src/seed/demo-people";
import { buildDemoPeople } from "../../../../packages/db/src/seed/demo-roster";
import { expectNoAxeViolations } from "./axe";
import { logIn, logOut } from "./session";

// A trainer's whole journey (cohort → roster import → workshop attendance → accompaniment with a
// sensitive note and a follow-up), the trainee closing that follow-up without ever seeing the
// note, the programme reports moving accordingly, and another trainer kept out of the cohort.
// The people come from the deterministic demo seed that tests/e2e/serve.mjs loads.

const ADMIN = "admin@demo.peacelearn.example";
const OTHER_TRAINER = DEMO_TRAINERS.kathmandu.email;
const TRAINER = DEMO_TRAINERS.monrovia;
// The self-enrolled Caucasus trainees belong to no cohort and have no follow-ups of their own.
const [madina, saida, nino, beridze] = buildDemoPeople().trainees.caucasus;
const COURSE_TITLE = "Gender, conflict and peacebuilding: foundations";
// No demo cohort has this activity type or gender marker 0 (seed-demo.ts DEMO_COHORTS), so the
// report cut below contains only this test's cohort.
const ACTIVITY = { code: "research-with-partners", label: "Research with partners" };

const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
/** A `datetime-local` value in UTC (workshop times are stored and shown as typed, in UTC). */
const wallClock = (offsetMinutes: number) =>
  new Date(Date.now() + offsetMinutes * 60_000).toISOString().slice(0, 16);

type ReportCut = { measure: string; activityType?: string; dacGenderMarker?: string };

/**
 * Fills the exploration report's form (any filter; ADR 024); returns the total as shown: a
 * perturbed number, or null (no records).
 */
async function reportTotal(page: Page, cut: ReportCut): Promise<number | string | null> {
  await page.goto("/reports?tier=exploration");
  await page.getByLabel("Measure").selectOption({ label: cut.measure });
  // The page opens on a default breakdown; these figures are the plain totals.
  const breakdown = page.getByRole("group", { name: "Break down by" }).getByRole("checkbox");
  for (const box of await breakdown.all()) await box.uncheck();
  const markers = page.getByRole("group", { name: "Cohort markers" });
  await markers.getByLabel("Activity type").selectOption(cut.activityType ?? "");
  await markers.getByLabel("DAC gender marker").selectOption(cut.dacGenderMarker ?? "");
  await page.getByRole("button", { name: "Show report" }).click();
  await page.waitForURL(/[?&]measure=/);
  if (await page.getByText("No records for these choices").isVisible()) return null;
  // The last row of the table is its total; the count is the row's only data cell.
  const total = page.getByRole("table", { name: cut.measure }).getByRole("row").last();
  await expect(total.getByRole("rowheader")).toHaveText("Total");
  const text = ((await total.getByRole("cell").last().textContent()) ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return /^\d[\d,]*$/.test(text) ? Number(text.replaceAll(",", "")) : text;
}

type Person = { email: string; displayName: string };

/** The roster file: four demo trainees and four rows that must be refused, each for its reason. */
function rosterCsv([first, second, third, fourth]: Person[], trainer: Person): string {
  return [
    "email,name,gender,birth_year,location",
    // The first one's profile has no birth year in the seed, so the file fills it in.
    `${first?.email},${first?.displayName},,1990,`,
    `${second?.email},,,,`,
    `${third?.email.toUpperCase()},,,,`,
    `${fourth?.email},,,,`,
    "not-an-email,Someone,,,",
    "nobody.e2e@example.org,Nobody Known,,,",
    `${second?.email},The second one again,,,`,
    `${trainer.email},${trainer.displayName},,,`,
  ].join("\r\n");
}

test("a trainer runs a cohort, a trainee closes a follow-up, reports move", async ({ page }) => {
  test.setTimeout(180_000);
  if (!madina || !saida || !nino || !beridze) throw new Error("demo roster changed");
  const stamp = Date.now();
  const cohortName = `E2E research cohort ${stamp}`;
  const sensitiveNote = `Confidential ${stamp}: she moved to the safe house by the river.`;
  const followUp = `Send the one-page policy ask to the district peace committee (${stamp})`;
  const smallCut = {
    measure: "Enrolments",
    activityType: ACTIVITY.code,
    dacGenderMarker: "0",
  };

  // 0. Figures before the journey.
  await page.goto("/login");
  await expectNoAxeViolations(page);
  await logIn(page, ADMIN);
  await expectNoAxeViolations(page);
  const attendanceBefore = await reportTotal(page, { measure: "Workshop attendance" });
  const sessionsBefore = await reportTotal(page, { measure: "Accompaniment sessions" });
  expect(typeof attendanceBefore).toBe("number");
  expect(typeof sessionsBefore).toBe("number");
  // No one yet: an empty count stays 0 in exploration.
  expect(await reportTotal(page, smallCut)).toBe(0);
  await expectNoAxeViolations(page);
  await logOut(page);

  // 1. The trainer creates the cohort.
  await logIn(page, TRAINER.email);
  await page.goto("/trainer/cohorts/new");
  await expect(page.getByRole("heading", { level: 1, name: "New cohort" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Cohort name").fill(cohortName);
  await page.getByLabel("Course").selectOption({ label: COURSE_TITLE });
  await page.getByLabel("Country or conflict context").selectOption("GE-AB");
  await page.getByLabel("Place", { exact: true }).fill("Zugdidi");
  await page.getByLabel("Start date").fill(day(-1));
  await page.getByLabel("End date").fill(day(60));
  await page.getByLabel("Activity type").selectOption({ label: ACTIVITY.label });
  await page.getByLabel("DAC sector (CRS purpose code)").selectOption("15220");
  await page.getByRole("radio", { name: /^0 — Not targeted/ }).check();
  await page.getByRole("button", { name: "Create cohort" }).click();
  await expect(page.getByRole("heading", { level: 1, name: cohortName })).toBeVisible();
  const cohortUrl = new URL(page.url()).pathname;
  expect(cohortUrl).toMatch(/^\/trainer\/cohorts\/[^/]+$/);
  await expectNoAxeViolations(page);

  // 2. Trainees from a CSV file, with a per-row report.
  await page.getByRole("link", { name: "Add trainees" }).first().click();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Invite many people from a CSV file" }).click();
  await page.getByLabel("CSV file").setInputFiles({
    name: "roster.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(rosterCsv([madina, saida, nino, beridze], TRAINER), "utf8"),
  });
  await page.getByRole("button", { name: "Upload and invite" }).click();
  // Every valid row is an invitation, whether or not the address has an account (no enumeration).
  await expect(page.getByRole("status")).toHaveText("Invited: 6. Skipped: 0. Rejected: 2.");
  const report = page.getByRole("table", { name: "What happened to each row of the file" });
  const row = (line: number) =>
    report.getByRole("row").filter({ has: page.getByText(String(line), { exact: true }) });
  const expected: Array<[number, string, string]> = [
    [2, "Invited", "the person joins when they accept"],
    [3, "Invited", ""],
    [4, "Invited", ""],
    [5, "Invited", ""],
    [6, "Rejected", "Not a valid email address."],
    [7, "Invited", "the person joins when they accept"],
    [8, "Rejected", "The same email is already on line 3."],
    [9, "Invited", "the person joins when they accept"],
  ];
  for (const [line, result, why] of expected) {
    await expect(row(line)).toHaveCount(1);
    await expect(row(line)).toContainText(result);
    if (why) await expect(row(line)).toContainText(why);
  }
  await expect(row(4)).toContainText(nino.email);
  await expectNoAxeViolations(page);

  // Each of the four accepts the invitation on "My learning"; only then is she in the cohort.
  await logOut(page);
  for (const person of [madina, saida, nino, beridze]) {
    await logIn(page, person.email);
    await page.goto("/learning");
    await expectNoAxeViolations(page);
    await page
      .getByRole("listitem")
      .filter({ hasText: cohortName })
      .getByRole("button", { name: "Accept and join" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: COURSE_TITLE })).toBeVisible();
    await logOut(page);
  }
  await logIn(page, TRAINER.email);
  await page.goto(cohortUrl);

  // 3. A workshop under way now, and its attendance.
  await page.getByRole("link", { name: "Workshops and attendance" }).click();
  await page.getByLabel("Title").fill("Mapping the actors of the peace talks");
  await page.getByLabel("Starts").fill(wallClock(-30));
  await page.getByLabel("Ends").fill(wallClock(150));
  await page.getByLabel("Place").fill("Zugdidi community hall");
  await page.getByRole("button", { name: "Schedule workshop" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Mapping the actors of the peace talks" }),
  ).toBeVisible();
  // Each row is named by the person's name and e-mail, so namesakes are never one row.
  const sheetRow = (person: Person) => `${person.displayName} (${person.email})`;
  const marks: Array<[string, string]> = [
    [sheetRow(saida), "Present"],
    [sheetRow(madina), "Late"],
    [sheetRow(nino), "Excused"],
    [sheetRow(beridze), "Absent"],
  ];
  for (const [name, status] of marks) {
    await page
      .getByRole("group", { name, exact: true })
      .getByLabel(status, { exact: true })
      .check();
  }
  await page.getByRole("button", { name: "Save attendance" }).click();
  await expect(page.getByRole("status")).toContainText("4 answers saved.");
  for (const [name, status] of marks) {
    await expect(
      page.getByRole("group", { name, exact: true }).getByLabel(status, { exact: true }),
    ).toBeChecked();
  }
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Workshops and attendance" }).click();
  const workshopRow = page.getByRole("row", { name: /Mapping the actors/ });
  // Starts, place, then present / late / excused / absent / not recorded.
  await expect(workshopRow.getByRole("cell")).toHaveText([
    /\S/,
    "Zugdidi community hall",
    "1",
    "1",
    "1",
    "1",
    "0",
  ]);
  await expectNoAxeViolations(page);

  // 4. An accompaniment session with Saida: a sensitive note and a follow-up she owns.
  await page.goto("/trainer/accompaniment/new");
  await expectNoAxeViolations(page);
  const trainee = page.getByLabel("Trainee");
  const saidaOption = trainee.locator("option", { hasText: saida.displayName });
  await trainee.selectOption((await saidaOption.getAttribute("value")) ?? "");
  await page.getByRole("radio", { name: "Phone" }).check();
  await page.getByLabel("Duration").fill("45");
  await page.getByLabel("Topics").fill("advocacy plan, safety planning");
  await page.getByLabel("Your notes").fill(sensitiveNote);
  await page.getByLabel("Sensitive note").check();
  const action = page.getByRole("group", { name: "Follow-up action 1" });
  await action.getByLabel("What will be done").fill(followUp);
  await action.getByLabel("Who does it").selectOption({ label: "The trainee" });
  await action.getByLabel("Due date").fill(day(14));
  await page.getByRole("button", { name: "Save the session" }).click();
  await expect(page.getByText("The session has been saved.")).toBeVisible();
  await expect(page.getByText(sensitiveNote)).toBeVisible();
  await expect(page.getByText(followUp)).toBeVisible();
  const sessionUrl = new URL(page.url()).pathname;
  await expectNoAxeViolations(page);
  await logOut(page);

  // 5. Saida sees the follow-up, never the note, and marks it done.
  await logIn(page, saida.email);
  await page.goto("/follow-ups");
  await expect(page.getByRole("heading", { level: 1, name: "My follow-up actions" })).toBeVisible();
  const todo = page.getByRole("region", { name: "To do" });
  await expect(todo.getByText(followUp, { exact: true })).toBeVisible();
  await expect(page.getByText(sensitiveNote)).toHaveCount(0);
  expect(await page.content()).not.toContain(`Confidential ${stamp}`);
  await expectNoAxeViolations(page);
  // The button's hidden suffix names the action, so each "Mark as done" is told apart.
  await todo.getByRole("button", { name: "Mark as done" }).filter({ hasText: followUp }).click();
  await expect(page.getByText("Marked as done. Thank you!")).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Done or cancelled" }).getByText(followUp, { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "To do" })).toHaveCount(0);
  expect(await page.content()).not.toContain(`Confidential ${stamp}`);
  await expectNoAxeViolations(page);
  // Nor can she open the trainer's record of the session.
  expect((await page.goto(sessionUrl))?.status()).toBe(403);
  expect(await page.content()).not.toContain(`Confidential ${stamp}`);
  await logOut(page);

  // 6. The reports moved: two more attended (present + late), one more session, and the new
  // cohort's own cut is small enough never to be shown as itself. Exploration figures move by at
  // most 2 each (ADR 024), so a difference of two figures by at most 4, and 1–4 shows as 0 or 5.
  await logIn(page, ADMIN);
  const attendanceAfter = (await reportTotal(page, { measure: "Workshop attendance" })) as number;
  expect(Math.abs(attendanceAfter - ((attendanceBefore as number) + 2))).toBeLessThanOrEqual(4);
  const sessionsAfter = (await reportTotal(page, { measure: "Accompaniment sessions" })) as number;
  expect(Math.abs(sessionsAfter - ((sessionsBefore as number) + 1))).toBeLessThanOrEqual(4);
  expect([0, 5]).toContain(await reportTotal(page, smallCut));
  await expectNoAxeViolations(page);
  await logOut(page);

  // 7. A trainer of another cohort is refused.
  await logIn(page, OTHER_TRAINER);
  const refused = await page.goto(cohortUrl);
  expect(refused?.status()).toBe(403);
  await expect(
    page.getByRole("heading", { level: 1, name: "You do not have access to this page" }),
  ).toBeVisible();
  await expect(page.getByText(cohortName)).toHaveCount(0);
  await expectNoAxeViolations(page);
});
