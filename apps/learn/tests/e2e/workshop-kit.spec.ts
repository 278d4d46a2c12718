import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, expect, type Page, test } from "@playwright/test";
import { DEMO_TRAINERS } from "../../../../packages/db/src/seed/demo-people";
import { buildDemoPeople } from "../../../../packages/db/src/seed/demo-roster";
import config from "../../playwright.config";
import { expectNoAxeViolations } from "./axe";
import { logIn, logOut } from "./session";

// Issue 15 item 2, the trainer's workshop kit (ADR 030), done-when: download a workshop, go
// offline, take attendance, the pre-test and the post-test for 20 people (2 on the roster, 18 walk-ins), restart the browser
// (a persistent profile closed and opened again: IndexedDB and the kit's worker survive), go
// online — every record arrives exactly once, counted in the database by the kit's list page;
// sending everything again changes nothing. On a 360 × 740 phone, in French, with axe.
//
// Its own people: Marc Ndikumana (the Gulu co-trainer, whom no other spec signs in as) creates
// his own cohort and workshop; the last two Caucasus trainees (no other spec uses them) join it
// by invite link. This spec runs last on the shared server.

const TRAINER = DEMO_TRAINERS.guluCo;
const JOINERS = buildDemoPeople().trainees.caucasus.slice(4, 6);
const COURSE_TITLE = "Gender, conflict and peacebuilding: foundations";
const PASSPHRASE = "mango tree by the hall";
const WALK_INS = Array.from({ length: 18 }, (_, index) => `Marche Invitée ${index + 1}`);
const STATUSES = ["Présent·e", "En retard", "Excusé·e", "Absent·e"] as const;
/** React Router's cookie encoding of the string "fr" (base64 of its JSON): the language choice. */
const FRENCH = "ImZyIg%3D%3D";
const PHONE = { width: 360, height: 740 };

const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const wallClock = (offsetMinutes: number) =>
  new Date(Date.now() + offsetMinutes * 60_000).toISOString().slice(0, 16);

const baseURL = String(config.use?.baseURL);

/** A browser with a profile on disk: closing it and launching it again is a restart. */
function launchProfile(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    ...config.use?.launchOptions,
    baseURL,
    viewport: PHONE,
  });
}

async function unlock(page: Page) {
  await page.getByLabel("Phrase secrète", { exact: true }).fill(PASSPHRASE);
  await page.getByRole("button", { name: "Déverrouiller" }).click();
  await expect(page.getByRole("heading", { name: "Présences" })).toBeVisible();
}

const status = (page: Page) => page.getByRole("status");

