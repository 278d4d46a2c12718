import { beforeEach, describe, expect, it } from "vitest";
import { VERIFY_LIMIT } from "~/modules/auth/rate-limit.server";
import { headers as verifyCodeHeaders, loader as verifyCodeLoader } from "~/routes/verify/code";
import { loader as verifyLoader } from "~/routes/verify/index";
import { answer, createAccount } from "~/test/auth-fixtures.server";
import { useTestDatabase } from "~/test/database";
import { pageGet } from "~/test/route-call";

const REAL_CODE = "7KQM-3XR9-HV2D";

const getDb = useTestDatabase(async (db) => {
  const holder = await createAccount(db, "holder@example.org");
  const course = await db.course.create({
    data: {
      key: "throttle-course",
      publishedAt: new Date(),
      translations: {
        create: { locale: "en", slug: "throttle-course", title: "Mediation", summary: "…" },
      },
    },
  });
  await db.certificate.create({
    data: { userId: holder.id, courseId: course.id, verificationCode: REAL_CODE },
  });
});
beforeEach(async () => {
  await getDb().rateLimitBucket.deleteMany();
});

const HOME = "198.51.100.7";

describe("/verify: certificate codes", () => {
  const lookUp = (code: string, address = HOME) =>
    answer(verifyCodeLoader, pageGet(`/verify/${encodeURIComponent(code)}`), address, { code });
  const form = (code: string, address = HOME) =>
    answer(verifyLoader, pageGet(`/verify?code=${encodeURIComponent(code)}`), address);
  // Twelve Crockford characters: a well-formed code that no certificate has.
  const guess = (i: number) => `ZZZZ-ZZZZ-${String(i).padStart(4, "0")}`;

  it(`answers ${VERIFY_LIMIT.burst} unknown codes per address, then 429 with Retry-After and a message`, async () => {
    const statuses = [];
    for (let i = 0; i < 300; i++) statuses.push((await lookUp(guess(i))).status);
    expect(statuses.filter((status) => status === 404).length).toBeLessThanOrEqual(
      // One token may come back during the run (one per interval).
      VERIFY_LIMIT.burst + 1,
    );
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(
      300 - VERIFY_LIMIT.burst - 1,
    );
    const refused = await lookUp(guess(999));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(VERIFY_LIMIT.intervalSeconds);
    expect(refused.data).toMatchObject({ certificate: null, retryAfterSeconds: retryAfter });
    const page = verifyCodeHeaders({
      actionHeaders: new Headers(),
      loaderHeaders: refused.headers,
      parentHeaders: new Headers(),
      errorHeaders: undefined,
    });
    expect(new Headers(page).get("Retry-After")).toBe(String(retryAfter));
    // Another address is not refused.
    expect((await lookUp(REAL_CODE, "192.0.2.33")).status).toBe(200);
  });

  it("never limits codes that exist: each look-up gives its token back", async () => {
    for (let i = 0; i < VERIFY_LIMIT.burst * 3; i++) {
      expect((await lookUp(REAL_CODE)).status).toBe(200);
    }
    for (let i = 0; i < VERIFY_LIMIT.burst; i++) expect((await lookUp(guess(i))).status).toBe(404);
    expect((await lookUp(guess(500))).status).toBe(429);
  });

  it("/verify?code= forwards until the address's guesses are used up, then answers 429 on the form", async () => {
    expect(await form(REAL_CODE)).toRedirectTo(`/verify/${REAL_CODE}`);
    for (let i = 0; i < VERIFY_LIMIT.burst; i++) await lookUp(guess(i));
    const refused = await form(guess(600));
    expect(refused.status).toBe(429);
    expect(refused.data).toMatchObject({ error: "auth:errors.verifyLimited" });
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Forwarding takes nothing: the form checks, only the look-up counts.
    expect(await getDb().rateLimitBucket.count()).toBe(1);
    expect((await form(guess(600), "192.0.2.34")).status).toBe(303);
  });
});
