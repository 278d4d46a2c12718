import type { Db } from "@peacelearn/db";
import { describe, expect, it } from "vitest";
import {
  type AccompanimentWorld,
  useAccompanimentWorld,
} from "~/modules/accompaniment/test-fixtures.server";
import { action, loader } from "~/routes/trainer/accompaniment/new";
import { locationOf } from "~/test/matchers";
import { callRoute, formPost, pageGet } from "~/test/route-call";

let db: Db;
let world: AccompanimentWorld;
useAccompanimentWorld((fixture) => {
  ({ db, world } = fixture);
});

const PATH = "/trainer/accompaniment/new";
const cookie = (token: string) => ({ Cookie: `peacelearn_session=${token}` });
const open = (query: string, token?: string) =>
  callRoute(loader, pageGet(`${PATH}${query}`, token));
const submit = (token: string | undefined, fields: Record<string, string>) =>
  callRoute(action, formPost(PATH, fields, token ? cookie(token) : {}));

type NewData = { trainees: Array<{ id: string }>; defaultTraineeId: string };
type ActionData = {
  result: { initialValue: Record<string, unknown>; error?: Record<string, string[]> };
  rowCount: number;
};

function session(traineeId: string, extra: Record<string, string> = {}) {
  return {
    intent: "save",
    traineeId,
    occurredOn: new Date(world.today.getTime() - 86_400_000).toISOString().slice(0, 10),
    mode: "online",
    durationMinutes: "60",
    activityType: "accompaniment",
    topics: "policy brief, Policy brief , coalition building",
    notes: "Talked through the hearing.",
    ...[0, 1, 2].reduce<Record<string, string>>((rows, i) => {
      rows[`followUps[${i}].owner`] = "trainee";
      rows[`followUps[${i}].status`] = "open";
      return rows;
    }, {}),
    ...extra,
  };
}

describe("GET /trainer/accompaniment/new", () => {
  it("sends anonymous visitors to log in and forbids trainees", async () => {
    expect((await open("")) as Response).toBeInstanceOf(Response);
    expect(await open("", world.trainee.token)).toHaveStatus(403);
    expect(await open("", world.otherTrainee.token)).toHaveStatus(403);
  });

  it("offers a trainer of another cohort none of Gulu's trainees, even when asked by id", async () => {
    const outcome = (await open(`?trainee=${world.trainee.id}`, world.otherTrainer.token)) as {
      data: NewData;
    };
    expect(outcome.data.trainees.map((person) => person.id)).not.toContain(world.trainee.id);
    expect(outcome.data.defaultTraineeId).toBe("");
  });

  it("preselects ?trainee= for the session's trainer; admins may choose anyone", async () => {
    const author = (await open(`?trainee=${world.trainee.id}`, world.author.token)) as {
      data: NewData;
    };
    expect(author.data.defaultTraineeId).toBe(world.trainee.id);
    const admin = (await open("", world.admin.token)) as { data: NewData };
    const ids = admin.data.trainees.map((person) => person.id);
    expect(ids).toEqual(expect.arrayContaining([world.trainee.id, world.otherTrainee.id]));
  });
});

