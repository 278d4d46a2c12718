// The three action-plan routes with real requests, as a browser without JavaScript sends them:
// the trainee drafts (adding an action row by a submit button), her trainer reads the plan and
// links a follow-up of the accompaniment log to a step; everyone else learns nothing.
import type { Db } from "@peacelearn/db";
import { describe, expect, it } from "vitest";
import {
  type AccompanimentWorld,
  useAccompanimentWorld,
} from "~/modules/accompaniment/test-fixtures.server";
import { loader as listLoader } from "~/routes/action-plans/index";
import { action as createAction, loader as newLoader } from "~/routes/action-plans/new";
import { action as linkAction, loader as planLoader } from "~/routes/action-plans/plan";
import { loader as traineeLoader } from "~/routes/trainer/cohorts/trainees/trainee";
import { callRoute, formPost, pageGet } from "~/test/route-call";
import { sessionCookie } from "~/test/sign-in.server";

let db: Db;
let world: AccompanimentWorld;
useAccompanimentWorld((fixture) => {
  ({ db, world } = fixture);
});

const CHANGE = "Route test: the sub-county funds a women's desk";
const filled = {
  change: CHANGE,
  target: "Sub-county council",
  level: "community",
  resolutions: ["1325", "2242"],
  "steps[0].description": "Ask for a hearing",
  "steps[0].dueOn": "2027-01-10",
  "steps[1].description": "Bring three testimonies",
  "steps[1].dueOn": "2027-02-10",
};
const post = (fields: Record<string, string | string[]>, token = world.trainee.token) =>
  callRoute(createAction, formPost("/action-plans/new", fields, sessionCookie(token)));
const dataOf = (outcome: unknown) => (outcome as { data: Record<string, unknown> }).data;
const errorsOf = (outcome: unknown) =>
  (dataOf(outcome).result as { error?: Record<string, string[]> }).error ?? {};

async function draft(): Promise<string> {
  const outcome = await post({ ...filled, intent: "save" });
  expect(outcome).toHaveStatus(303);
  const location = (outcome as Response).headers.get("Location") ?? "";
  expect(location).toMatch(/^\/action-plans\/[^/?]+\?created=1$/);
  return location.split("/")[2]?.split("?")[0] ?? "";
}

describe("POST /action-plans/new", () => {
  it("adds an action row without saving, keeping what she typed", async () => {
    const before = await db.advocacyPlan.count();
    const outcome = await post({ ...filled, intent: "add-row" });
    expect(outcome).toHaveStatus(200);
    expect(dataOf(outcome).rowCount).toBe(3);
    expect(errorsOf(outcome)).toEqual({});
    expect(JSON.stringify(dataOf(outcome).result)).toContain(CHANGE);
    expect(await db.advocacyPlan.count()).toBe(before);
  });

  it("answers 400 naming each field, never a 500", async () => {
    const outcome = await post({ change: "", level: "planet", "steps[0].description": "x" });
    expect(outcome).toHaveStatus(400);
    expect(Object.keys(errorsOf(outcome)).sort()).toEqual([
      "change",
      "level",
      "steps[0].dueOn",
      "target",
    ]);
    const forged = await post({ ...filled, napObjectiveIds: "XX-9.p9.o9" });
    expect(forged).toHaveStatus(400);
    expect(Object.keys(errorsOf(forged))).toEqual(["napObjectiveIds"]);
    const tooBig = await post({ ...filled, change: "x".repeat(2001) });
    expect(Object.keys(errorsOf(tooBig))).toEqual(["change"]);
  });

  it("saves a plan tied to an objective of her country's plan and sends her to it", async () => {
    // The demo draws her country at random within the region; Uganda's plans list objectives.
    await db.user.update({ where: { id: world.trainee.id }, data: { locationCode: "UG" } });
    const options = dataOf(
      await callRoute(newLoader, pageGet("/action-plans/new", world.trainee.token)),
    ).options as { nap: { objectives: Array<{ id: string }> } | null };
    const objective = options.nap?.objectives[0]?.id;
    expect(objective, "Uganda's plan lists objectives").toBeTruthy();
    const outcome = await post({ ...filled, napObjectiveIds: objective ?? "", intent: "save" });
    expect(outcome).toHaveStatus(303);
    const stored = await db.advocacyPlan.findFirstOrThrow({
      where: { userId: world.trainee.id, napObjectiveIds: { has: objective ?? "" } },
      select: { resolutions: true, steps: { select: { description: true } } },
    });
    expect(stored.resolutions).toEqual(["1325", "2242"]);
    expect(stored.steps).toHaveLength(2);
  });

  it("sends anonymous visitors to log in", async () => {
    const outcome = await callRoute(createAction, formPost("/action-plans/new", filled));
    expect(outcome).toRedirectTo(/^\/login\?redirectTo=/);
  });
});

