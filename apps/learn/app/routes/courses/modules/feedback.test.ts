import { seedDemo } from "@peacelearn/db";
import { describe, expect, it } from "vitest";
import { action, loader } from "~/routes/courses/modules/feedback";
import { useTestDatabase } from "~/test/database";
import { callRoute, formPost, pageGet } from "~/test/route-call";
import { sessionCookie, signIn } from "~/test/sign-in.server";

const getDb = useTestDatabase((db) => seedDemo(db, { now: new Date("2026-11-27T10:00:00Z") }));
const COURSE = "demo-gender-and-peacebuilding-basics";

async function firstModule() {
  const module = await getDb().module.findFirstOrThrow({
    where: { course: { key: COURSE } },
    orderBy: { position: "asc" },
    select: { id: true, key: true },
  });
  const params = { courseKey: COURSE, moduleKey: module.key };
  return { ...module, params, path: `/courses/${COURSE}/modules/${module.key}/feedback` };
}

describe("the end-of-module reaction form", () => {
  it("saves usefulness and confidence once per person and module; answering again replaces them", async () => {
    const db = getDb();
    const module = await firstModule();
    const { id, token } = await signIn(db, { email: "react@example.org" });
    const send = (fields: Record<string, string>) =>
      callRoute(action, formPost(module.path, fields, sessionCookie(token)), {
        params: module.params,
      });
    expect(await send({ usefulness: "4", confidence: "3" })).toMatchObject({
      status: 200,
      data: { saved: true },
    });
    expect(await send({ usefulness: "4", confidence: "3" })).toMatchObject({
      status: 200,
      data: { saved: true },
    });
    expect(await send({ usefulness: "5", confidence: "2" })).toMatchObject({
      data: { saved: true },
    });
    const rows = await db.moduleReaction.findMany({
      where: { userId: id },
      select: { usefulness: true, confidence: true },
    });
    expect(rows).toEqual([{ usefulness: 5, confidence: 2 }]);
    const page = (await callRoute(loader, pageGet(module.path, token), {
      params: module.params,
    })) as {
      status: number;
      data: { reaction: unknown };
    };
    expect(page.data.reaction).toEqual({ usefulness: 5, confidence: 2 });
  });

  it("answers 400 naming the field for a missing or out-of-scale answer, and stores nothing", async () => {
    const db = getDb();
    const module = await firstModule();
    const { id, token } = await signIn(db, { email: "scale@example.org" });
    const cases: Record<string, string>[] = [
      { usefulness: "6", confidence: "3" },
      { usefulness: "3" },
      { usefulness: "x", confidence: "0" },
    ];
    for (const fields of cases) {
      const outcome = await callRoute(action, formPost(module.path, fields, sessionCookie(token)), {
        params: module.params,
      });
      expect(outcome).toHaveStatus(400);
      const error = (outcome as { data: { result: { error: Record<string, string[]> } } }).data
        .result.error;
      expect(Object.keys(error).length).toBeGreaterThan(0);
      for (const field of Object.keys(error)) expect(["usefulness", "confidence"]).toContain(field);
    }
    expect(await db.moduleReaction.count({ where: { userId: id } })).toBe(0);
  });

  it("is 404 for a module that is not in the course", async () => {
    const { token } = await signIn(getDb(), { email: "lost@example.org" });
    const params = { courseKey: COURSE, moduleKey: "no-such-module" };
    expect(
      await callRoute(
        loader,
        pageGet(`/courses/${COURSE}/modules/no-such-module/feedback`, token),
        { params },
      ),
    ).toHaveStatus(404);
  });
});
