import type { Db } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { provideTestDatabase } from "~/lib/db.server";
import { createI18n } from "~/lib/i18n";
import { action as securityAction } from "~/routes/account/security";
import { action as loginAction } from "~/routes/auth/login";
import { loader as verifyLoader } from "~/routes/certificates/verify";
import {
  headers as verifyCodeHeaders,
  loader as verifyCodeLoader,
} from "~/routes/certificates/verify-code";
import { formPost, pageGet } from "~/test/route-call";
import { SESSION_COOKIE } from "./cookie.server";
import { PASSWORD_CHECK_LIMIT, VERIFY_LIMIT } from "./rate-limit.server";
import { retryAfterText } from "./retry-after";
import {
  answer,
  cookieValue,
  createAccount,
  formErrorOf,
  loginPost,
  PASSWORD,
} from "./test-fixtures.server";

let db: Db;
let close: () => Promise<void>;
const REAL_CODE = "7KQM-3XR9-HV2D";

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  provideTestDatabase(db);
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
}, 60_000);
afterAll(async () => close());
beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
});

const HOME = "198.51.100.7";

describe("/account/security: the current-password check", () => {
  async function signedIn(email: string) {
    await createAccount(db, email);
    const response = await answer(loginAction, loginPost(email, PASSWORD), HOME);
    return cookieValue(response, SESSION_COOKIE);
  }
  const change = (session: string, currentPassword: string) =>
    answer(
      securityAction,
      formPost(
        "/account/security",
        {
          currentPassword,
          newPassword: "a brand new phrase",
          confirmPassword: "a brand new phrase",
        },
        { Cookie: `${SESSION_COOKIE}=${session}` },
      ),
      HOME,
    );

  it(`answers ${PASSWORD_CHECK_LIMIT.burst} of 30 wrong answers, then 429 with Retry-After — even for the right one`, async () => {
    const session = await signedIn("guessed@example.org");
    const statuses = [];
    for (let i = 0; i < 30; i++) statuses.push((await change(session, `guess ${i}`)).status);
    expect(statuses.filter((status) => status === 400)).toHaveLength(PASSWORD_CHECK_LIMIT.burst);
    expect(statuses.slice(PASSWORD_CHECK_LIMIT.burst).every((status) => status === 429)).toBe(true);
    const right = await change(session, PASSWORD);
    expect(right.status).toBe(429);
    expect(formErrorOf(right)).toBe("auth:errors.passwordChecksLimited");
    const retryAfter = Number(right.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(PASSWORD_CHECK_LIMIT.intervalSeconds);
    // The password was not changed by the refused attempt.
    const relogin = await answer(
      loginAction,
      loginPost("guessed@example.org", PASSWORD),
      "192.0.2.10",
    );
    expect(relogin.status).toBe(303);
  });

  it("counts per account: another person's check is not refused", async () => {
    const guessed = await signedIn("first@example.org");
    for (let i = 0; i <= PASSWORD_CHECK_LIMIT.burst; i++) await change(guessed, `guess ${i}`);
    const other = await signedIn("second@example.org");
    expect((await change(other, PASSWORD)).status).toBe(200);
  });

  it("a right answer clears the count", async () => {
    const session = await signedIn("forgetful@example.org");
    for (let i = 0; i < PASSWORD_CHECK_LIMIT.burst - 1; i++) {
      expect((await change(session, `guess ${i}`)).status).toBe(400);
    }
    expect((await change(session, PASSWORD)).status).toBe(200);
    expect(
      await db.rateLimitBucket.count({ where: { key: { startsWith: "password-check:" } } }),
    ).toBe(0);
  });
});

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
    expect((await form(REAL_CODE)).headers.get("Location")).toBe(`/verify/${REAL_CODE}`);
    for (let i = 0; i < VERIFY_LIMIT.burst; i++) await lookUp(guess(i));
    const refused = await form(guess(600));
    expect(refused.status).toBe(429);
    expect(refused.data).toMatchObject({ error: "auth:errors.verifyLimited" });
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Forwarding takes nothing: the form checks, only the look-up counts.
    expect(await db.rateLimitBucket.count()).toBe(1);
    expect((await form(guess(600), "192.0.2.34")).status).toBe(303);
  });
});

describe("messages", () => {
  it("are translated in English and French, with a wait in seconds or minutes", () => {
    for (const key of ["auth:errors.passwordChecksLimited", "auth:errors.verifyLimited"]) {
      const en = createI18n("en").t(key);
      const fr = createI18n("fr").t(key);
      expect(en).not.toBe(key);
      expect(fr).not.toBe(key);
      expect(fr).not.toBe(en);
    }
    expect(retryAfterText(createI18n("en").t, 20)).toBe(
      "For your safety, wait 20 seconds before trying again.",
    );
    expect(retryAfterText(createI18n("fr").t, 150)).toBe(
      "Pour votre sécurité, attendez 3 minutes avant de réessayer.",
    );
  });
});
