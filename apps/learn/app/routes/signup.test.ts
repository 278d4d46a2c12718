import { beforeEach, describe, expect, it } from "vitest";
import { sessionIdFromToken } from "~/modules/auth/session.server";
import { action as signupAction } from "~/routes/signup";
import { createAccount, sessionFrom } from "~/test/auth-fixtures.server";
import { useTestDatabase } from "~/test/database";
import { callRoute, formPost } from "~/test/route-call";

const getDb = useTestDatabase();
beforeEach(async () => {
  await getDb().session.deleteMany();
  await getDb().rateLimitBucket.deleteMany();
});

describe("sign-up", () => {
  it("creates a trainee, signs them in with a hashed session and a safe cookie", async () => {
    const response = await callRoute(
      signupAction,
      formPost("/signup", {
        email: "Ama.Kollie@Example.org",
        displayName: "Ama Kollie",
        password: "peace begins at home",
        confirmPassword: "peace begins at home",
        gender: "prefer-not-to-say",
        locationCode: "LR",
      }),
    );
    const { cookie, token } = sessionFrom(response);
    expect((response as Response).status).toBe(303);
    // Nowhere asked for: she lands on her own learning, not the public home page.
    expect(response).toRedirectTo("/learning");
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    // 20 random bytes in base32 are 32 characters.
    expect(token).toMatch(/^[a-z2-7]{32}$/);

    const user = await getDb().user.findUniqueOrThrow({
      where: { email: "ama.kollie@example.org" },
    });
    expect(user.roles).toEqual(["trainee"]);
    expect(user.gender).toBe("prefer-not-to-say");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const sessions = await getDb().session.findMany({ where: { userId: user.id } });
    expect(sessions.map((s) => s.id)).toEqual([sessionIdFromToken(token)]);
    expect(sessions[0]?.id).not.toContain(token);
  });

  it("refuses a taken email (any case) and keeps what was typed, without the passwords", async () => {
    await createAccount(getDb(), "taken@example.org");
    const response = await callRoute(
      signupAction,
      formPost("/signup", {
        email: "TAKEN@example.org",
        displayName: "Someone",
        password: "another long phrase",
        confirmPassword: "another long phrase",
      }),
    );
    expect(response).toHaveStatus(409);
    const result = (
      response as {
        data: { result: { error: Record<string, string[]>; initialValue: Record<string, string> } };
      }
    ).data.result;
    expect(result.error.email).toEqual(["auth:errors.emailTaken"]);
    expect(result.initialValue.displayName).toBe("Someone");
    expect(result.initialValue.password).toBeUndefined();
  });

  it("answers invalid input with 400 and field errors, never a 500", async () => {
    const response = await callRoute(
      signupAction,
      formPost("/signup", {
        email: "not-an-email",
        displayName: "",
        password: "short",
        confirmPassword: "other",
        birthYear: "year",
      }),
    );
    expect(response).toHaveStatus(400);
    const errors = (response as { data: { result: { error: Record<string, string[]> } } }).data
      .result.error;
    expect(Object.keys(errors).sort()).toEqual([
      "birthYear",
      "confirmPassword",
      "displayName",
      "email",
      "password",
    ]);
  });
});
