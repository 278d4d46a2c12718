// Issue 15, item 1 (docs/decisions/028-offline-writes.md): what the service worker relies on.
// "Save this course on my phone" lists every page of the course and does not count as reading;
// lesson and check pages are marked as ones whose forms may be kept offline; and a form the
// worker sends again (`Offline-Replay: 1`) is answered in words, and counts once however often
// it arrives.
import { seedDemo } from "@peacelearn/db";
import { describe, expect, it } from "vitest";
import { discreetCookie } from "~/lib/discreet.server";
import { neutralUrl } from "~/lib/neutral-url";
import { newAttemptToken } from "~/modules/assessment/attempts.server";
import { answerFields, demoCourse } from "~/modules/assessment/test-fixtures.server";
import { handleAppRequest } from "~/test/app-handler";
import { useTestDatabase } from "~/test/database";
import { formPost, pageGet } from "~/test/route-call";
import { sessionCookie, signIn } from "~/test/sign-in.server";

let course: Awaited<ReturnType<typeof demoCourse>>;
let lessonPaths: string[] = [];

const getDb = useTestDatabase(async (db) => {
  await seedDemo(db, { now: new Date("2026-11-27T10:00:00Z") });
  course = await demoCourse(db);
  const lessons = await db.lesson.findMany({
    where: { module: { courseId: course.id } },
    orderBy: [{ module: { position: "asc" } }, { position: "asc" }],
    select: { key: true },
  });
  lessonPaths = lessons.map((lesson) => `/courses/${course.key}/lessons/${lesson.key}`);
});

const checkPath = () => `/courses/${course.key}/modules/${course.checkModuleKey}/check`;
const replay = { "Offline-Replay": "1" };

describe("saving a course for the road", () => {
  it("lists the course page, every lesson and the check, and marks itself for the worker", async () => {
    const { token } = await signIn(getDb(), { email: "pack@example.org" });
    const response = await handleAppRequest(pageGet(`/courses/${course.key}/offline`, token));
    expect(response.status).toBe(200);
    expect(response.headers.get("Offline-Copy")).toBe("pack; discreet=0");
    const html = await response.text();
    const listed = [...html.matchAll(/<a\b[^>]*data-pack="page"[^>]*>/g)].map(
      (tag) => /href="([^"]*)"/.exec(tag[0])?.[1],
    );
    // The course page first, then the lessons in reading order (the demo's check closes it).
    expect(listed[0]).toBe(`/courses/${course.key}`);
    expect(listed.filter((path) => path?.includes("/lessons/"))).toEqual(lessonPaths);
    expect(listed.sort()).toEqual([`/courses/${course.key}`, ...lessonPaths, checkPath()].sort());
  });

  it("asks a signed-out visitor to sign in", async () => {
    const response = await handleAppRequest(pageGet(`/courses/${course.key}/offline`));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?/);
  });

  it("does not count a lesson fetched to be saved as read", async () => {
    const { token, id } = await signIn(getDb(), { email: "pack-view@example.org" });
    const [first] = lessonPaths;
    const saved = await handleAppRequest(pageGet(first as string, token, { "Offline-Pack": "1" }));
    expect(saved.status).toBe(200);
    expect(await getDb().lessonProgress.count({ where: { userId: id } })).toBe(0);
    // The control: reading it records the view.
    await handleAppRequest(pageGet(first as string, token));
    expect(await getDb().lessonProgress.count({ where: { userId: id } })).toBe(1);
  });
});

describe("pages whose forms the worker may keep offline", () => {
  it("marks lesson and check forms `write`, but neither the course page nor a check's result", async () => {
    const { token } = await signIn(getDb(), { email: "write@example.org" });
    const header = async (path: string) =>
      (await handleAppRequest(pageGet(path, token))).headers.get("Offline-Copy");
    const lesson = lessonPaths[0] as string;
    expect(await header(lesson)).toBe(`keep; write; alias=${neutralUrl(lesson)}; discreet=0`);
    expect(await header(checkPath())).toBe(
      `keep; write; alias=${neutralUrl(checkPath())}; discreet=0`,
    );
    expect(await header(`/courses/${course.key}`)).toBe(
      `keep; alias=${neutralUrl(`/courses/${course.key}`)}; discreet=0`,
    );
    // A result page would replace the form in the worker's cache (one copy per address).
    const submitted = await handleAppRequest(
      formPost(
        checkPath(),
        answerFields(course.rightAnswers, newAttemptToken()),
        sessionCookie(token),
      ),
    );
    const result = submitted.headers.get("Location") ?? "";
    expect(result).toContain("?attempt=");
    expect(await header(result)).toBe("discreet=0");
  });
});

