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
