import { seedDemo } from "@peacelearn/db";
import { describe, expect, it } from "vitest";
import { newAttemptToken } from "~/modules/assessment/attempts.server";
import { answerFields, demoCourse } from "~/modules/assessment/test-fixtures.server";
import { action, loader } from "~/routes/courses/modules/check";
import { useTestDatabase } from "~/test/database";
import { callRoute, formPost, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

let course: Awaited<ReturnType<typeof demoCourse>>;
let path: string;
let params: Record<string, string>;

const getDb = useTestDatabase(async (db) => {
  await seedDemo(db, { now: new Date("2026-11-27T10:00:00Z") });
  course = await demoCourse(db);
  params = { courseKey: course.key, moduleKey: course.checkModuleKey };
  path = `/courses/${course.key}/modules/${course.checkModuleKey}/check`;
});

const post = (fields: Record<string, string | string[]>, token: string) =>
  formPost(path, fields, { Cookie: `peacelearn_session=${token}` });

async function submit(
  session: string,
  answers: Record<string, string[]>,
  token = newAttemptToken(),
) {
  return callRoute(action, post(answerFields(answers, token), session), { params });
}

function location(outcome: unknown) {
  if (!(outcome instanceof Response))
    throw new Error(`expected a redirect, got ${JSON.stringify(outcome)}`);
  expect(outcome.status).toBe(303);
  return outcome.headers.get("Location") ?? "";
}

type LoaderData = Awaited<ReturnType<typeof loader>>;
async function page(session: string, search = "") {
  const outcome = await callRoute(loader, pageGet(`${path}${search}`, session), { params });
  return outcome as { status: number; data: LoaderData };
}

describe("the knowledge-check page", () => {
  it("sends anonymous visitors to log in and back", async () => {
    const outcome = await callRoute(loader, pageGet(path), { params });
    expect(outcome).toBeInstanceOf(Response);
    expect(outcome).toRedirectTo(`/login?${new URLSearchParams({ redirectTo: path })}`);
  });

  it("shows the questions without their answers, with a fresh one-time token each time", async () => {
    const { token } = await signIn(getDb(), { email: "reader@example.org" });
    const first = await page(token);
    const second = await page(token);
    expect(first.status).toBe(200);
    expect(first.data.questions.map((q) => q.kind)).toEqual(["multiple", "single", "true-false"]);
    expect(JSON.stringify(first.data.questions)).not.toMatch(/isCorrect|feedback/);
    expect(first.data.token).toMatch(/^[a-z2-7]{32}$/);
    expect(second.data.token).not.toBe(first.data.token);
  });

  it("answers 404 for an unknown module or a module without a check", async () => {
    const { token } = await signIn(getDb(), { email: "lost@example.org" });
    for (const moduleKey of ["no-such-module", "influence"]) {
      const outcome = await callRoute(loader, pageGet(path, token), {
        params: { ...params, moduleKey },
      });
      expect(outcome).toHaveStatus(404);
    }
  });
});

describe("submitting a knowledge check", () => {
  it("grades, stores the attempt, enrols the trainee and redirects to the result (PRG)", async () => {
    const { token, ...user } = await signIn(getDb(), { email: "ama@example.org" });
    const target = location(await submit(token, course.rightAnswers));
    const attempt = await getDb().knowledgeCheckAttempt.findFirstOrThrow({
      where: { userId: user.id },
    });
    expect(target).toBe(`${path}?attempt=${attempt.id}`);
    expect(attempt).toMatchObject({ score: 100, passed: true, answers: course.rightAnswers });
    const enrolment = await getDb().enrolment.findUniqueOrThrow({
      where: { userId_courseId: { userId: user.id, courseId: course.id } },
    });
    expect(enrolment.source).toBe("self");
    // Lessons are not done: passing the check alone does not complete the course.
    expect(enrolment.completedAt).toBeNull();

    const result = (await page(token, `?attempt=${attempt.id}`)).data.result;
    expect(result).toMatchObject({ score: 100, passed: true, passMark: 70, correctCount: 3 });
    expect(result?.questions.every((q) => q.correct)).toBe(true);
  });

  it("offers the next module's first lesson after a pass, and no way on after a fail", async () => {
    const { token, ...user } = await signIn(getDb(), { email: "next@example.org" });
    const modules = await getDb().module.findMany({
      where: { courseId: course.id },
      orderBy: { position: "asc" },
      select: { key: true, lessons: { orderBy: { position: "asc" }, select: { key: true } } },
    });
    const after = modules.slice(modules.findIndex((m) => m.key === course.checkModuleKey) + 1);
    const firstLesson = after.flatMap((m) => m.lessons)[0];
    expect(firstLesson).toBeDefined();

    location(await submit(token, { ...course.rightAnswers, pillars: ["participation"] }));
    location(await submit(token, course.rightAnswers));
    const [passed, failed] = await getDb().knowledgeCheckAttempt.findMany({
      where: { userId: user.id },
      orderBy: { score: "desc" },
    });
    expect((await page(token, `?attempt=${passed?.id}`)).data.nextModuleHref).toBe(
      `/courses/${course.key}/lessons/${firstLesson?.key}`,
    );
    expect((await page(token, `?attempt=${failed?.id}`)).data.nextModuleHref).toBeNull();
  });

  it("fails below the pass mark and explains every chosen answer", async () => {
    const { token, ...user } = await signIn(getDb(), { email: "binta@example.org" });
    // Partial multiple choice (one of two pillars) is wrong: 2 of 3 right = 66 % < 70 %.
    location(await submit(token, { ...course.rightAnswers, pillars: ["participation"] }));
    const attempt = await getDb().knowledgeCheckAttempt.findFirstOrThrow({
      where: { userId: user.id },
    });
    expect(attempt).toMatchObject({ score: 66, passed: false });

    const result = (await page(token, `?attempt=${attempt.id}`)).data.result;
    const pillars = result?.questions.find((q) => q.key === "pillars");
    expect(pillars).toMatchObject({
      correct: false,
      correctLabels: ["Participation", "Protection"],
      chosen: [
        {
          key: "participation",
          isCorrect: true,
          feedback: "Yes — women's participation in peace processes.",
        },
      ],
    });
    expect(result?.questions.filter((q) => !q.correct).map((q) => q.key)).toEqual(["pillars"]);
  });

  it("applies the check's own pass mark", async () => {
    await getDb().knowledgeCheck.update({ where: { id: course.checkId }, data: { passMark: 60 } });
    try {
      const { token, ...user } = await signIn(getDb(), { email: "chidi@example.org" });
      location(await submit(token, { ...course.rightAnswers, "first-target": ["opponents"] }));
      const attempt = await getDb().knowledgeCheckAttempt.findFirstOrThrow({
        where: { userId: user.id },
      });
      // 2 of 3 = 66.7 % ≥ 60 %.
      expect(attempt).toMatchObject({ score: 66, passed: true });
    } finally {
      await getDb().knowledgeCheck.update({
        where: { id: course.checkId },
        data: { passMark: 70 },
      });
    }
  });

  it("stores a retry (new token) as a second attempt, both listed newest first", async () => {
    const { token, ...user } = await signIn(getDb(), { email: "dawit@example.org" });
    location(
      await submit(token, { ...course.rightAnswers, "presence-is-participation": ["true"] }),
    );
    location(await submit(token, course.rightAnswers));
    const attempts = await getDb().knowledgeCheckAttempt.findMany({
      where: { userId: user.id },
      orderBy: { submittedAt: "asc" },
    });
    expect(attempts.map((a) => a.passed)).toEqual([false, true]);
    const history = (await page(token)).data.history;
    expect(history.map((a) => a.id)).toEqual([attempts[1]?.id, attempts[0]?.id]);
  });

  it("never double-counts a replayed form, even two posts at once", async () => {
    const { token, ...user } = await signIn(getDb(), { email: "esi@example.org" });
    const formToken = newAttemptToken();
    const first = location(await submit(token, course.rightAnswers, formToken));
    const [again, concurrent] = await Promise.all([
      submit(token, course.rightAnswers, formToken),
      submit(token, course.rightAnswers, formToken),
    ]);
    expect(location(again)).toBe(first);
    expect(location(concurrent)).toBe(first);
    expect(await getDb().knowledgeCheckAttempt.count({ where: { userId: user.id } })).toBe(1);
  });

  it("answers 400 for unanswered questions and keeps what was chosen", async () => {
    const { token, ...user } = await signIn(getDb(), { email: "fatou@example.org" });
    const outcome = await callRoute(
      action,
      post({ token: newAttemptToken(), "answer-pillars": ["participation", "protection"] }, token),
      { params },
    );
    expect(outcome).toHaveStatus(400);
    const result = (
      outcome as {
        data: {
          result: { error: Record<string, string[]>; initialValue: Record<string, unknown> };
        };
      }
    ).data.result;
    expect(result.error).toEqual({
      "answer-first-target": ["assessment:errors.chooseOne"],
      "answer-presence-is-participation": ["assessment:errors.chooseOne"],
    });
    expect(result.initialValue["answer-pillars"]).toEqual(["participation", "protection"]);
    expect(await getDb().knowledgeCheckAttempt.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses an option that is not part of the question with 400, not 500", async () => {
    const { token } = await signIn(getDb(), { email: "gift@example.org" });
    const outcome = await submit(token, { ...course.rightAnswers, "first-target": ["made-up"] });
    expect(outcome).toHaveStatus(400);
  });

  it("refuses a cross-site post", async () => {
    const { token } = await signIn(getDb(), { email: "hawa@example.org" });
    const request = formPost(path, answerFields(course.rightAnswers, newAttemptToken()), {
      Cookie: `peacelearn_session=${token}`,
      Origin: "https://evil.example",
    });
    const outcome = await callRoute(action, request, { params });
    expect(outcome).toHaveStatus(403);
  });

  it("shows an attempt only to the person who made it", async () => {
    const owner = await signIn(getDb(), { email: "ines@example.org" });
    const other = await signIn(getDb(), { email: "joy@example.org" });
    const target = location(await submit(owner.token, course.rightAnswers));
    const search = target.slice(target.indexOf("?"));
    expect((await page(owner.token, search)).status).toBe(200);
    const outcome = await callRoute(loader, pageGet(`${path}${search}`, other.token), { params });
    expect(outcome).toHaveStatus(404);
  });
});