describe("POST /trainer/accompaniment/new", () => {
  it("adds a follow-up row without JavaScript, keeping everything typed and showing no errors", async () => {
    const outcome = (await submit(
      world.author.token,
      session(world.trainee.id, {
        intent: "add-row",
        occurredOn: "",
        "followUps[1].description": "Call the council clerk",
      }),
    )) as { status: number; data: ActionData };
    expect(outcome.status).toBe(200);
    expect(outcome.data.rowCount).toBe(4);
    expect(outcome.data.result.error).toBeUndefined();
    expect(outcome.data.result.initialValue).toMatchObject({
      topics: "policy brief, Policy brief , coalition building",
      notes: "Talked through the hearing.",
      followUps: [{}, { description: "Call the council clerk" }, {}],
    });
  });

  it("answers invalid input with 400, field errors and the values kept", async () => {
    const outcome = (await submit(
      world.author.token,
      session(world.trainee.id, {
        mode: "",
        "followUps[3].owner": "trainer",
        "followUps[3].status": "open",
        "followUps[3].description": "Share the protection partner's contact",
      }),
    )) as { status: number; data: ActionData };
    expect(outcome.status).toBe(400);
    expect(outcome.data.rowCount).toBe(4);
    expect(outcome.data.result.error).toMatchObject({
      mode: ["accompaniment:errors.modeRequired"],
      "followUps[3].dueOn": ["accompaniment:errors.dueOnRequired"],
    });
    expect(outcome.data.result.initialValue).toMatchObject({
      traineeId: world.trainee.id,
      notes: "Talked through the hearing.",
    });
  });

  it("records the session for the session's trainer and redirects to it", async () => {
    const outcome = await submit(
      world.author.token,
      session(world.trainee.id, {
        isSensitive: "on",
        "followUps[0].description": "Send the revised ask",
        "followUps[0].dueOn": "2030-01-10",
        "followUps[2].description": "Book the partner office",
        "followUps[2].dueOn": "2030-01-05",
        "followUps[2].owner": "trainer",
      }),
    );
    expect((outcome as Response).status).toBe(303);
    const location = locationOf(outcome) ?? "";
    const id = /^\/trainer\/accompaniment\/([^/?]+)\?recorded=1$/.exec(location)?.[1] ?? "";
    const saved = await db.accompanimentSession.findUniqueOrThrow({
      where: { id },
      select: {
        trainerId: true,
        cohortId: true,
        topics: true,
        isSensitive: true,
        durationMinutes: true,
        followUps: { select: { ownerId: true, description: true }, orderBy: { dueOn: "asc" } },
      },
    });
    expect(saved).toEqual({
      trainerId: world.author.id,
      cohortId: world.gulu.id,
      topics: ["policy brief", "coalition building"],
      isSensitive: true,
      durationMinutes: 60,
      followUps: [
        { ownerId: world.author.id, description: "Book the partner office" },
        { ownerId: world.trainee.id, description: "Send the revised ask" },
      ],
    });
  });

  it("refuses another cohort's trainee with 400 and writes nothing", async () => {
    const before = await db.accompanimentSession.count();
    const outcome = (await submit(world.otherTrainer.token, session(world.trainee.id))) as {
      status: number;
      data: ActionData;
    };
    expect(outcome.status).toBe(400);
    expect(outcome.data.result.error?.traineeId).toEqual([
      "accompaniment:errors.traineeNotAllowed",
    ]);
    expect(await db.accompanimentSession.count()).toBe(before);
  });

  it("lets an admin record a session with anyone", async () => {
    const outcome = await submit(world.admin.token, session(world.otherTrainee.id));
    expect((outcome as Response).status).toBe(303);
  });

  it("refuses trainees, anonymous and cross-site posts", async () => {
    const before = await db.accompanimentSession.count();
    expect(await submit(world.trainee.token, session(world.cohortPeer.id))).toMatchObject({
      status: 403,
    });
    expect(await submit(world.otherTrainee.token, session(world.trainee.id))).toMatchObject({
      status: 403,
    });
    expect(((await submit(undefined, session(world.trainee.id))) as Response).status).toBe(302);
    const crossSite = await callRoute(
      action,
      formPost(PATH, session(world.trainee.id), {
        ...cookie(world.author.token),
        Origin: "https://evil.example",
      }),
    );
    expect(crossSite).toHaveStatus(403);
    expect(await db.accompanimentSession.count()).toBe(before);
  });

  it("answers a NUL in the notes with 400 on that field, keeps the text, and saves nothing", async () => {
    // Before the bounded form reader this reached PostgreSQL and answered 500.
    const before = await db.accompanimentSession.count();
    const outcome = (await submit(
      world.author.token,
      session(world.trainee.id, { notes: "Met the clerk\u0000 today" }),
    )) as { status: number; data: ActionData };
    expect(outcome.status).toBe(400);
    expect(outcome.data.result.error?.notes).toEqual(["common:errors.controlCharacter"]);
    expect(outcome.data.result.initialValue.notes).toBe("Met the clerk\u0000 today");
    expect(outcome.data.result.initialValue.topics).toBe(
      "policy brief, Policy brief , coalition building",
    );
    expect(await db.accompanimentSession.count()).toBe(before);
  });

  it("answers followUps[100000] with 400 at once instead of building a huge array (took 41 s)", async () => {
    const started = performance.now();
    const outcome = await submit(
      world.author.token,
      session(world.trainee.id, { "followUps[100000].description": "x" }),
    );
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(outcome).toMatchObject({
      status: 400,
      data: { formRejection: { reason: "field-name", field: "followUps[100000].description" } },
    });
  });

  it("answers a JSON body with 415, not 500", async () => {
    const request = new Request("http://peacelearn.test/trainer/accompaniment/new", {
      method: "POST",
      headers: {
        Origin: "http://peacelearn.test",
        "Content-Type": "application/json",
        ...cookie(world.author.token),
      },
      body: JSON.stringify(session(world.trainee.id)),
    });
    expect(await callRoute(action, request)).toHaveStatus(415);
  });
});
