import type { Db } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personLabel } from "~/lib/people";
import { loadSessionDetail, SENSITIVE_NOTE_READ } from "./session-detail.server";
import { listSessions, PAGE_SIZE } from "./session-list.server";
import { loadViewer, recordSession, resolveTrainee, traineeOptions } from "./sessions.server";
import { type AccompanimentWorld, seedAccompanimentWorld } from "./test-fixtures.server";
import { listTraineeFollowUps, markFollowUpDone } from "./trainee-follow-ups.server";

let db: Db;
let close: () => Promise<void>;
let world: AccompanimentWorld;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  world = await seedAccompanimentWorld(db);
}, 120_000);
afterAll(async () => close());

const viewerOf = async (person: { id: string }) => {
  const user = await db.user.findUniqueOrThrow({
    where: { id: person.id },
    select: { id: true, roles: true },
  });
  return loadViewer(db, user);
};

/** The same client, counting every Prisma operation it runs (nested selects count once). */
function countingDb(): { db: Db; count: () => number } {
  let operations = 0;
  const counted = db.$extends({
    query: {
      $allOperations({ args, query }) {
        operations++;
        return query(args);
      },
    },
  }) as unknown as Db;
  return { db: counted, count: () => operations };
}

describe("listSessions", () => {
  it("shows a trainer of another cohort nothing of Gulu", async () => {
    const viewer = await viewerOf(world.otherTrainer);
    const page = await listSessions(db, viewer, { page: 1 });
    expect(page.total).toBeGreaterThan(0);
    for (const session of page.sessions) expect(session.cohort?.id).toBe(world.monrovia.id);
    const gulu = await listSessions(db, viewer, { page: 1, cohort: world.gulu.id });
    expect(gulu.total).toBe(0);
  });

  it("shows admins every session, newest first, a page at a time", async () => {
    const all = await db.accompanimentSession.count();
    const page = await listSessions(db, await viewerOf(world.admin), { page: 1 });
    expect(page.total).toBe(all);
    expect(page.sessions).toHaveLength(Math.min(all, PAGE_SIZE));
    expect(page.pageCount).toBe(Math.ceil(all / PAGE_SIZE));
    const days = page.sessions.map((session) => new Date(session.occurredOn).getTime());
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });

  it("filters by overdue follow-ups and flags them; never returns notes", async () => {
    const page = await listSessions(db, await viewerOf(world.author), {
      page: 1,
      status: "overdue",
      trainee: world.trainee.id,
    });
    const session = page.sessions.find((row) => row.id === world.sensitive.id);
    expect(session).toBeDefined();
    expect(page.sessions.some((row) => row.id === world.ordinary.id)).toBe(false);
    const flags = Object.fromEntries(
      session?.followUps.map((action) => [action.id, action.isOverdue]) ?? [],
    );
    expect(flags).toEqual({
      [world.sensitive.followUps.overdue]: true,
      [world.sensitive.followUps.future]: false,
      [world.sensitive.followUps.done]: false,
    });
    expect(page.overdueCount).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(page)).not.toContain("Fixture: ");
  });

  it("runs the same number of queries for 1 session as for a full page (no N+1)", async () => {
    const admin = await viewerOf(world.admin);
    const one = countingDb();
    const few = await listSessions(one.db, admin, { page: 1, trainee: world.trainee.id });
    const many = countingDb();
    const full = await listSessions(many.db, admin, { page: 1 });
    expect(full.sessions.length).toBeGreaterThan(few.sessions.length);
    expect(one.count()).toBe(3);
    expect(many.count()).toBe(one.count());
  });
});

describe("loadSessionDetail", () => {
  const readsOf = (sessionId: string) =>
    db.auditEvent.count({ where: { action: SENSITIVE_NOTE_READ, subjectId: sessionId } });

  it("gives the author the sensitive note and audits each view", async () => {
    const before = await readsOf(world.sensitive.id);
    const viewer = await viewerOf(world.author);
    const first = await loadSessionDetail(db, viewer, world.sensitive.id);
    await loadSessionDetail(db, viewer, world.sensitive.id);
    expect(first?.notes).toBe(world.sensitive.notes);
    expect(await readsOf(world.sensitive.id)).toBe(before + 2);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: SENSITIVE_NOTE_READ, subjectId: world.sensitive.id },
      select: { actorId: true, subjectType: true, metadata: true },
    });
    expect(event).toEqual({
      actorId: world.author.id,
      subjectType: "AccompanimentSession",
      metadata: {},
    });
  });

  it("hides a sensitive note from a co-trainer without auditing a read that did not happen", async () => {
    const before = await readsOf(world.sensitive.id);
    const detail = await loadSessionDetail(db, await viewerOf(world.coTrainer), world.sensitive.id);
    expect(detail?.notes).toBeNull();
    expect(detail?.canUpdateFollowUps).toBe(false);
    expect(await readsOf(world.sensitive.id)).toBe(before);
  });

  it("shows an ordinary note to a co-trainer without an audit event", async () => {
    const detail = await loadSessionDetail(db, await viewerOf(world.coTrainer), world.ordinary.id);
    expect(detail?.notes).toBe(world.ordinary.notes);
    expect(await readsOf(world.ordinary.id)).toBe(0);
  });

  it("finds nothing for a trainer of another cohort", async () => {
    const viewer = await viewerOf(world.otherTrainer);
    expect(await loadSessionDetail(db, viewer, world.ordinary.id)).toBeNull();
    expect(await loadSessionDetail(db, viewer, "no-such-session")).toBeNull();
  });
});

