import { seedDemo } from "@peacelearn/db";
import { describe, expect, it } from "vitest";
import { completeLessons, demoCourse } from "~/modules/assessment/test-fixtures.server";
import { loader as certificateLoader } from "~/routes/courses/certificate";
import { useTestDatabase } from "~/test/database";
import { certificatePage, passCheck } from "~/test/demo-course.server";
import { callRoute, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

let course: Awaited<ReturnType<typeof demoCourse>>;

const getDb = useTestDatabase(async (db) => {
  await seedDemo(db, { now: new Date("2026-11-27T10:00:00Z") });
  course = await demoCourse(db);
});

describe("the certificate page", () => {
  it("shows the holder's certificate in the page's language with the public verification link", async () => {
    const { token, ...user } = await signIn(getDb(), {
      email: "olga@example.org",
      name: "Olga Beridze",
    });
    await completeLessons(getDb(), user.id, course.lessonIds);
    await passCheck(course, token);
    const page = (await certificatePage(course, token, { "Accept-Language": "fr" })) as {
      status: number;
      data: { certificate: Record<string, unknown>; verifyUrl: string; locale: string };
    };
    const code = (await getDb().certificate.findFirstOrThrow({ where: { userId: user.id } }))
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

  it("carries the issuing organisation, the study hours and a QR code of the verification address", async () => {
    const { token, ...user } = await signIn(getDb(), {
      email: "qr@example.org",
      name: "Qr Holder",
    });
    await completeLessons(getDb(), user.id, course.lessonIds);
    await passCheck(course, token);
    const page = (await certificatePage(course, token)) as {
      data: {
        certificate: { studyMinutes: number };
        issuer: { organisation: string };
        verifyQrSvg: string;
        verifyUrl: string;
      };
    };
    expect(page.data.issuer.organisation).toBe("Peacelearn");
    // The course's lessons' minutes added up (each lesson's longest translation).
    const lessons = await getDb().lessonTranslation.groupBy({
      by: ["lessonId"],
      where: { lessonId: { in: course.lessonIds } },
      _max: { estimatedMinutes: true },
    });
    const minutes = lessons.reduce((sum, row) => sum + (row._max.estimatedMinutes ?? 0), 0);
    expect(minutes).toBeGreaterThan(0);
    expect(page.data.certificate.studyMinutes).toBe(minutes);
    // An inline SVG, made on the server: no script, no image request.
    expect(page.data.verifyQrSvg.startsWith("<svg")).toBe(true);
    expect(page.data.verifyQrSvg).not.toMatch(/<script|href=/i);
    // A QR symbol of version v is 17 + 4v modules wide (ISO/IEC 18004), plus a 4-module quiet
    // zone on each side, drawn 10 units per module.
    const { encode } = await import("uqr");
    const side = encode(page.data.verifyUrl, { ecc: "M", border: 4 }).size;
    const modules = side - 8;
    expect(modules).toBeGreaterThanOrEqual(21);
    expect((modules - 17) % 4).toBe(0);
    expect(page.data.verifyQrSvg).toContain(`viewBox="0 0 ${side * 10} ${side * 10}"`);
  });

  it("is 404 for anyone without that certificate, and asks anonymous visitors to log in", async () => {
    const other = await signIn(getDb(), { email: "priya@example.org" });
    expect(await certificatePage(course, other.token)).toHaveStatus(404);
    const anonymous = await callRoute(
      certificateLoader,
      pageGet(`/courses/${course.key}/certificate`),
      {
        params: { courseKey: course.key },
      },
    );
    expect(anonymous).toRedirectTo(/^\/login\?redirectTo=/);
  });
});