describe("a form sent again by the worker", () => {
  it("completes a lesson once, however often it arrives, and says where it led", async () => {
    const { token, id } = await signIn(getDb(), { email: "replay-lesson@example.org" });
    const [first, second] = lessonPaths as [string, string];
    const answers = [];
    for (let time = 0; time < 3; time++) {
      answers.push(
        await handleAppRequest(
          formPost(first, { intent: "complete" }, { ...sessionCookie(token), ...replay }),
        ),
      );
    }
    for (const answer of answers) {
      expect(answer.status).toBe(204);
      expect(answer.headers.get("Offline-Replay")).toBe("sent");
      expect(answer.headers.get("Offline-Replay-Location")).toBe(second);
    }
    const rows = await getDb().lessonProgress.findMany({ where: { userId: id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.completedAt).not.toBeNull();
  });

  it("stores one attempt per token, and the course's certificate once", async () => {
    const { token, id } = await signIn(getDb(), { email: "replay-check@example.org" });
    for (const lesson of lessonPaths) {
      await handleAppRequest(
        formPost(lesson, { intent: "complete" }, { ...sessionCookie(token), ...replay }),
      );
    }
    const fields = answerFields(course.rightAnswers, newAttemptToken());
    const locations = new Set<string | null>();
    for (let time = 0; time < 3; time++) {
      const answer = await handleAppRequest(
        formPost(checkPath(), fields, { ...sessionCookie(token), ...replay }),
      );
      expect(answer.status).toBe(204);
      locations.add(answer.headers.get("Offline-Replay-Location"));
    }
    expect(locations.size).toBe(1);
    expect(await getDb().knowledgeCheckAttempt.count({ where: { userId: id } })).toBe(1);
    expect(await getDb().certificate.count({ where: { userId: id } })).toBe(1);
  });

  it("says the session ended instead of leading to the sign-in page", async () => {
    const answer = await handleAppRequest(
      formPost(lessonPaths[0] as string, { intent: "complete" }, replay),
    );
    expect(answer.status).toBe(401);
    expect(answer.headers.get("Offline-Replay")).toBe("signed-out");
  });

  it("names the next page by its neutral address in discreet mode", async () => {
    const { token } = await signIn(getDb(), { email: "replay-discreet@example.org" });
    const discreetOn = (await discreetCookie.serialize(true)).split(";")[0] as string;
    const [first, second] = lessonPaths as [string, string];
    const answer = await handleAppRequest(
      formPost(
        neutralUrl(first),
        { intent: "complete" },
        { Cookie: `${sessionCookie(token).Cookie}; ${discreetOn}`, ...replay },
      ),
    );
    expect(answer.status).toBe(204);
    expect(answer.headers.get("Offline-Replay-Location")).toBe(neutralUrl(second));
  });

  it("leaves an error answer as it is (a form the server will never accept)", async () => {
    const { token } = await signIn(getDb(), { email: "replay-bad@example.org" });
    const answer = await handleAppRequest(
      formPost(
        lessonPaths[0] as string,
        { intent: "nonsense" },
        { ...sessionCookie(token), ...replay },
      ),
    );
    expect(answer.status).toBe(400);
  });
});

describe('"Next lesson" from a lesson not yet completed', () => {
  it('completes it, as "Mark as complete and continue" does; once completed it is a link', async () => {
    const { token } = await signIn(getDb(), { email: "pager@example.org" });
    const [first, second] = lessonPaths as [string, string];
    const pager = async () => {
      const html = await (await handleAppRequest(pageGet(first, token))).text();
      return /<nav\b[^>]*data-next="([^"]*)"[^>]*>([\s\S]*?)<\/nav>/.exec(html);
    };
    const before = await pager();
    expect(before?.[1]).toBe(second);
    expect(before?.[2]).toMatch(/<form\b[^>]*\bmethod="post"[^>]*>/);
    expect(before?.[2]).toContain('name="intent" value="complete"');
    expect(before?.[2]).not.toContain(`href="${second}"`);
    await handleAppRequest(formPost(first, { intent: "complete" }, sessionCookie(token)));
    const after = await pager();
    expect(after?.[2]).not.toContain("<form");
    expect(after?.[2]).toContain(`href="${second}"`);
  });
});