describe("recording", () => {
  it("offers a trainer only their cohorts' trainees and refuses anyone else", async () => {
    const viewer = await viewerOf(world.otherTrainer);
    const options = await traineeOptions(db, viewer);
    const ids = options.map((option) => option.id);
    expect(ids).toContain(world.otherTrainee.id);
    expect(ids).not.toContain(world.trainee.id);
    expect(await resolveTrainee(db, viewer, world.trainee.id)).toEqual({ allowed: false });
    expect(await resolveTrainee(db, viewer, world.otherTrainee.id)).toEqual({
      allowed: true,
      cohortId: world.monrovia.id,
    });
  });

  it("tells namesakes apart: each option carries the person's e-mail (issue 12)", async () => {
    const viewer = await viewerOf(world.otherTrainer);
    const twin = await db.user.findUniqueOrThrow({ where: { id: world.otherTrainee.id } });
    const namesake = await db.user.create({
      data: { email: "namesake.twin@example.org", displayName: twin.displayName },
    });
    await db.cohortMembership.create({
      data: { cohortId: world.monrovia.id, userId: namesake.id },
    });
    const options = (await traineeOptions(db, viewer)).filter(
      (option) => option.displayName === twin.displayName,
    );
    expect(options.map((option) => option.id).sort()).toEqual([namesake.id, twin.id].sort());
    const labels = options.map(personLabel);
    expect(new Set(labels).size).toBe(2);
    expect(labels).toContain(`${twin.displayName} (namesake.twin@example.org)`);
  });

  it("saves the session with its follow-ups owned by the trainee or the trainer", async () => {
    const viewer = await viewerOf(world.author);
    const { id } = await recordSession(db, {
      viewer,
      cohortId: world.gulu.id,
      values: {
        traineeId: world.cohortPeer.id,
        occurredOn: "2026-01-15",
        mode: "online",
        durationMinutes: undefined,
        topics: ["media engagement"],
        activityType: "specialist-support",
        notes: "",
        isSensitive: false,
        followUps: [
          { description: "Draft the op-ed", owner: "trainee", dueOn: "2026-01-22", status: "open" },
          { description: "Find an editor", owner: "trainer", dueOn: "2026-01-20", status: "done" },
        ],
      },
    });
    const saved = await db.accompanimentSession.findUniqueOrThrow({
      where: { id },
      select: {
        trainerId: true,
        occurredOn: true,
        durationMinutes: true,
        followUps: {
          select: { ownerId: true, status: true, closedAt: true },
          orderBy: { dueOn: "asc" },
        },
      },
    });
    expect(saved.trainerId).toBe(world.author.id);
    expect(saved.occurredOn.toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(saved.durationMinutes).toBeNull();
    expect(saved.followUps.map((action) => [action.ownerId, action.status])).toEqual([
      [world.author.id, "done"],
      [world.cohortPeer.id, "open"],
    ]);
    expect(saved.followUps[0]?.closedAt).not.toBeNull();
    expect(saved.followUps[1]?.closedAt).toBeNull();
  });
});

describe("the trainee's follow-ups", () => {
  it("lists the actions of sessions about them, with no trace of the notes", async () => {
    const { open, closed } = await listTraineeFollowUps(db, world.trainee.id);
    const ids = [...open, ...closed].map((action) => action.id);
    expect(ids).toEqual(expect.arrayContaining(Object.values(world.sensitive.followUps)));
    const overdue = open.find((action) => action.id === world.sensitive.followUps.overdue);
    expect(overdue).toMatchObject({ isOverdue: true, owner: { kind: "me" } });
    const future = open.find((action) => action.id === world.sensitive.followUps.future);
    expect(future?.owner.kind).toBe("other");
    expect(JSON.stringify({ open, closed })).not.toMatch(/notes|Fixture: /);
  });

  it("lets them mark their own done, and nobody else's", async () => {
    expect(
      await markFollowUpDone(db, world.otherTrainee.id, world.sensitive.followUps.future),
    ).toBe("not-found");
    expect(await markFollowUpDone(db, world.trainee.id, world.sensitive.followUps.future)).toBe(
      "done",
    );
    const action = await db.followUpAction.findUniqueOrThrow({
      where: { id: world.sensitive.followUps.future },
      select: { status: true, closedAt: true },
    });
    expect(action.status).toBe("done");
    expect(action.closedAt).not.toBeNull();
  });
});
