import type { Db } from "@peacelearn/db";
import { describe, expect, it } from "vitest";
import {
  type AccompanimentWorld,
  useAccompanimentWorld,
} from "~/modules/accompaniment/test-fixtures.server";
import { action, loader } from "~/routes/follow-ups";
import { callRoute, formPost, pageGet } from "~/test/route-call";

let db: Db;
let world: AccompanimentWorld;
useAccompanimentWorld((fixture) => {
  ({ db, world } = fixture);
});

type Listed = { id: string; description: string; isOverdue: boolean };
type FollowUpData = { open: Listed[]; closed: Listed[] };

const view = (token?: string) => callRoute(loader, pageGet("/follow-ups", token));
async function idsSeenBy(token: string) {
  const outcome = (await view(token)) as { status: number; data: FollowUpData };
  expect(outcome.status).toBe(200);
  return [...outcome.data.open, ...outcome.data.closed].map((action) => action.id);
}
const markDone = (token: string | undefined, followUpId: string, headers = {}) =>
  callRoute(
    action,
    formPost(
      "/follow-ups",
      { followUpId },
      { ...(token ? { Cookie: `peacelearn_session=${token}` } : {}), ...headers },
    ),
  );
const statusOf = async (id: string) =>
  (await db.followUpAction.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

/** Every key anywhere in a JSON value. */
function keysIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysIn);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...keysIn(inner)]);
  }
  return [];
}

describe("GET /follow-ups", () => {
  it("sends anonymous visitors to log in", async () => {
    expect(await view()).toRedirectTo(
      `/login?${new URLSearchParams({ redirectTo: "/follow-ups" })}`,
    );
  });

  it("shows the trainee the actions agreed with them, overdue ones flagged, and no notes field", async () => {
    const outcome = (await view(world.trainee.token)) as { status: number; data: FollowUpData };
    const ids = [...outcome.data.open, ...outcome.data.closed].map((action) => action.id);
    expect(ids).toEqual(expect.arrayContaining(Object.values(world.sensitive.followUps)));
    expect(
      outcome.data.open.find((action) => action.id === world.sensitive.followUps.overdue),
    ).toMatchObject({ isOverdue: true });
    expect(keysIn(outcome.data)).not.toContain("notes");
    expect(JSON.stringify(outcome.data)).not.toContain(world.sensitive.notes);
  });

  it("shows nobody else the trainee's actions: peers, other cohorts, trainers, admins", async () => {
    for (const person of [
      world.cohortPeer,
      world.otherTrainee,
      world.author,
      world.otherTrainer,
      world.admin,
    ]) {
      const ids = await idsSeenBy(person.token);
      for (const id of Object.values(world.sensitive.followUps)) expect(ids).not.toContain(id);
    }
  });
});

describe("POST /follow-ups (mark done)", () => {
  it("refuses anyone but the trainee the action was agreed with", async () => {
    const id = world.sensitive.followUps.future;
    for (const person of [
      world.cohortPeer,
      world.otherTrainee,
      world.author,
      world.otherTrainer,
      world.admin,
    ]) {
      expect(await markDone(person.token, id)).toHaveStatus(404);
    }
    expect(((await markDone(undefined, id)) as Response).status).toBe(302);
    expect(
      await markDone(world.trainee.token, id, { Origin: "https://evil.example" }),
    ).toHaveStatus(403);
    expect(await statusOf(id)).toBe("open");
  });

  it("lets the trainee mark an action done, even one their trainer owns", async () => {
    const outcome = await markDone(world.trainee.token, world.sensitive.followUps.future);
    expect((outcome as Response).status).toBe(303);
    expect(outcome).toRedirectTo("/follow-ups?done=1");
    expect(await statusOf(world.sensitive.followUps.future)).toBe("done");
  });

  it("answers a post without an action with 400", async () => {
    expect(await markDone(world.trainee.token, "")).toHaveStatus(400);
  });
});
