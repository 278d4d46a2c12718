import type { Db } from "@peacelearn/db";
import { describe, expect, it } from "vitest";
import {
  type AccompanimentWorld,
  useAccompanimentWorld,
} from "~/modules/accompaniment/test-fixtures.server";
import { loader } from "~/routes/trainer/accompaniment/index";
import { callRoute, pageGet } from "~/test/route-call";

let db: Db;
let world: AccompanimentWorld;
useAccompanimentWorld((fixture) => {
  ({ db, world } = fixture);
});

type ListData = {
  total: number;
  overdueCount: number;
  trainees: Array<{ id: string }>;
  cohorts: Array<{ id: string }>;
  sessions: Array<{
    id: string;
    cohort: { id: string } | null;
    followUps: Array<{ id: string; isOverdue: boolean }>;
  }>;
};

async function list(query: string, token?: string) {
  return callRoute(loader, pageGet(`/trainer/accompaniment${query}`, token));
}
async function listData(query: string, token: string): Promise<ListData> {
  const outcome = await list(query, token);
  if (outcome instanceof Response) throw new Error(`unexpected ${outcome.status}`);
  expect(outcome.status).toBe(200);
  return outcome.data as ListData;
}

describe("GET /trainer/accompaniment", () => {
  it("sends an anonymous visitor to the login page and back", async () => {
    const outcome = await list("?status=open");
    expect(outcome).toBeInstanceOf(Response);
    expect(outcome).toRedirectTo(
      `/login?${new URLSearchParams({ redirectTo: "/trainer/accompaniment?status=open" })}`,
    );
  });

  it("is forbidden to trainees, of this cohort or another", async () => {
    expect(await list("", world.trainee.token)).toHaveStatus(403);
    expect(await list("", world.otherTrainee.token)).toHaveStatus(403);
  });

  it("shows a trainer of another cohort none of Gulu's sessions, trainees or cohort", async () => {
    const data = await listData("", world.otherTrainer.token);
    expect(data.total).toBeGreaterThan(0);
    expect(data.sessions.every((session) => session.cohort?.id === world.monrovia.id)).toBe(true);
    expect(data.trainees.map((person) => person.id)).not.toContain(world.trainee.id);
    expect(data.cohorts.map((cohort) => cohort.id)).toEqual([world.monrovia.id]);
    // Asking for Gulu by its ids changes nothing.
    const probed = await listData(
      `?trainee=${world.trainee.id}&cohort=${world.gulu.id}`,
      world.otherTrainer.token,
    );
    expect(probed.total).toBe(0);
    expect(JSON.stringify(probed)).not.toContain(world.sensitive.id);
  });

  it("shows the session's trainer their sessions with overdue actions flagged, never notes", async () => {
    const data = await listData(`?trainee=${world.trainee.id}&status=overdue`, world.author.token);
    const session = data.sessions.find((row) => row.id === world.sensitive.id);
    expect(
      session?.followUps.find((a) => a.id === world.sensitive.followUps.overdue),
    ).toMatchObject({ isOverdue: true });
    expect(data.overdueCount).toBeGreaterThanOrEqual(1);
    const text = JSON.stringify(data);
    expect(text).not.toContain(world.sensitive.notes);
    expect(text).not.toContain('"notes"');
  });

  it("filters by date range", async () => {
    const day = (offset: number) =>
      new Date(world.today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const data = await listData(
      `?trainee=${world.trainee.id}&from=${day(-6)}&to=${day(-4)}`,
      world.author.token,
    );
    expect(data.sessions.map((session) => session.id)).toContain(world.ordinary.id);
    expect(data.sessions.map((session) => session.id)).not.toContain(world.sensitive.id);
  });

  it("shows a co-trainer of the cohort the fixture sessions", async () => {
    const data = await listData(`?trainee=${world.trainee.id}`, world.coTrainer.token);
    expect(data.sessions.map((session) => session.id)).toEqual(
      expect.arrayContaining([world.sensitive.id, world.ordinary.id]),
    );
  });

  it("shows admins every session", async () => {
    const data = await listData("", world.admin.token);
    expect(data.total).toBe(await db.accompanimentSession.count());
    expect(data.cohorts).toHaveLength(3);
  });
});
