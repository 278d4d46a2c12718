import { beforeEach, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "~/modules/auth/cookie.server";
import { PASSWORD_CHECK_LIMIT } from "~/modules/auth/rate-limit.server";
import { action as securityAction } from "~/routes/account/security";
import { action as loginAction } from "~/routes/login";
import {
  answer,
  cookieValue,
  createAccount,
  formErrorOf,
  loginPost,
  PASSWORD,
} from "~/test/auth-fixtures.server";
import { useTestDatabase } from "~/test/database";
import { formPost } from "~/test/route-call";

const getDb = useTestDatabase();
beforeEach(async () => {
  await getDb().rateLimitBucket.deleteMany();
});

const HOME = "198.51.100.7";

describe("/account/security: the current-password check", () => {
  async function signedIn(email: string) {
    await createAccount(getDb(), email);
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
      await getDb().rateLimitBucket.count({ where: { key: { startsWith: "password-check:" } } }),
    ).toBe(0);
  });
});
