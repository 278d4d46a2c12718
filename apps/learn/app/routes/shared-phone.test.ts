import { describe, expect, it } from "vitest";
import { hashPassword } from "~/modules/auth/password.server";
import { SHARED_IDLE_MS, validateSessionToken } from "~/modules/auth/session.server";
import { action as exitAction } from "~/routes/exit";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { useTestDatabase } from "~/test/database";
import { callRoute, formPost } from "~/test/route-call";

// Issue 12: "this phone is not only mine" at log-in. The session ends with the browser and after
// a short idle time, the phone is not remembered, and leaving empties what the site stored.

const getDb = useTestDatabase();
const PASSWORD = "a sentence only she knows";
const MINUTE = 60_000;

async function account(email: string) {
  await getDb().user.create({
    data: {
      email,
      displayName: email.split("@")[0] as string,
      passwordHash: await hashPassword(PASSWORD),
    },
  });
}

async function logIn(email: string, fields: Record<string, string> = {}) {
  const answer = await callRoute(
    loginAction,
    formPost("/login", { email, password: PASSWORD, ...fields }),
  );
  expect(answer).toHaveStatus(303);
  const cookies = (answer as Response).headers.getSetCookie();
  const session = cookies.find((cookie) => cookie.startsWith("peacelearn_session="));
  const token = /^peacelearn_session=([a-z2-7]{32});/.exec(session ?? "")?.[1];
  if (!session || !token) throw new Error("no session cookie");
  return { cookies, session, token };
}

describe("signing in on a shared phone", () => {
  it("gives a cookie that ends with the browser and no known-device token", async () => {
    await account("shared@example.org");
    const shared = await logIn("shared@example.org", { sharedDevice: "on" });
    expect(shared.session).not.toMatch(/Expires=/);
    expect(shared.cookies.some((cookie) => cookie.startsWith("peacelearn_device="))).toBe(false);
    const row = await getDb().session.findFirstOrThrow({
      where: { user: { email: "shared@example.org" } },
    });
    expect(row.shared).toBe(true);

    // Her own phone, as before: a dated cookie and the known-device token.
    const own = await logIn("shared@example.org");
    expect(own.session).toMatch(/Expires=/);
    expect(own.cookies.some((cookie) => cookie.startsWith("peacelearn_device="))).toBe(true);
  });

  it("ends after 20 minutes without a request, and is kept alive by use", async () => {
    const db = getDb();
    await account("idle@example.org");
    const { token } = await logIn("idle@example.org", { sharedDevice: "on" });
    const start = Date.now();
    const at = (minutes: number) => new Date(start + minutes * MINUTE);
    expect(await validateSessionToken(db, token, at(15))).not.toBeNull();
    // Used at minute 15, so it lives until minute 35.
    expect(await validateSessionToken(db, token, at(34))).not.toBeNull();
    expect(await validateSessionToken(db, token, at(34 + SHARED_IDLE_MS / MINUTE))).toBeNull();
    expect(await db.session.count({ where: { user: { email: "idle@example.org" } } })).toBe(0);

    // A session on her own phone is not cut short by two idle days.
    const own = await logIn("idle@example.org");
    expect(
      await validateSessionToken(db, own.token, new Date(start + 2 * 24 * 60 * MINUTE)),
    ).not.toBeNull();
  });

  it("empties the site's storage on quick exit and on logout, which her own phone keeps", async () => {
    await account("leave@example.org");
    const cookie = (token: string) => ({ Cookie: `peacelearn_session=${token}` });
    const shared = await logIn("leave@example.org", { sharedDevice: "on" });
    const exit = await callRoute(exitAction, formPost("/exit", {}, cookie(shared.token)));
    expect((exit as Response).headers.get("Clear-Site-Data")).toBe('"cache", "storage"');

    const again = await logIn("leave@example.org", { sharedDevice: "on" });
    const logout = await callRoute(logoutAction, formPost("/logout", {}, cookie(again.token)));
    expect((logout as Response).headers.get("Clear-Site-Data")).toBe('"cache", "storage"');

    const own = await logIn("leave@example.org");
    const ownExit = await callRoute(exitAction, formPost("/exit", {}, cookie(own.token)));
    expect((ownExit as Response).headers.get("Clear-Site-Data")).toBe('"cache"');
    const ownAgain = await logIn("leave@example.org");
    const ownLogout = await callRoute(
      logoutAction,
      formPost("/logout", {}, cookie(ownAgain.token)),
    );
    expect((ownLogout as Response).headers.get("Clear-Site-Data")).toBeNull();
  });
});
