import type { Db } from "@peacelearn/db";
import { describe, expect, it } from "vitest";
import { SENSITIVE_NOTE_READ } from "~/modules/accompaniment/session-detail.server";
import {
  type AccompanimentWorld,
  useAccompanimentWorld,
} from "~/modules/accompaniment/test-fixtures.server";
import { action, loader } from "~/routes/trainer/accompaniment/session";
import { callRoute, formPost, pageGet } from "~/test/route-call";

let db: Db;
let world: AccompanimentWorld;
useAccompanimentWorld((fixture) => {
  ({ db, world } = fixture);
});

const path = (id: string) => `/trainer/accompaniment/${id}`;
const view = (id: string, token?: string) =>
  callRoute(loader, pageGet(path(id), token), { params: { sessionId: id } });
const reads = () =>
  db.auditEvent.count({ where: { action: SENSITIVE_NOTE_READ, subjectId: world.sensitive.id } });
const notesOf = (outcome: unknown) =>
  (outcome as { data: { session: { notes: string | null } } }).data.session.notes;

describe("GET /trainer/accompaniment/:sessionId", () => {
  it("sends anonymous visitors to log in and forbids trainees", async () => {
    const anonymous = await view(world.sensitive.id);
    expect(anonymous).toRedirectTo(/^\/login\?redirectTo=/);
    expect(await view(world.sensitive.id, world.trainee.token)).toHaveStatus(403);
    expect(await view(world.sensitive.id, world.otherTrainee.token)).toMatchObject({
      status: 403,
    });
  });

  it("is a 404 for a trainer of another cohort, as for a session that does not exist", async () => {
    expect(await view(world.sensitive.id, world.otherTrainer.token)).toMatchObject({
      status: 404,
    });
    expect(await view(world.ordinary.id, world.otherTrainer.token)).toHaveStatus(404);
    expect(await view("missing", world.admin.token)).toHaveStatus(404);
  });

  it("withholds a sensitive note from a co-trainer (not even loaded) and audits nothing", async () => {
    const before = await reads();
    const outcome = await view(world.sensitive.id, world.coTrainer.token);
    expect(outcome).toHaveStatus(200);
    expect(notesOf(outcome)).toBeNull();
    expect(JSON.stringify(outcome)).not.toContain(world.sensitive.notes);
    expect(await reads()).toBe(before);
    // The same co-trainer reads the cohort's ordinary notes.
    expect(notesOf(await view(world.ordinary.id, world.coTrainer.token))).toBe(
      world.ordinary.notes,
    );
  });

  it("shows the author and admins the sensitive note and audits one read per page view", async () => {
    const before = await reads();
    expect(notesOf(await view(world.sensitive.id, world.author.token))).toBe(world.sensitive.notes);
    expect(notesOf(await view(world.sensitive.id, world.admin.token))).toBe(world.sensitive.notes);
    expect(await reads()).toBe(before + 2);
    const actors = await db.auditEvent.findMany({
      where: { action: SENSITIVE_NOTE_READ, subjectId: world.sensitive.id },
      select: { actorId: true, subjectType: true },
    });
    expect(actors).toEqual(
      expect.arrayContaining([
        { actorId: world.author.id, subjectType: "AccompanimentSession" },
        { actorId: world.admin.id, subjectType: "AccompanimentSession" },
      ]),
    );
    // Ordinary notes are read without audit.
    await view(world.ordinary.id, world.author.token);
    expect(await db.auditEvent.count({ where: { subjectId: world.ordinary.id } })).toBe(0);
  });
});

describe("POST /trainer/accompaniment/:sessionId (follow-up status)", () => {
  const update = (
    token: string | undefined,
    fields: Record<string, string>,
    id = world.sensitive.id,
  ) =>
    callRoute(
      action,
      formPost(path(id), fields, token ? { Cookie: `peacelearn_session=${token}` } : {}),
      { params: { sessionId: id } },
    );
  const statusOf = async (followUpId: string) =>
    (
      await db.followUpAction.findUniqueOrThrow({
        where: { id: followUpId },
        select: { status: true },
      })
    ).status;

  it("lets the session's trainer close an action", async () => {
    const outcome = await update(world.author.token, {
      followUpId: world.sensitive.followUps.overdue,
      status: "cancelled",
    });
    expect((outcome as Response).status).toBe(303);
    expect(outcome).toRedirectTo(`${path(world.sensitive.id)}?updated=1`);
    const saved = await db.followUpAction.findUniqueOrThrow({
      where: { id: world.sensitive.followUps.overdue },
      select: { status: true, closedAt: true },
    });
    expect(saved.status).toBe("cancelled");
    expect(saved.closedAt).not.toBeNull();
  });

  it("lets an admin reopen it", async () => {
    await update(world.admin.token, {
      followUpId: world.sensitive.followUps.overdue,
      status: "open",
    });
    expect(await statusOf(world.sensitive.followUps.overdue)).toBe("open");
  });

  it("refuses a co-trainer (403), another cohort's trainer (404) and trainees (403)", async () => {
    const fields = { followUpId: world.sensitive.followUps.future, status: "done" };
    expect(await update(world.coTrainer.token, fields)).toHaveStatus(403);
    expect(await update(world.otherTrainer.token, fields)).toHaveStatus(404);
    expect(await update(world.trainee.token, fields)).toHaveStatus(403);
    expect(await update(world.otherTrainee.token, fields)).toHaveStatus(403);
    const anonymous = await update(undefined, fields);
    expect(anonymous).toRedirectTo(/^\/login/);
    expect(await statusOf(world.sensitive.followUps.future)).toBe("open");
  });

  it("refuses an action of another session, a bad status and a cross-site post", async () => {
    expect(
      await update(
        world.author.token,
        { followUpId: world.sensitive.followUps.future, status: "done" },
        world.ordinary.id,
      ),
    ).toHaveStatus(404);
    expect(
      await update(world.author.token, {
        followUpId: world.sensitive.followUps.future,
        status: "lost",
      }),
    ).toHaveStatus(400);
    const crossSite = await callRoute(
      action,
      formPost(
        path(world.sensitive.id),
        { followUpId: world.sensitive.followUps.future, status: "done" },
        { Origin: "https://evil.example", Cookie: `peacelearn_session=${world.author.token}` },
      ),
      { params: { sessionId: world.sensitive.id } },
    );
    expect(crossSite).toHaveStatus(403);
    expect(await statusOf(world.sensitive.followUps.future)).toBe("open");
  });
});
