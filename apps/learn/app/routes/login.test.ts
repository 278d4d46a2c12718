import { beforeEach, describe, expect, it } from "vitest";
import { getUser } from "~/modules/auth/guards.server";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { createAccount, sessionFrom } from "~/test/auth-fixtures.server";
import { useTestDatabase } from "~/test/database";
import { callRoute, formPost, pageGet, TEST_ORIGIN } from "~/test/route-call";

const getDb = useTestDatabase();
beforeEach(async () => {
  await getDb().session.deleteMany();
  await getDb().rateLimitBucket.deleteMany();
});

describe("log-in", () => {
  it("signs in with the right password and sends the user where they were going", async () => {
    await createAccount(getDb(), "trainer@example.org");
    const response = await callRoute(
      loginAction,
      formPost("/login", {
        email: "trainer@example.org",
        password: "a long pass phrase",
        redirectTo: "/account/security",
      }),
    );
    expect(response).toBeInstanceOf(Response);
    expect(response).toRedirectTo("/account/security");
    const { token } = sessionFrom(response);
    expect((await getUser(pageGet("/", token)))?.email).toBe("trainer@example.org");
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    await createAccount(getDb(), "known@example.org");
    const wrong = await callRoute(
      loginAction,
      formPost("/login", { email: "known@example.org", password: "not the password" }),
    );
    const unknown = await callRoute(
      loginAction,
      formPost("/login", { email: "nobody@example.org", password: "not the password" }),
    );
    for (const response of [wrong, unknown]) {
      expect(response).toHaveStatus(401);
      expect(
        (response as { data: { result: { error: Record<string, string[]> } } }).data.result.error[
          ""
        ],
      ).toEqual(["auth:errors.invalidCredentials"]);
    }
  });

  it("never redirects off-site after login", async () => {
    await createAccount(getDb(), "redirect@example.org");
    const response = await callRoute(
      loginAction,
      formPost("/login", {
        email: "redirect@example.org",
        password: "a long pass phrase",
        redirectTo: "//evil.example",
      }),
    );
    expect(response).toRedirectTo("/learning");
  });

  it("lands on My learning when nowhere was asked for, and sends a signed-in visitor there", async () => {
    await createAccount(getDb(), "lands@example.org");
    const response = await callRoute(
      loginAction,
      formPost("/login", { email: "lands@example.org", password: "a long pass phrase" }),
    );
    expect(response).toRedirectTo("/learning");
    const { token } = sessionFrom(response);
    expect(await callRoute(loginLoader, pageGet("/login", token))).toRedirectTo("/learning");
  });

  it("refuses a cross-origin POST before looking at it", async () => {
    await createAccount(getDb(), "csrf@example.org");
    const response = await callRoute(
      loginAction,
      formPost(
        "/login",
        { email: "csrf@example.org", password: "a long pass phrase" },
        { Origin: "https://evil.example" },
      ),
    );
    expect(response).toHaveStatus(403);
    const noOrigin = new Request(`${TEST_ORIGIN}/login`, {
      method: "POST",
      body: new URLSearchParams({}),
    });
    expect(await callRoute(loginAction, noOrigin)).toHaveStatus(403);
  });
});
