import { seedDemo } from "@peacelearn/db";
import { describe, expect, it } from "vitest";
import { answerFields } from "~/modules/assessment/test-fixtures.server";
import { action, loader } from "~/routes/courses/tests/test";
import { useTestDatabase } from "~/test/database";
import { callRoute, formPost, pageGet } from "~/test/route-call";
import { sessionCookie, signIn } from "~/test/sign-in.server";

const DEMO_COURSE_KEY = "demo-gender-and-peacebuilding-basics";
const getDb = useTestDatabase((db) => seedDemo(db, { now: new Date("2026-11-27T10:00:00Z") }));
const path = (kind: string) => `/courses/${DEMO_COURSE_KEY}/tests/${kind}`;
const params = (kind: string) => ({ courseKey: DEMO_COURSE_KEY, kind });

type Page = { status: number; data: Awaited<ReturnType<typeof loader>> };
const page = async (token: string, kind: string) =>
  (await callRoute(loader, pageGet(path(kind), token), { params: params(kind) })) as Page;

describe("the learner's pre- and post-test page", () => {
  it("sends anonymous visitors to log in, and answers 404 for a kind that is not a test", async () => {
    expect(await callRoute(loader, pageGet(path("pre")), { params: params("pre") })).toRedirectTo(
      /^\/login\?/,
    );
    const { token } = await signIn(getDb(), { email: "kind@example.org" });
    expect(
      await callRoute(loader, pageGet(path("practice"), token), { params: params("practice") }),
    ).toHaveStatus(404);
  });

  it("takes the pre-test once: a double post is one attempt, and the post-test is the other form", async () => {
    const db = getDb();
    const { id, token } = await signIn(db, { email: "once@example.org" });
    const first = await page(token, "pre");
    expect(first.status).toBe(200);
    expect(first.data.questions.length).toBe(3);
    expect(JSON.stringify(first.data.questions)).not.toMatch(/isCorrect|feedback/);
    const answers = Object.fromEntries(
      first.data.questions.map((q) => [q.key, [q.options[0]?.key ?? ""]]),
    );
    const post = () =>
      callRoute(
        action,
        formPost(path("pre"), answerFields(answers, first.data.token), sessionCookie(token)),
        {
          params: params("pre"),
        },
      );
    expect(await post()).toRedirectTo(path("pre"));
    expect(await post()).toRedirectTo(path("pre"));
    expect(await db.prePostTestAttempt.count({ where: { userId: id } })).toBe(1);
    const after = await page(token, "pre");
    expect(after.data.questions).toEqual([]);
    expect(after.data.status.pre).not.toBeNull();
    const postTest = await page(token, "post");
    expect(postTest.data.questions.map((q) => q.key)).not.toEqual(
      first.data.questions.map((q) => q.key),
    );
    expect(postTest.data.status.pre?.form).not.toBe(undefined);
  });

  it("answers 400 naming the unanswered question, and stores nothing", async () => {
    const db = getDb();
    const { id, token } = await signIn(db, { email: "blank@example.org" });
    const { data } = await page(token, "pre");
    const [answered] = data.questions;
    const outcome = await callRoute(
      action,
      formPost(
        path("pre"),
        answerFields({ [answered?.key ?? ""]: [answered?.options[0]?.key ?? ""] }, data.token),
        sessionCookie(token),
      ),
      { params: params("pre") },
    );
    expect(outcome).toHaveStatus(400);
    const error = (outcome as { data: { result: { error: Record<string, unknown> } } }).data.result
      .error;
    expect(Object.keys(error).some((field) => field === `answer-${data.questions[1]?.key}`)).toBe(
      true,
    );
    expect(await db.prePostTestAttempt.count({ where: { userId: id } })).toBe(0);
  });
});
