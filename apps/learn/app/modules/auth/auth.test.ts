import type { Db } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { provideTestDatabase } from "~/lib/db.server";
import { action as securityAction } from "~/routes/account/security";
import { action as loginAction } from "~/routes/auth/login";
import { action as logoutAction } from "~/routes/auth/logout";
import { action as signupAction } from "~/routes/auth/signup";
import { callRoute, formPost, pageGet, TEST_ORIGIN } from "~/test/route-call";
import { SESSION_COOKIE } from "./cookie.server";
import { getUser, requireRole, requireUser } from "./guards.server";
import { hashPassword } from "./password.server";
import { SESSION_LIFETIME_MS, sessionIdFromToken } from "./session.server";

const ORIGIN = TEST_ORIGIN;
let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  provideTestDatabase(db);
}, 60_000);
afterAll(async () => close());
beforeEach(async () => {
  await db.session.deleteMany();
  await db.rateLimitBucket.deleteMany();
});

const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  formPost(path, fields, headers);
const get = (path: string, token?: string) => pageGet(path, token);
const call = (
  handler: (args: never) => unknown,
  request: Request,
  context: Record<string, unknown> = { clientAddress: "198.51.100.7" },
) => callRoute(handler, request, { context });

function tokenFrom(response: Response | { status: number }) {
  if (!(response instanceof Response))
    throw new Error(`expected a redirect, got ${response.status}`);
  const cookie = response.headers.get("Set-Cookie") ?? "";
  return { cookie, token: new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(cookie)?.[1] ?? "" };
}

async function createAccount(email: string, password = "a long pass phrase", roles = ["trainee"]) {
  return db.user.create({
    data: {
      email,
      displayName: email.split("@")[0] ?? email,
      roles,
      passwordHash: await hashPassword(password),
    },
  });
}

