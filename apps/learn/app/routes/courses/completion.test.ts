import { seedDemo } from "@peacelearn/db";
import { describe, expect, it } from "vitest";
import { newAttemptToken } from "~/modules/assessment/attempts.server";
import { completeLessons, demoCourse } from "~/modules/assessment/test-fixtures.server";
import { loadCourseOutline } from "~/modules/courses/outline.server";
import { completeCourseIfDone } from "~/modules/learning/completion.server";
import { useTestDatabase } from "~/test/database";
import { certificatePage, passCheck } from "~/test/demo-course.server";
import { signIn } from "~/test/sign-in.server";

let course: Awaited<ReturnType<typeof demoCourse>>;

const getDb = useTestDatabase(async (db) => {
  await seedDemo(db, { now: new Date("2026-11-27T10:00:00Z") });
  course = await demoCourse(db);
});

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

describe("course completion", () => {
  it("issues exactly one certificate when the last requirement (the check) is met", async () => {
    const { token, ...user } = await signIn(getDb(), { email: "kadi@example.org" });
    await completeLessons(getDb(), user.id, course.lessonIds);
    expect(await getDb().certificate.count({ where: { userId: user.id } })).toBe(0);
    await passCheck(course, token);
    await passCheck(course, token);
    const certificates = await getDb().certificate.findMany({ where: { userId: user.id } });
    expect(certificates).toHaveLength(1);
    expect(certificates[0]?.verificationCode).toMatch(CODE);
    const enrolment = await getDb().enrolment.findUniqueOrThrow({
      where: { userId_courseId: { userId: user.id, courseId: course.id } },
    });
    expect(enrolment.completedAt).toEqual(certificates[0]?.issuedAt);
  });

  it("waits for every lesson, then completes (from the lesson flow or the certificate page)", async () => {
    const { token, ...user } = await signIn(getDb(), { email: "lina@example.org" });
    const [last, ...others] = [...course.lessonIds].reverse();
    await completeLessons(getDb(), user.id, others);
    await passCheck(course, token);
    expect(await getDb().certificate.count({ where: { userId: user.id } })).toBe(0);
    expect(await certificatePage(course, token)).toHaveStatus(404);
    await completeLessons(getDb(), user.id, [last as string]);
    const page = await certificatePage(course, token);
    expect(page).toHaveStatus(200);
    expect(await getDb().certificate.count({ where: { userId: user.id } })).toBe(1);
  });

  it("issues one certificate when two completing requests race", async () => {
    const { token, ...user } = await signIn(getDb(), { email: "mariam@example.org" });
    await completeLessons(getDb(), user.id, course.lessonIds);
    const outcomes = await Promise.all([passCheck(course, token), passCheck(course, token)]);
    expect(outcomes.map((o) => (o as Response).status)).toEqual([303, 303]);
    expect(await getDb().knowledgeCheckAttempt.count({ where: { userId: user.id } })).toBe(2);
    expect(await getDb().certificate.count({ where: { userId: user.id } })).toBe(1);
  });

  it("settles five concurrent completions on one certificate, issued by exactly one of them", async () => {
    const { token, ...user } = await signIn(getDb(), { email: "nadia@example.org" });
    await completeLessons(getDb(), user.id, course.lessonIds);
    // Pass the check without triggering completion through the action: store the attempt only.
    await getDb().knowledgeCheckAttempt.create({
      data: {
        knowledgeCheckId: course.checkId,
        userId: user.id,
        idempotencyKey: newAttemptToken(),
        answers: course.rightAnswers,
        score: 100,
        passed: true,
      },
    });
    expect(token).toBeTruthy();
    const outline = await loadCourseOutline(getDb(), course.key, "en");
    if (!outline) throw new Error("no outline");
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        completeCourseIfDone(getDb(), { userId: user.id, course: outline }),
      ),
    );
    const codes = outcomes.map((o) =>
      o.status === "completed" ? o.certificate.verificationCode : null,
    );
    expect(new Set(codes).size).toBe(1);
    expect(outcomes.filter((o) => o.status === "completed" && o.issuedNow)).toHaveLength(1);
    expect(await getDb().certificate.count({ where: { userId: user.id } })).toBe(1);
  });
});