/** Sets up the cohort, workshop and roster; returns the workshop's id and cohort's id. */
async function setUpWorkshop(page: Page): Promise<{ cohortId: string; sessionId: string }> {
  await logIn(page, TRAINER.email);
  await page.goto("/trainer/cohorts/new");
  await page.getByLabel("Cohort name").fill(`Kit cohort ${Date.now()}`);
  await page.getByLabel("Course").selectOption({ label: COURSE_TITLE });
  await page.getByLabel("Country or conflict context").selectOption("BI");
  await page.getByLabel("Place", { exact: true }).fill("Gitega");
  await page.getByLabel("Start date").fill(day(-1));
  await page.getByLabel("End date").fill(day(30));
  await page.getByLabel("Activity type").selectOption({ label: "Capacity-building training" });
  await page.getByLabel("DAC sector (CRS purpose code)").selectOption("15220");
  await page.getByRole("radio", { name: /^2 — / }).check();
  await page.getByRole("button", { name: "Create cohort" }).click();
  await expect(page).toHaveURL(/\/trainer\/cohorts\/(?!new)[^/]+$/);
  const cohortId = /\/trainer\/cohorts\/([^/?#]+)/.exec(page.url())?.[1] ?? "";
  expect(cohortId).not.toBe("");

  await page.goto(`/trainer/cohorts/${cohortId}/members`);
  await page.getByRole("button", { name: "Create link" }).click();
  const link = /\/join\/[A-Za-z0-9]+/.exec(await page.content())?.[0] ?? "";
  expect(link).not.toBe("");

  await page.goto(`/trainer/cohorts/${cohortId}/sessions`);
  await page.getByLabel("Title").fill("Atelier de Gitega");
  await page.getByLabel("Starts").fill(wallClock(-30));
  await page.getByLabel("Ends").fill(wallClock(150));
  await page.getByLabel("Place").fill("Salle communale");
  await page.getByRole("button", { name: "Schedule workshop" }).click();
  const sheet = page.getByRole("link", { name: "Atelier de Gitega" }).first();
  const sessionId =
    /\/sessions\/([^/?#]+)/.exec((await sheet.getAttribute("href")) ?? "")?.[1] ?? "";
  expect(sessionId).not.toBe("");
  await logOut(page);

  for (const joiner of JOINERS) {
    await logIn(page, joiner.email);
    await page.goto(link);
    await page.getByRole("button", { name: "Join the cohort" }).click();
    await logOut(page);
  }
  return { cohortId, sessionId };
}

test("a workshop kit: downloaded, used offline for 20 people, restarted, synced exactly once", async ({
  page,
}) => {
  test.setTimeout(300_000);
  page.setDefaultTimeout(20_000);
  const { cohortId, sessionId } = await setUpWorkshop(page);
  const kit = `/trainer/kit/${sessionId}`;
  const profile = mkdtempSync(join(tmpdir(), "peacelearn-kit-profile-"));
  try {
    // ── Before the trip: sign in, set up the device, download the workshop. ──
    let context = await launchProfile(profile);
    let phone = context.pages()[0] ?? (await context.newPage());
    await logIn(phone, TRAINER.email);
    // From here on the kit speaks French (the language choice beats the browser's).
    await context.addCookies([
      { name: "locale", value: FRENCH, url: baseURL, expires: Date.now() / 1000 + 86_400 },
    ]);
    await phone.goto(kit);
    await expect(phone.getByRole("heading", { name: "Préparer cet appareil" })).toBeVisible();
    await expectNoAxeViolations(phone);
    await phone.getByLabel("Phrase secrète", { exact: true }).fill("short");
    await phone.getByLabel("Phrase secrète, à nouveau").fill("short");
    await phone.getByRole("button", { name: "Préparer et télécharger l'atelier" }).click();
    await expect(
      phone.getByRole("alert").filter({ hasText: "au moins 8 caractères" }),
    ).toBeVisible();
    await phone.getByLabel("Phrase secrète", { exact: true }).fill(PASSPHRASE);
    await phone.getByLabel("Phrase secrète, à nouveau").fill(PASSPHRASE);
    await phone.getByRole("button", { name: "Préparer et télécharger l'atelier" }).click();
    await expect(phone.getByRole("heading", { name: "Présences" })).toBeVisible();
    await expect(phone.getByText(/Atelier de Gitega/)).toBeVisible();
    for (const joiner of JOINERS) {
      await expect(phone.getByRole("group", { name: joiner.displayName })).toBeVisible();
    }
    await expect(status(phone)).toContainText("0 en attente");
    // The kit's worker controls its pages and holds the page, its script and its style sheet.
    await expect
      .poll(() => phone.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? ""), {
        timeout: 30_000,
      })
      .toContain("/trainer/kit/sw.js");
    await expect
      .poll(() => phone.evaluate(async (path) => (await caches.match(path)) !== undefined, kit))
      .toBe(true);
    await expectNoAxeViolations(phone);

    // ── In the village hall: no connection at all. ──
    await context.setOffline(true);
    await phone.reload();
    await unlock(phone);
    for (const name of WALK_INS) {
      await phone.getByLabel("Nom", { exact: true }).fill(name);
      if (name.endsWith(" 1")) {
        await phone.getByLabel("Genre (facultatif)").selectOption("prefer-not-to-say");
        await phone.getByLabel("Âge (facultatif)").selectOption("18-29");
      }
      await phone.getByRole("button", { name: "Ajouter", exact: true }).click();
      await expect(phone.getByRole("group", { name: new RegExp(`^${name} `) })).toBeVisible();
    }
    const everyone = [...JOINERS.map((joiner) => joiner.displayName), ...WALK_INS];
    expect(everyone).toHaveLength(20);
    for (const [index, name] of everyone.entries()) {
      const group = phone.getByRole("group", { name: new RegExp(`^${name}( |$)`) });
      await group.getByLabel(STATUSES[index % 4] ?? "Présent·e", { exact: true }).check();
    }
    // One change of mind: the last mark wins.
    await phone
      .getByRole("group", { name: new RegExp(`^${WALK_INS[0]} `) })
      .getByLabel("Présent·e", { exact: true })
      .check();
    // The pre-test and the post-test, everyone: forms A and B split the group, and each person's
    // post-test is the form she has not seen.
    const forms: Record<string, string[]> = { pre: [], post: [] };
    for (const kind of ["pre", "post"] as const) {
      await phone.getByLabel("Test", { exact: true }).selectOption(kind);
      for (let answered = 0; answered < everyone.length; answered += 1) {
        // "<test title> — <name>, forme <A|B>"
        const heading = (await phone.locator("#kit-test-heading").textContent()) ?? "";
        const [, name, form] = / — (.+), forme ([AB])$/.exec(heading) ?? [];
        forms[kind]?.push(`${name}:${form}`);
        const questions = phone.locator("#kit-test-questions fieldset");
        for (const question of await questions.all()) {
          await question
            .locator("input")
            .nth(answered % 2)
            .check();
        }
        await phone.getByRole("button", { name: "Enregistrer les réponses" }).click();
        await expect(status(phone)).toContainText(`Réponses de ${name} enregistrées`);
      }
    }
    const formOf = (kind: "pre" | "post") =>
      new Map(forms[kind]?.map((entry) => entry.split(":") as [string, string]));
    expect([...formOf("pre").values()].filter((form) => form === "A")).toHaveLength(10);
    expect(formOf("pre").size).toBe(20);
    for (const [name, form] of formOf("pre")) expect(formOf("post").get(name), name).not.toBe(form);

    await expect(status(phone)).toContainText("Rien n'a encore été envoyé");
    await expect(status(phone)).toContainText("79 en attente");
    await expectNoAxeViolations(phone);
    await phone.screenshot({ path: test.info().outputPath("kit-fr-360.png") });

    // Encrypted at rest: no name, no status word in anything the kit stored.
    const stored = await phone.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const opening = indexedDB.open("peacelearn-kit");
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(opening.error);
      });
      const texts: string[] = [];
      for (const store of ["commands", "snapshots", "device"]) {
        const rows = await new Promise<unknown[]>((resolve) => {
          const reading = db.transaction(store).objectStore(store).getAll();
          reading.onsuccess = () => resolve(reading.result);
        });
        for (const row of rows as Array<{ data: ArrayBuffer }>) {
          texts.push(new TextDecoder("latin1").decode(row.data ?? new ArrayBuffer(0)));
        }
      }
      db.close();
      return texts.join("\n");
    });
    expect(stored.length).toBeGreaterThan(1000);
    for (const word of ["Marche", "Gitega", "present", "walk-in", JOINERS[0]?.displayName ?? "?"]) {
      expect(stored).not.toContain(word);
    }

    // ── The browser is closed and opened again, still without a connection. ──
    await context.close();
    context = await launchProfile(profile);
    await context.setOffline(true);
    phone = context.pages()[0] ?? (await context.newPage());
    await phone.goto(kit);
    await expect(phone.getByRole("heading", { name: "Déverrouiller le kit" })).toBeVisible();
    await expect(status(phone)).toContainText("79 en attente");
    await phone.getByLabel("Phrase secrète", { exact: true }).fill("not the passphrase");
    await phone.getByRole("button", { name: "Déverrouiller" }).click();
    await expect(phone.getByRole("alert").filter({ hasText: "n'ouvre pas" })).toBeVisible();
    await unlock(phone);
    await expect(
      phone
        .getByRole("group", { name: new RegExp(`^${WALK_INS[17]} `) })
        .getByLabel(STATUSES[3], { exact: true }),
    ).toBeChecked();

    // ── Back online: everything goes, once. ──
    await context.setOffline(false);
    await phone.getByRole("button", { name: "Envoyer maintenant" }).click();
    await expect(status(phone)).toContainText("0 en attente");
    await expect(status(phone)).toContainText("Dernier envoi à");
    await expectNoAxeViolations(phone);

    // Sending everything again (as after a sync whose answer was lost) changes nothing.
    await phone.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const opening = indexedDB.open("peacelearn-kit");
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(opening.error);
      });
      const store = db.transaction("commands", "readwrite").objectStore("commands");
      const rows = await new Promise<Array<{ state: string }>>((resolve) => {
        const reading = store.getAll();
        reading.onsuccess = () => resolve(reading.result);
      });
      const writing = db.transaction("commands", "readwrite").objectStore("commands");
      for (const row of rows) writing.put({ ...row, state: "waiting" });
      await new Promise((resolve) => {
        writing.transaction.oncomplete = resolve;
      });
      db.close();
    });
    await phone.reload();
    await expect(status(phone)).toContainText("79 en attente");
    await unlock(phone);
    await expect(status(phone)).toContainText("0 en attente");
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }

  // ── What the database holds, as the trainer's list counts it. ──
  await logIn(page, TRAINER.email);
  await page.goto("/trainer/kit");
  const row = page.getByRole("row").filter({ hasText: "Atelier de Gitega" });
  await expect(row).toContainText("21 attendance marks, 18 walk-ins, 40 test answers");
  await expect(row).toContainText("2 members marked, 18 walk-ins");
  await expectNoAxeViolations(page);
  // The kit in English, on a browser that never set it up.
  await page.setViewportSize(PHONE);
  await page.goto(kit);
  await expect(page.getByRole("heading", { name: "Set up this device" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Nothing sent yet · 0 waiting");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath("kit-en-360.png"), fullPage: true });
  await page.goto(`/trainer/cohorts/${cohortId}/sessions/${sessionId}`);
  await expect(
    page.getByRole("link", { name: "Take this workshop offline (workshop kit)" }),
  ).toHaveAttribute("href", kit);
  await expect(
    page
      .getByRole("group", { name: JOINERS[0]?.displayName })
      .getByLabel("Present", { exact: true }),
  ).toBeChecked();
  await expect(
    page.getByRole("group", { name: JOINERS[1]?.displayName }).getByLabel("Late", { exact: true }),
  ).toBeChecked();
});
