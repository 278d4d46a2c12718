import { beforeEach, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "~/modules/auth/cookie.server";
import { getUser } from "~/modules/auth/guards.server";
import { SESSION_LIFETIME_MS, sessionIdFromToken } from "~/modules/auth/session.server";
import { action as securityAction, loader as securityLoader } from "~/routes/account/security";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { createAccount, sessionFrom } from "~/test/auth-fixtures.server";
import { useTestDatabase } from "~/test/database";
import { callRoute, formPost, pageGet } from "~/test/route-call";

const getDb = useTestDatabase();
beforeEach(async () => {
  await getDb().session.deleteMany();
  await getDb().rateLimitBucket.deleteMany();
});

describe("sessions", () => {
  async function logIn(email: string) {
    await createAccount(getDb(), email);
    const response = await callRoute(
      loginAction,
      formPost("/login", { email, password: "a long pass phrase" }),
    );
    return sessionFrom(response).token;
  }

  it("lists where she is signed in as 'Chrome on Linux', never the raw browser string", async () => {
    const linux =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    await createAccount(getDb(), "devices@example.org");
    const response = await callRoute(
      loginAction,
      formPost(
        "/login",
        { email: "devices@example.org", password: "a long pass phrase" },
        { "User-Agent": linux },
      ),
    );
    const { token } = sessionFrom(response);
    const page = (await callRoute(securityLoader, pageGet("/account/security", token))) as {
      data: { sessions: Array<Record<string, unknown>> };
    };
    expect(page.data.sessions).toHaveLength(1);
    expect(page.data.sessions[0]?.device).toEqual({ browser: "Chrome", system: "Linux" });
    expect(JSON.stringify(page.data)).not.toContain("Mozilla");
  });

  it("rejects a tampered token", async () => {
    const token = await logIn("tamper@example.org");
    const tampered = `${token.slice(0, -1)}${token.endsWith("a") ? "b" : "a"}`;
    expect(await getUser(pageGet("/", tampered))).toBeNull();
    expect(await getUser(pageGet("/", `${token}x`))).toBeNull();
  });

  it("rejects and deletes an expired session", async () => {
    const token = await logIn("expired@example.org");
    const id = sessionIdFromToken(token);
    await getDb().session.update({
      where: { id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await getUser(pageGet("/", token))).toBeNull();
    expect(await getDb().session.findUnique({ where: { id } })).toBeNull();
  });

  it("slides the expiry to 30 days when a session is used in its second half", async () => {
    const token = await logIn("sliding@example.org");
    const id = sessionIdFromToken(token);
    await getDb().session.update({
      where: { id },
      data: { expiresAt: new Date(Date.now() + 10 * 86_400_000) },
    });
    expect(await getUser(pageGet("/", token))).not.toBeNull();
    const { expiresAt } = await getDb().session.findUniqueOrThrow({ where: { id } });
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_LIFETIME_MS - 60_000);
  });

  it("rejects a session revoked by logging out, and logging out everywhere ends them all", async () => {
    const token = await logIn("revoke@example.org");
    const second = sessionFrom(
      await callRoute(
        loginAction,
        formPost("/login", { email: "revoke@example.org", password: "a long pass phrase" }),
      ),
    ).token;
    await callRoute(
      logoutAction,
      formPost("/logout", {}, { Cookie: `${SESSION_COOKIE}=${token}` }),
    );
    expect(await getUser(pageGet("/", token))).toBeNull();
    expect(await getUser(pageGet("/", second))).not.toBeNull();

    const third = sessionFrom(
      await callRoute(
        loginAction,
        formPost("/login", { email: "revoke@example.org", password: "a long pass phrase" }),
      ),
    ).token;
    await callRoute(
      logoutAction,
      formPost("/logout", { scope: "everywhere" }, { Cookie: `${SESSION_COOKIE}=${third}` }),
    );
    expect(await getUser(pageGet("/", second))).toBeNull();
    expect(await getUser(pageGet("/", third))).toBeNull();
  });

  it("changing the password keeps this session and ends the others", async () => {
    const token = await logIn("change@example.org");
    const other = sessionFrom(
      await callRoute(
        loginAction,
        formPost("/login", { email: "change@example.org", password: "a long pass phrase" }),
      ),
    ).token;
    const cookie = { Cookie: `${SESSION_COOKIE}=${token}` };
    const wrong = await callRoute(
      securityAction,
      formPost(
        "/account/security",
        {
          currentPassword: "nope",
          newPassword: "a brand new phrase",
          confirmPassword: "a brand new phrase",
        },
        cookie,
      ),
    );
    expect(wrong).toHaveStatus(400);
    const ok = await callRoute(
      securityAction,
      formPost(
        "/account/security",
        {
          currentPassword: "a long pass phrase",
          newPassword: "a brand new phrase",
          confirmPassword: "a brand new phrase",
        },
        cookie,
      ),
    );
    expect(ok).toHaveStatus(200);
    expect(await getUser(pageGet("/", token))).not.toBeNull();
    expect(await getUser(pageGet("/", other))).toBeNull();
    const relogin = await callRoute(
      loginAction,
      formPost("/login", { email: "change@example.org", password: "a brand new phrase" }),
    );
    expect(relogin).toBeInstanceOf(Response);
  });
});
