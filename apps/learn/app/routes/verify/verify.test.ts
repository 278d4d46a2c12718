import { eraseUser, seedDemo } from "@peacelearn/db";
import { describe, expect, it } from "vitest";
import { demoCourse } from "~/modules/assessment/test-fixtures.server";
import { loader as verifyCodeLoader } from "~/routes/verify/code";
import { loader as verifyLoader } from "~/routes/verify/index";
import { useTestDatabase } from "~/test/database";
import { callRoute, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

let course: Awaited<ReturnType<typeof demoCourse>>;

const getDb = useTestDatabase(async (db) => {
  await seedDemo(db, { now: new Date("2026-11-27T10:00:00Z") });
  course = await demoCourse(db);
});

describe("public verification", () => {
  async function holderWithCode(email: string, displayName: string, verificationCode: string) {
    const user = await signIn(getDb(), {
      email,
      name: displayName,
      // Profile fields the public page must never show.
      gender: "woman",
      locationCode: "LR",
      organisation: "Women's Peace Network",
    });
    await getDb().certificate.create({
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
    const demo = await getDb().certificate.findFirstOrThrow({
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
    await eraseUser(getDb(), user.id, { actorId: null });
    expect((await verify("7kqm3xr9hv2d")).data.certificate).toMatchObject({
      holderName: null,
      courseTitle: "Gender and peacebuilding: the basics",
    });
  });

  it("sends the typed code of the /verify form to its clean address, or explains a bad one", async () => {
    const go = await callRoute(verifyLoader, pageGet("/verify?code=0k1m+3xr9+hv2d"));
    expect((go as Response).status).toBe(303);
    expect(go).toRedirectTo("/verify/0K1M-3XR9-HV2D");
    expect(await callRoute(verifyLoader, pageGet("/verify?code=+"))).toMatchObject({
      status: 400,
      data: { error: "assessment:errors.codeRequired" },
    });
    expect(await callRoute(verifyLoader, pageGet("/verify"))).toHaveStatus(200);
  });
});