describe("sign-up", () => {
  it("creates a trainee, signs them in with a hashed session and a safe cookie", async () => {
    const response = await call(
      signupAction,
      post("/signup", {
        email: "Ama.Kollie@Example.org",
        displayName: "Ama Kollie",
        password: "peace begins at home",
        confirmPassword: "peace begins at home",
        gender: "prefer-not-to-say",
        locationCode: "LR",
      }),
    );
    const { cookie, token } = tokenFrom(response);
    expect((response as Response).status).toBe(303);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    // 20 random bytes in base32 are 32 characters.
    expect(token).toMatch(/^[a-z2-7]{32}$/);

    const user = await db.user.findUniqueOrThrow({ where: { email: "ama.kollie@example.org" } });
    expect(user.roles).toEqual(["trainee"]);
    expect(user.gender).toBe("prefer-not-to-say");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const sessions = await db.session.findMany({ where: { userId: user.id } });
    expect(sessions.map((s) => s.id)).toEqual([sessionIdFromToken(token)]);
    expect(sessions[0]?.id).not.toContain(token);
  });

  it("refuses a taken email (any case) and keeps what was typed, without the passwords", async () => {
    await createAccount("taken@example.org");
    const response = await call(
      signupAction,
      post("/signup", {
        email: "TAKEN@example.org",
        displayName: "Someone",
        password: "another long phrase",
        confirmPassword: "another long phrase",
      }),
    );
    expect(response).toMatchObject({ status: 409 });
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
    const response = await call(
      signupAction,
      post("/signup", {
        email: "not-an-email",
        displayName: "",
        password: "short",
        confirmPassword: "other",
        birthYear: "year",
      }),
    );
    expect(response).toMatchObject({ status: 400 });
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

describe("log-in", () => {
  it("signs in with the right password and sends the user where they were going", async () => {
    await createAccount("trainer@example.org");
    const response = await call(
      loginAction,
      post("/login", {
        email: "trainer@example.org",
        password: "a long pass phrase",
        redirectTo: "/account/security",
      }),
    );
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).headers.get("Location")).toBe("/account/security");
    const { token } = tokenFrom(response);
    expect((await getUser(get("/", token)))?.email).toBe("trainer@example.org");
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    await createAccount("known@example.org");
    const wrong = await call(
      loginAction,
      post("/login", { email: "known@example.org", password: "not the password" }),
    );
    const unknown = await call(
      loginAction,
      post("/login", { email: "nobody@example.org", password: "not the password" }),
    );
    for (const response of [wrong, unknown]) {
      expect(response).toMatchObject({ status: 401 });
      expect(
        (response as { data: { result: { error: Record<string, string[]> } } }).data.result.error[
          ""
        ],
      ).toEqual(["auth:errors.invalidCredentials"]);
    }
  });

  it("never redirects off-site after login", async () => {
    await createAccount("redirect@example.org");
    const response = await call(
      loginAction,
      post("/login", {
        email: "redirect@example.org",
        password: "a long pass phrase",
        redirectTo: "//evil.example",
      }),
    );
    expect((response as Response).headers.get("Location")).toBe("/");
  });

  it("refuses a cross-origin POST before looking at it", async () => {
    await createAccount("csrf@example.org");
    const response = await call(
      loginAction,
      post(
        "/login",
        { email: "csrf@example.org", password: "a long pass phrase" },
        { Origin: "https://evil.example" },
      ),
    );
    expect(response).toMatchObject({ status: 403 });
    const noOrigin = new Request(`${ORIGIN}/login`, {
      method: "POST",
      body: new URLSearchParams({}),
    });
    expect(await call(loginAction, noOrigin)).toMatchObject({ status: 403 });
  });
});

describe("sessions", () => {
  async function signIn(email: string) {
    await createAccount(email);
    const response = await call(
      loginAction,
      post("/login", { email, password: "a long pass phrase" }),
    );
    return tokenFrom(response).token;
  }

  it("rejects a tampered token", async () => {
    const token = await signIn("tamper@example.org");
    const tampered = `${token.slice(0, -1)}${token.endsWith("a") ? "b" : "a"}`;
    expect(await getUser(get("/", tampered))).toBeNull();
    expect(await getUser(get("/", `${token}x`))).toBeNull();
  });

  it("rejects and deletes an expired session", async () => {
    const token = await signIn("expired@example.org");
    const id = sessionIdFromToken(token);
    await db.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getUser(get("/", token))).toBeNull();
    expect(await db.session.findUnique({ where: { id } })).toBeNull();
  });

  it("slides the expiry to 30 days when a session is used in its second half", async () => {
    const token = await signIn("sliding@example.org");
    const id = sessionIdFromToken(token);
    await db.session.update({
      where: { id },
      data: { expiresAt: new Date(Date.now() + 10 * 86_400_000) },
    });
    expect(await getUser(get("/", token))).not.toBeNull();
    const { expiresAt } = await db.session.findUniqueOrThrow({ where: { id } });
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_LIFETIME_MS - 60_000);
  });

  it("rejects a session revoked by logging out, and logging out everywhere ends them all", async () => {
    const token = await signIn("revoke@example.org");
    const second = tokenFrom(
      await call(
        loginAction,
        post("/login", { email: "revoke@example.org", password: "a long pass phrase" }),
      ),
    ).token;
    await call(logoutAction, post("/logout", {}, { Cookie: `${SESSION_COOKIE}=${token}` }));
    expect(await getUser(get("/", token))).toBeNull();
    expect(await getUser(get("/", second))).not.toBeNull();

    const third = tokenFrom(
      await call(
        loginAction,
        post("/login", { email: "revoke@example.org", password: "a long pass phrase" }),
      ),
    ).token;
    await call(
      logoutAction,
      post("/logout", { scope: "everywhere" }, { Cookie: `${SESSION_COOKIE}=${third}` }),
    );
    expect(await getUser(get("/", second))).toBeNull();
    expect(await getUser(get("/", third))).toBeNull();
  });

  it("changing the password keeps this session and ends the others", async () => {
    const token = await signIn("change@example.org");
    const other = tokenFrom(
      await call(
        loginAction,
        post("/login", { email: "change@example.org", password: "a long pass phrase" }),
      ),
    ).token;
    const cookie = { Cookie: `${SESSION_COOKIE}=${token}` };
    const wrong = await call(
      securityAction,
      post(
        "/account/security",
        {
          currentPassword: "nope",
          newPassword: "a brand new phrase",
          confirmPassword: "a brand new phrase",
        },
        cookie,
      ),
    );
    expect(wrong).toMatchObject({ status: 400 });
    const ok = await call(
      securityAction,
      post(
        "/account/security",
        {
          currentPassword: "a long pass phrase",
          newPassword: "a brand new phrase",
          confirmPassword: "a brand new phrase",
        },
        cookie,
      ),
    );
    expect(ok).toMatchObject({ status: 200 });
    expect(await getUser(get("/", token))).not.toBeNull();
    expect(await getUser(get("/", other))).toBeNull();
    const relogin = await call(
      loginAction,
      post("/login", { email: "change@example.org", password: "a brand new phrase" }),
    );
    expect(relogin).toBeInstanceOf(Response);
  });
});

describe("guards", () => {
  it("sends anonymous visitors to log in, and brings them back", async () => {
    const thrown = await requireUser(get("/account/security?tab=1")).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).headers.get("Location")).toBe(
      `/login?redirectTo=${encodeURIComponent("/account/security?tab=1")}`,
    );
  });

  it("answers 403 to a signed-in user without the role, and lets admins through", async () => {
    await createAccount("learner@example.org");
    await createAccount("boss@example.org", "a long pass phrase", ["admin"]);
    const learner = tokenFrom(
      await call(
        loginAction,
        post("/login", { email: "learner@example.org", password: "a long pass phrase" }),
      ),
    ).token;
    const boss = tokenFrom(
      await call(
        loginAction,
        post("/login", { email: "boss@example.org", password: "a long pass phrase" }),
      ),
    ).token;

    const denied = await requireRole(get("/trainer", learner), "trainer").catch((e: unknown) => e);
    expect(denied).toMatchObject({ init: { status: 403 } });
    expect((await requireRole(get("/trainer", boss), "trainer")).email).toBe("boss@example.org");
  });
});
