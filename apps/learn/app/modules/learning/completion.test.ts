import { type Db, seedDemo } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideTestDatabase } from "~/lib/db.server";
import { newAttemptToken } from "~/modules/assessment/attempts.server";
import {
  answerFields,
  completeLessons,
  demoCourse,
  signedInTrainee,
} from "~/modules/assessment/test-fixtures.server";
import { loadCourseOutline } from "~/modules/courses/outline.server";
import { loader as certificateLoader } from "~/routes/certificates/certificate";
import { action as checkAction } from "~/routes/checks/knowledge-check";
import { callRoute, formPost, pageGet } from "~/test/route-call";
import { completeCourseIfDone } from "./completion.server";

let db: Db;
let close: () => Promise<void>;
let course: Awaited<ReturnType<typeof demoCourse>>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  provideTestDatabase(db);
  await seedDemo(db, { now: new Date("2026-11-27T10:00:00Z") });
  course = await demoCourse(db);
}, 120_000);
afterAll(async () => close());

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

function passCheck(session: string) {
  const path = `/courses/${course.key}/modules/${course.checkModuleKey}/check`;
  return callRoute(
    checkAction,
    formPost(path, answerFields(course.rightAnswers, newAttemptToken()), {
      Cookie: `peacelearn_session=${session}`,
    }),
    { params: { courseKey: course.key, moduleKey: course.checkModuleKey } },
  );
}

async function certificatePage(session: string) {
  return callRoute(certificateLoader, pageGet(`/courses/${course.key}/certificate`, session), {
    params: { courseKey: course.key },
  });
}

describe("course completion", () => {
  it("issues exactly one certificate when the last requirement (the check) is met", async () => {
    const { user, token } = await signedInTrainee(db, "kadi@example.org");
    await completeLessons(db, user.id, course.lessonIds);
    expect(await db.certificate.count({ where: { userId: user.id } })).toBe(0);
    await passCheck(token);
    await passCheck(token);
    const certificates = await db.certificate.findMany({ where: { userId: user.id } });
    expect(certificates).toHaveLength(1);
    expect(certificates[0]?.verificationCode).toMatch(CODE);
    const enrolment = await db.enrolment.findUniqueOrThrow({
      where: { userId_courseId: { userId: user.id, courseId: course.id } },
    });
    expect(enrolment.completedAt).toEqual(certificates[0]?.issuedAt);
  });

  it("waits for every lesson, then completes (from the lesson flow or the certificate page)", async () => {
    const { user, token } = await signedInTrainee(db, "lina@example.org");
    const [last, ...others] = [...course.lessonIds].reverse();
    await completeLessons(db, user.id, others);
    await passCheck(token);
    expect(await db.certificate.count({ where: { userId: user.id } })).toBe(0);
    expect(await certificatePage(token)).toMatchObject({ status: 404 });
    await completeLessons(db, user.id, [last as string]);
    const page = await certificatePage(token);
    expect(page).toMatchObject({ status: 200 });
    expect(await db.certificate.count({ where: { userId: user.id } })).toBe(1);
  });

  it("issues one certificate when two completing requests race", async () => {
    const { user, token } = await signedInTrainee(db, "mariam@example.org");
    await completeLessons(db, user.id, course.lessonIds);
    const outcomes = await Promise.all([passCheck(token), passCheck(token)]);
    expect(outcomes.map((o) => (o as Response).status)).toEqual([303, 303]);
    expect(await db.knowledgeCheckAttempt.count({ where: { userId: user.id } })).toBe(2);
    expect(await db.certificate.count({ where: { userId: user.id } })).toBe(1);
  });

  it("settles five concurrent completions on one certificate, issued by exactly one of them", async () => {
    const { user, token } = await signedInTrainee(db, "nadia@example.org");
    await completeLessons(db, user.id, course.lessonIds);
    // Pass the check without triggering completion through the action: store the attempt only.
    await db.knowledgeCheckAttempt.create({
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
    const outline = await loadCourseOutline(db, course.key, "en");
    if (!outline) throw new Error("no outline");
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        completeCourseIfDone(db, { userId: user.id, course: outline }),
      ),
    );
    const codes = outcomes.map((o) =>
      o.status === "completed" ? o.certificate.verificationCode : null,
    );
    expect(new Set(codes).size).toBe(1);
    expect(outcomes.filter((o) => o.status === "completed" && o.issuedNow)).toHaveLength(1);
    expect(await db.certificate.count({ where: { userId: user.id } })).toBe(1);
  });
});
