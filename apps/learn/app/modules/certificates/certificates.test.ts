import { type Db, eraseUser, seedDemo } from "@peacelearn/db";
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
import { loader as certificateLoader } from "~/routes/certificates/certificate";
import { loader as verifyLoader } from "~/routes/certificates/verify";
import { loader as verifyCodeLoader } from "~/routes/certificates/verify-code";
import { action as checkAction } from "~/routes/checks/knowledge-check";
import { callRoute, formPost, pageGet } from "~/test/route-call";

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

async function certificatePage(session: string, headers: Record<string, string> = {}) {
  return callRoute(
    certificateLoader,
    pageGet(`/courses/${course.key}/certificate`, session, headers),
    {
      params: { courseKey: course.key },
    },
  );
}

describe("the certificate page", () => {
  it("shows the holder's certificate in the page's language with the public verification link", async () => {
    const { user, token } = await signedInTrainee(db, "olga@example.org", "Olga Beridze");
    await completeLessons(db, user.id, course.lessonIds);
    await passCheck(token);
    const page = (await certificatePage(token, { "Accept-Language": "fr" })) as {
      status: number;
      data: { certificate: Record<string, unknown>; verifyUrl: string; locale: string };
    };
    const code = (await db.certificate.findFirstOrThrow({ where: { userId: user.id } }))
      .verificationCode;
    expect(page.status).toBe(200);
    expect(page.data.locale).toBe("fr");
    expect(page.data.certificate).toMatchObject({
      holderName: "Olga Beridze",
      courseTitle: "Genre et consolidation de la paix : les bases",
      verificationCode: code,
    });
    expect(page.data.verifyUrl).toBe(`http://peacelearn.test/verify/${code}`);
  });

  it("is 404 for anyone without that certificate, and asks anonymous visitors to log in", async () => {
    const other = await signedInTrainee(db, "priya@example.org");
    expect(await certificatePage(other.token)).toMatchObject({ status: 404 });
    const anonymous = await callRoute(
      certificateLoader,
      pageGet(`/courses/${course.key}/certificate`),
      {
        params: { courseKey: course.key },
      },
    );
    expect((anonymous as Response).headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("public verification", () => {
  async function holderWithCode(email: string, displayName: string, verificationCode: string) {
    const { user } = await signedInTrainee(db, email, displayName);
    await db.certificate.create({
      data: {
        userId: user.id,
        courseId: course.id,
        verificationCode,
        issuedAt: new Date("2026-03-08T09:00:00Z"),
      },
    });
    return user;
  }
  const verify = (code: string, headers: Record<string, string> = {}) =>
    callRoute(
      verifyCodeLoader,
      pageGet(`/verify/${encodeURIComponent(code)}`, undefined, headers),
      {
        params: { code },
      },
    ) as Promise<{ status: number; data: { certificate: Record<string, unknown> | null } }>;

  it("shows only the holder's name, the course and the date", async () => {
    await holderWithCode("quiet@example.org", "Rahel Tesfaye", "0K1M-3XR9-HV2D");
    const outcome = await verify("0K1M-3XR9-HV2D");
    expect(outcome.status).toBe(200);
    expect(outcome.data.certificate).toEqual({
      holderName: "Rahel Tesfaye",
      courseTitle: "Gender and peacebuilding: the basics",
      completedAt: new Date("2026-03-08T09:00:00Z"),
      verificationCode: "0K1M-3XR9-HV2D",
    });
    const json = JSON.stringify(outcome.data);
    for (const secret of [
      "quiet@example.org",
      "Women's Peace Network",
      "woman",
      '"LR"',
      "Monrovia",
    ]) {
      expect(json).not.toContain(secret);
    }
  });

  it("finds a code typed in any case, without dashes, with spaces or with O/I/L look-alikes", async () => {
    for (const typed of ["0k1m3xr9hv2d", "0K1M 3XR9 HV2D", "oklm-3xr9-hv2d"]) {
      expect((await verify(typed)).data.certificate?.holderName).toBe("Rahel Tesfaye");
    }
  });

  it("also verifies the demo data's PL- codes", async () => {
    const demo = await db.certificate.findFirstOrThrow({
      where: { verificationCode: { startsWith: "PL-" } },
    });
    const typed = demo.verificationCode.toLowerCase().replace(/-/g, "");
    expect((await verify(typed)).data.certificate?.verificationCode).toBe(demo.verificationCode);
  });

  it("answers 404 with a clear page for an unknown code", async () => {
    expect(await verify("ZZZZ-ZZZZ-ZZZZ")).toMatchObject({
      status: 404,
      data: { certificate: null },
    });
  });

  it("withholds the name of an erased holder", async () => {
    const user = await holderWithCode("gone@example.org", "Sara Haile", "7KQM-3XR9-HV2D");
    await eraseUser(db, user.id, { actorId: null });
    expect((await verify("7kqm3xr9hv2d")).data.certificate).toMatchObject({
      holderName: null,
      courseTitle: "Gender and peacebuilding: the basics",
    });
  });

  it("sends the typed code of the /verify form to its clean address, or explains a bad one", async () => {
    const go = await callRoute(verifyLoader, pageGet("/verify?code=0k1m+3xr9+hv2d"));
    expect((go as Response).status).toBe(303);
    expect((go as Response).headers.get("Location")).toBe("/verify/0K1M-3XR9-HV2D");
    expect(await callRoute(verifyLoader, pageGet("/verify?code=+"))).toMatchObject({
      status: 400,
      data: { error: "assessment:errors.codeRequired" },
    });
    expect(await callRoute(verifyLoader, pageGet("/verify"))).toMatchObject({ status: 200 });
  });
});