describe("GET /action-plans/:planId", () => {
  const view = (planId: string, token?: string) =>
    callRoute(planLoader, pageGet(`/action-plans/${planId}`, token), { params: { planId } });

  it("shows the plan to her, her cohort's trainers and admins; a 404 to everyone else", async () => {
    const planId = await draft();
    for (const reader of [world.trainee, world.author, world.coTrainer, world.admin]) {
      const outcome = await view(planId, reader.token);
      expect(outcome).toHaveStatus(200);
      expect(JSON.stringify(dataOf(outcome))).toContain(CHANGE);
    }
    for (const outsider of [world.otherTrainer, world.otherTrainee, world.cohortPeer]) {
      const outcome = await view(planId, outsider.token);
      expect(outcome).toHaveStatus(404);
      expect(JSON.stringify(outcome)).not.toContain(CHANGE);
    }
    expect(await view("no-such-plan", world.admin.token)).toHaveStatus(404);
    expect(await view(planId)).toRedirectTo(/^\/login\?redirectTo=/);
  });

  it("lists her plans on her page and on her trainee page", async () => {
    const planId = await draft();
    const mine = await callRoute(listLoader, pageGet("/action-plans", world.trainee.token));
    expect(JSON.stringify(dataOf(mine).plans)).toContain(planId);
    const others = await callRoute(listLoader, pageGet("/action-plans", world.cohortPeer.token));
    expect(JSON.stringify(dataOf(others))).not.toContain(CHANGE);
    const trainee = await callRoute(
      traineeLoader,
      pageGet(`/trainer/cohorts/${world.gulu.id}/trainees/${world.trainee.id}`, world.author.token),
      { params: { cohortId: world.gulu.id, userId: world.trainee.id } },
    );
    expect(JSON.stringify(dataOf(trainee).plans)).toContain(planId);
  });
});

describe("POST /action-plans/:planId (link a follow-up)", () => {
  const link = (planId: string, fields: Record<string, string>, token?: string) =>
    callRoute(
      linkAction,
      formPost(`/action-plans/${planId}`, fields, token ? sessionCookie(token) : {}),
      { params: { planId } },
    );

  it("lets the trainer who agreed the follow-up link it to a step, once", async () => {
    const planId = await draft();
    const plan = dataOf(
      await callRoute(planLoader, pageGet(`/action-plans/${planId}`, world.author.token), {
        params: { planId },
      }),
    ) as { plan: { steps: Array<{ id: string }> }; linkable: Array<{ id: string }> };
    const step = plan.plan.steps[0]?.id ?? "";
    const followUpId = world.sensitive.followUps.future;
    expect(plan.linkable.map((f) => f.id)).toContain(followUpId);

    // Her, a co-trainer who did not agree it, an outsider: refused, nothing written.
    expect(await link(planId, { stepId: step, followUpId }, world.trainee.token)).toHaveStatus(403);
    expect(await link(planId, { stepId: step, followUpId }, world.coTrainer.token)).toHaveStatus(
      400,
    );
    expect(await link(planId, { stepId: step, followUpId }, world.otherTrainer.token)).toHaveStatus(
      404,
    );
    expect(await db.advocacyStepFollowUp.count({ where: { followUpActionId: followUpId } })).toBe(
      0,
    );

    const missing = await link(planId, { stepId: step }, world.author.token);
    expect(missing).toHaveStatus(400);
    expect(Object.keys(errorsOf(missing))).toEqual(["followUpId"]);

    const done = await link(planId, { stepId: step, followUpId }, world.author.token);
    expect(done).toHaveStatus(303);
    expect((done as Response).headers.get("Location")).toBe(`/action-plans/${planId}?linked=1`);
    const after = dataOf(
      await callRoute(planLoader, pageGet(`/action-plans/${planId}`, world.trainee.token), {
        params: { planId },
      }),
    ) as { plan: { steps: Array<{ followUps: Array<{ id: string }> }> } };
    expect(after.plan.steps[0]?.followUps.map((f) => f.id)).toEqual([followUpId]);
  });
});
