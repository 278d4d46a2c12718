import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCohort, createCourse } from "~/modules/courses/test-fixtures";
import { useTestDatabase } from "~/test/database";
import { callRoute, formPost } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";
import { loader } from "./changes";
import { action } from "./commands";

// The kit's push and pull over HTTP (ADR 030): same-origin only, a bad batch is a 400 naming its
// field and writes nothing, a good one answers which commands were applied; the pull is JSON.

let trainer = { Cookie: "" };
let memberId = "";
let sessionId = "";

const getDb = useTestDatabase(async (db) => {
  const course = await createCourse(db, {
    key: "kit-route",
    modules: [{ key: "m", lessons: [{ key: "l" }] }],
  });
  memberId = (await signIn(db, { name: "Member" })).id;
  const signedIn = await signIn(db, { name: "Trainer", roles: ["trainee", "trainer"] });
  trainer = signedIn.cookie;
  const cohort = await createCohort(db, {
    courseId: course.id,
    region: "west-africa",
    memberIds: [memberId],
  });
  await db.cohortTrainer.create({ data: { cohortId: cohort.id, userId: signedIn.id } });
  sessionId = (
    await db.cohortSession.create({
      data: { cohortId: cohort.id, title: "Hall", startsAt: new Date() },
    })
  ).id;
});

const push = (batch: unknown, headers: Record<string, string> = {}) =>
  callRoute(
    action,
    formPost(
      `/trainer/kit/${sessionId}/commands`,
      { batch: JSON.stringify(batch) },
      { ...trainer, ...headers },
    ),
    { params: { sessionId } },
  );

const mark = () => ({
  kind: "attendance",
  id: randomUUID(),
  at: new Date().toISOString(),
  person: { userId: memberId },
  status: "present",
});

describe("the kit's push", () => {
  it("answers which commands were applied, once", async () => {
    const command = mark();
    const first = (await push({ commands: [command] })) as Response;
    expect(first.status).toBe(200);
    expect(first.headers.get("Cache-Control")).toBe("no-store");
    expect(await first.json()).toEqual({ applied: [command.id], duplicates: [], refused: [] });
    const again = (await push({ commands: [command] })) as Response;
    expect(await again.json()).toEqual({ applied: [], duplicates: [command.id], refused: [] });
  });

  it("refuses a bad batch with a 400 naming the field, and writes nothing", async () => {
    const before = await getDb().workshopKitCommand.count();
    const bad = (await push({ commands: [mark(), { ...mark(), status: "asleep" }] })) as Response;
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: "batch.commands.1.status" });
    expect(await getDb().workshopKitCommand.count()).toBe(before);
  });

  it("refuses a post from another site", async () => {
    const outcome = await push({ commands: [mark()] }, { Origin: "https://evil.example" });
    expect(outcome).toMatchObject({ status: 403 });
  });
});

describe("the kit's pull", () => {
  it("answers JSON with the roster and a cursor", async () => {
    const request = new Request(`http://peacelearn.test/trainer/kit/${sessionId}/changes?since=0`, {
      headers: trainer,
    });
    const response = (await callRoute(loader, request, { params: { sessionId } })) as Response;
    const body = await response.json();
    expect(body.roster).toEqual([{ userId: memberId, displayName: "Member" }]);
    expect(Number(body.cursor)).toBeGreaterThan(0);
    expect(body.tests).toBeNull();
  });
});
