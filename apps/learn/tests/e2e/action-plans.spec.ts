import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_TRAINERS } from "../../../../packages/db/src/seed/demo-people";
import { expectNoAxeViolationsWithScripts } from "./axe";

// Advocacy action plans (issue 16 item 2, ADR 033), on a phone, in French, without JavaScript:
// a trainee of her own (signed up here) joins a cohort this spec creates, drafts a plan with two
// actions — the second row added by the "add another action" button — tied to an objective of
// Uganda's National Action Plan; her trainer finds the plan on her page, records a follow-up in
// an accompaniment session and links it to the plan's first step. Axe runs on every page.
// The trainer is the demo's Gulu lead trainer, whom no other spec signs in as; the cohort and the
// trainee are this spec's own, so no other spec's data changes.

const PHONE = { width: 360, height: 740 };
const TRAINER = DEMO_TRAINERS.gulu;
const stamp = Date.now().toString(36);
const TRAINEE = {
  email: `plan-author-${stamp}@e2e.peacelearn.example`,
  name: "Grace Akello",
  password: "plans turn learning into change",
};
const CHANGE = "Le conseil de sous-comté finance un guichet pour les femmes";
const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function frenchPhone(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  const answer = await page.request.post("/locale", {
    form: { locale: "fr", redirectTo: "/" },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(answer.status()).toBe(303);
  return page;
}

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

test("a trainee drafts an action plan; her trainer reads it and links a follow-up", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(480_000);
  const origin = baseURL ?? "";
  // The pages are opened without JavaScript; axe, which runs inside the page, checks a copy.
  const axe = (page: Page) => expectNoAxeViolationsWithScripts(browser, page);

  // She opens an account, saying she lives in Uganda.
  const trainee = await frenchPhone(browser, origin);
  await trainee.goto("/signup");
  await field(trainee, "email").fill(TRAINEE.email);
  await field(trainee, "displayName").fill(TRAINEE.name);
  await field(trainee, "password").fill(TRAINEE.password);
  await field(trainee, "confirmPassword").fill(TRAINEE.password);
  await field(trainee, "locationCode").selectOption("UG");
  await trainee.locator('main button[type="submit"]').last().click();
  await expect(trainee).toHaveURL(/\/learning$/);

  // The trainer opens a cohort of her own and adds the trainee by her address.
  const trainer = await frenchPhone(browser, origin);
  await trainer.goto("/login");
  await field(trainer, "email").fill(TRAINER.email);
  await field(trainer, "password").fill(DEMO_PASSWORD);
  await trainer.locator('main button[type="submit"]').last().click();
  await expect(trainer).toHaveURL(/\/learning$/);
  await trainer.goto("/trainer/cohorts/new");
  await field(trainer, "name").fill(`Plans ${stamp}`);
  await field(trainer, "courseId").selectOption({ index: 1 });
  await field(trainer, "locationCode").selectOption("UG");
  await field(trainer, "startsOn").fill(day(-30));
  // Codes the demo cohorts use too (trainer-journey.spec counts on a code no other cohort has).
  await field(trainer, "activityType").selectOption("capacity-building-training");
  await field(trainer, "dacSectorCode").selectOption({ index: 1 });
  await trainer.locator('[name="dacGenderMarker"][value="2"]').check();
  await trainer.locator('main button[type="submit"]').last().click();
  await expect(trainer).toHaveURL(/\/trainer\/cohorts\/(?!new$)[^/]+$/);
  const cohortPath = new URL(trainer.url()).pathname;
  await trainer.goto(`${cohortPath}/members`);
  await trainer.locator('form:has(input[value="add-member"]) [name="email"]').fill(TRAINEE.email);
  await trainer.locator('form:has(input[value="add-member"]) button[type="submit"]').click();

  // She accepts, finds her action plans from "my learning" and drafts one.
  await trainee.goto("/learning");
  await trainee.locator('form:has(input[value="accept-invitation"]) button[type="submit"]').click();
  await trainee.goto("/learning");
  await trainee.getByRole("link", { name: "Mes plans d’action" }).click();
  await expect(trainee.getByRole("heading", { level: 1 })).toHaveText("Mes plans d’action");
  await axe(trainee);
  await trainee.getByRole("link", { name: "Rédiger un nouveau plan" }).first().click();
  await expect(trainee.getByRole("heading", { level: 1 })).toHaveText("Rédiger un plan d’action");
  await axe(trainee);

  await field(trainee, "change").fill(CHANGE);
  await field(trainee, "target").fill("Conseil de sous-comté");
  await trainee.getByLabel("Communauté").check();
  await trainee.getByLabel("S/RES/1325 (2000)").check();
  const objective = trainee.locator('[name="napObjectiveIds"]').first();
  await objective.check();
  const objectiveId = await objective.getAttribute("value");
  expect(objectiveId).toMatch(/^UG-\d+\.p\d+\.o\d+$/);
  await field(trainee, "steps[0].description").fill("Demander une audience au conseil");
  await field(trainee, "steps[0].dueOn").fill(day(14));
  await field(trainee, "steps[1].description").fill("Réunir trois témoignages");
  await field(trainee, "steps[1].dueOn").fill(day(30));
  // No JavaScript: the third row comes from the server, with everything typed kept.
  await trainee.getByRole("button", { name: "Ajouter une action" }).click();
  await expect(field(trainee, "steps[2].description")).toBeVisible();
  await expect(field(trainee, "change")).toHaveValue(CHANGE);
  await expect(trainee.locator(`[name="napObjectiveIds"][value="${objectiveId}"]`)).toBeChecked();
  await axe(trainee);
  await trainee.getByRole("button", { name: "Enregistrer le plan" }).click();

  await expect(trainee).toHaveURL(/\/action-plans\/[^/?]+\?created=1$/);
  const planPath = new URL(trainee.url()).pathname;
  await expect(trainee.getByText(CHANGE)).toBeVisible();
  await expect(trainee.getByText("1. Demander une audience au conseil")).toBeVisible();
  await expect(trainee.getByText("2. Réunir trois témoignages")).toBeVisible();
  await axe(trainee);

  // The trainer finds it on the trainee's page, records a session with a follow-up, links it.
  await trainer.goto(cohortPath);
  await trainer.getByRole("link", { name: TRAINEE.name }).first().click();
  await expect(trainer.getByRole("heading", { name: "Plans d’action", exact: true })).toBeVisible();
  await trainer.getByRole("link", { name: CHANGE }).click();
  await expect(trainer).toHaveURL(new RegExp(`${planPath}$`));
  await expect(trainer.getByText("Il ne reste aucune")).toBeVisible();
  await axe(trainer);

  await trainer.goto(cohortPath);
  const traineeHref =
    (await trainer.getByRole("link", { name: TRAINEE.name }).first().getAttribute("href")) ?? "";
  const userId = traineeHref.split("/").at(-1) ?? "";
  await trainer.goto(`/trainer/accompaniment/new?trainee=${userId}`);
  await field(trainer, "occurredOn").fill(day(0));
  await field(trainer, "followUps[0].description").fill("Relire la lettre au conseil");
  await field(trainer, "followUps[0].dueOn").fill(day(7));
  await trainer
    .getByRole("button", { name: /Enregistrer/ })
    .last()
    .click();
  await expect(trainer).toHaveURL(/\/trainer\/accompaniment\/[^/?]+\?recorded=1$/);

  await trainer.goto(planPath);
  const firstStep = trainer.locator("ol > li").first();
  const option = firstStep.locator("option", { hasText: "Relire la lettre au conseil" });
  await firstStep.getByRole("combobox").selectOption((await option.getAttribute("value")) ?? "");
  await firstStep.getByRole("button", { name: /Relier/ }).click();
  await expect(trainer).toHaveURL(new RegExp(`${planPath}\\?linked=1$`));
  await expect(trainer.getByText("L’action de suivi est reliée à l’étape.")).toBeVisible();
  await expect(firstStep.getByText(/Relire la lettre au conseil/)).toBeVisible();
  await axe(trainer);

  // She sees the linked follow-up on her plan.
  await trainee.goto(planPath);
  await expect(trainee.getByText(/Relire la lettre au conseil/)).toBeVisible();
});
