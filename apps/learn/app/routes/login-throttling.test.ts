import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { eraseUser } from "@peacelearn/db";
import { beforeEach, describe, expect, it } from "vitest";
import { DEVICE_COOKIE, SESSION_COOKIE } from "~/modules/auth/cookie.server";
import { KNOWN_DEVICE_LIFETIME_MS } from "~/modules/auth/known-device.server";
import { addressBucket, LOGIN_LIMITS } from "~/modules/auth/rate-limit.server";
import { action as securityAction } from "~/routes/account/security";
import { action as loginAction, headers as loginHeaders } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { action as signupAction } from "~/routes/signup";
import {
  answer,
  cookieValue,
  createAccount,
  formErrorOf,
  loginPost,
  PASSWORD,
  setCookieHeader,
} from "~/test/auth-fixtures.server";
import { useTestDatabase } from "~/test/database";
import { formPost } from "~/test/route-call";

const getDb = useTestDatabase();
beforeEach(async () => {
  await getDb().rateLimitBucket.deleteMany();
  await getDb().knownDevice.deleteMany();
  await getDb().session.deleteMany();
  await getDb().user.deleteMany();
});

const HOME = "198.51.100.7";
const ROOM = "192.0.2.50";

const logIn = (email: string, password: string, address: string, device?: string) =>
  answer(loginAction, loginPost(email, password, { device }), address);

/** Signs in (so the browser becomes known) and returns its device cookie's value. */
async function knownBrowser(email: string, address = HOME, device?: string) {
  const response = await logIn(email, PASSWORD, address, device);
  expect(response.status).toBe(303);
  return cookieValue(response, DEVICE_COOKIE);
}

const hex = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

describe("known-device cookie", () => {
  it("is a random token after a successful login, stored only as its SHA-256 and bound to the account", async () => {
    const user = await createAccount(getDb(), "ama@example.org");
    const response = await logIn("ama@example.org", PASSWORD, HOME);
    const token = cookieValue(response, DEVICE_COOKIE);
    // 20 random bytes in base32 are 32 characters.
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    const rows = await getDb().knownDevice.findMany();
    expect(rows.map((row) => [row.id, row.userId])).toEqual([[hex(token), user.id]]);
    expect(rows[0]?.id).not.toContain(token);
    const lifetime = (rows[0]?.expiresAt.getTime() ?? 0) - Date.now();
    expect(lifetime).toBeGreaterThan(KNOWN_DEVICE_LIFETIME_MS - 60_000);
  });

  it("has the session cookie's flags (HttpOnly, SameSite=Lax, Path, and Secure when it has)", async () => {
    await createAccount(getDb(), "flags@example.org");
    const response = await logIn("flags@example.org", PASSWORD, HOME);
    const flags = (header: string) =>
      header
        .split(";")
        .slice(1)
        .map((part) => part.trim())
        .filter((part) => !part.startsWith("Expires="))
        .sort();
    const device = flags(setCookieHeader(response, DEVICE_COOKIE));
    expect(device).toContain("HttpOnly");
    expect(device).toContain("SameSite=Lax");
    expect(device).toEqual(flags(setCookieHeader(response, SESSION_COOKIE)));
  });

  it("is given at sign-up too, keeping the browser's tokens for other accounts", async () => {
    await createAccount(getDb(), "sibling@example.org");
    const sibling = await knownBrowser("sibling@example.org");
    const response = await answer(
      signupAction,
      formPost(
        "/signup",
        {
          email: "newcomer@example.org",
          displayName: "Newcomer",
          password: "peace begins at home",
          confirmPassword: "peace begins at home",
        },
        { Cookie: `${DEVICE_COOKIE}=${sibling}` },
      ),
      HOME,
    );
    expect(response.status).toBe(303);
    const [mine, kept] = cookieValue(response, DEVICE_COOKIE).split(".");
    expect(kept).toBe(sibling);
    const newcomer = await getDb().user.findUniqueOrThrow({
      where: { email: "newcomer@example.org" },
    });
    expect(await getDb().knownDevice.findUnique({ where: { id: hex(mine ?? "") } })).toMatchObject({
      userId: newcomer.id,
    });
  });

  it("is not given for a failed login", async () => {
    await createAccount(getDb(), "failed@example.org");
    const response = await logIn("failed@example.org", "not the password", HOME);
    expect(response.status).toBe(401);
    expect(cookieValue(response, DEVICE_COOKIE)).toBe("");
    expect(await getDb().knownDevice.count()).toBe(0);
  });

  it("is replaced at every login, so a copied cookie stops counting once the owner signs in", async () => {
    await createAccount(getDb(), "rotate@example.org");
    const first = await knownBrowser("rotate@example.org");
    const second = await knownBrowser("rotate@example.org", HOME, first);
    expect(second).not.toBe(first);
    expect(await getDb().knownDevice.findUnique({ where: { id: hex(first) } })).toBeNull();
    // The old token is now an unknown device: behind a used-up pair bucket it is refused.
    for (let i = 0; i < LOGIN_LIMITS.accountAtAddress.burst; i++) {
      await logIn("rotate@example.org", `guess ${i}`, ROOM);
    }
    expect((await logIn("rotate@example.org", PASSWORD, ROOM, first)).status).toBe(429);
    expect((await logIn("rotate@example.org", PASSWORD, ROOM, second)).status).toBe(303);
  });

  it("keeps the tokens of other accounts signed in on the same browser", async () => {
    await createAccount(getDb(), "first@example.org");
    await createAccount(getDb(), "second@example.org");
    const afterFirst = await knownBrowser("first@example.org");
    const shared = await knownBrowser("second@example.org", HOME, afterFirst);
    expect(shared.split(".")).toHaveLength(2);
    expect(shared.split(".")[1]).toBe(afterFirst);
    // The first account's token still works from the shared cookie.
    for (let i = 0; i < LOGIN_LIMITS.accountAtAddress.burst; i++) {
      await logIn("first@example.org", `guess ${i}`, HOME);
    }
    expect((await logIn("first@example.org", PASSWORD, HOME, shared)).status).toBe(303);
  });
});

describe("a stranger cannot lock the owner out", () => {
  it("10 wrong passwords from address A, then the owner with her device cookie logs in → 303", async () => {
    await createAccount(getDb(), "advocate@example.org");
    const device = await knownBrowser("advocate@example.org", HOME);
    for (let i = 0; i < 10; i++) {
      const guess = await logIn("advocate@example.org", `guess ${i}`, HOME);
      expect([401, 429]).toContain(guess.status);
    }
    const owner = await logIn("advocate@example.org", PASSWORD, HOME, device);
    expect(owner.status).toBe(303);
  });

  it("the owner's device still gets in when every unknown-device limit of her account is used up", async () => {
    await createAccount(getDb(), "named@example.org");
    const device = await knownBrowser("named@example.org", HOME);
    // Guessing spread over many addresses uses up the account-wide budget of unknown devices.
    const guesses = LOGIN_LIMITS.account.burst + 10;
    const statuses = [];
    for (let i = 0; i < guesses; i++) {
      statuses.push((await logIn("named@example.org", `guess ${i}`, `203.0.113.${i}`)).status);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(10);
    expect((await logIn("named@example.org", PASSWORD, HOME, device)).status).toBe(303);
  });

  it("a stranger from a new device is still throttled, with Retry-After and a translated message", async () => {
    await createAccount(getDb(), "target@example.org");
    for (let i = 0; i < LOGIN_LIMITS.account.burst; i++) {
      await logIn("target@example.org", `guess ${i}`, `203.0.113.${i}`);
    }
    // Even the right password: the limit is judged before the password is looked at.
    const stranger = await logIn("target@example.org", PASSWORD, "203.0.113.200");
    expect(stranger.status).toBe(429);
    expect(formErrorOf(stranger)).toBe("auth:errors.rateLimited");
    const retryAfter = Number(stranger.headers.get("Retry-After"));
    // One token comes back per interval (180 s): a slower path, never a 15-minute wall.
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.account.intervalSeconds);
    expect((stranger.data as { retryAfterSeconds: number }).retryAfterSeconds).toBe(retryAfter);
    // The page (not only the .data request) carries Retry-After.
    const page = loginHeaders({
      actionHeaders: stranger.headers,
      loaderHeaders: new Headers(),
      parentHeaders: new Headers({ "Cache-Control": "no-store" }),
      errorHeaders: undefined,
    });
    expect(new Headers(page).get("Retry-After")).toBe(String(retryAfter));
    expect(new Headers(page).get("Cache-Control")).toBe("no-store");
  });

  it("a known device is judged by its own bucket, which limits guessing from it too", async () => {
    await createAccount(getDb(), "phone@example.org");
    const device = await knownBrowser("phone@example.org");
    const statuses = [];
    for (let i = 0; i <= LOGIN_LIMITS.knownDevice.burst; i++) {
      statuses.push((await logIn("phone@example.org", `guess ${i}`, HOME, device)).status);
    }
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Its failures took nothing from the address: another person at home still gets in.
    await createAccount(getDb(), "sister@example.org");
    expect((await logIn("sister@example.org", PASSWORD, HOME)).status).toBe(303);
  });

  it("a device token counts only for the account it was issued to", async () => {
    await createAccount(getDb(), "owner@example.org");
    await createAccount(getDb(), "other@example.org");
    const device = await knownBrowser("owner@example.org");
    for (let i = 0; i < LOGIN_LIMITS.accountAtAddress.burst; i++) {
      await logIn("other@example.org", `guess ${i}`, HOME);
    }
    expect((await logIn("other@example.org", PASSWORD, HOME, device)).status).toBe(429);
  });
});

describe("one address, many people", () => {
  it("50 failures from one address, then another user with a known device on that address logs in", async () => {
    await createAccount(getDb(), "bea@example.org");
    await createAccount(getDb(), "cai@example.org");
    const device = await knownBrowser("bea@example.org", ROOM);
    // Spray wrong passwords over many e-mails from the room's one address until it is refused.
    let refused = 0;
    for (let i = 0; i < LOGIN_LIMITS.address.burst + 10 && refused === 0; i++) {
      const spray = await logIn(`spray${i}@example.org`, "guess", ROOM);
      if (spray.status === 429) refused = i;
    }
    expect(refused).toBeGreaterThanOrEqual(LOGIN_LIMITS.address.burst - 1);
    expect((await logIn("bea@example.org", PASSWORD, ROOM, device)).status).toBe(303);
    // Someone on a new device in the room waits seconds, not a quarter of an hour.
    const newcomer = await logIn("cai@example.org", PASSWORD, ROOM);
    expect(newcomer.status).toBe(429);
    expect(Number(newcomer.headers.get("Retry-After"))).toBeLessThanOrEqual(
      LOGIN_LIMITS.address.intervalSeconds,
    );
    // Elsewhere, nothing is refused.
    expect((await logIn("cai@example.org", PASSWORD, "192.0.2.51")).status).toBe(303);
  });

  it("a person mistyping at one address waits minutes for her next try; elsewhere she is not refused", async () => {
    await createAccount(getDb(), "typo@example.org");
    const statuses = [];
    for (let i = 0; i <= LOGIN_LIMITS.accountAtAddress.burst; i++) {
      statuses.push((await logIn("typo@example.org", `typo ${i}`, HOME)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await logIn("typo@example.org", PASSWORD, "192.0.2.77")).status).toBe(303);
  });

  it("counts IPv6 clients per /64, since each holds a whole /64 to pick addresses from", async () => {
    expect(addressBucket("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:0db8:0001:0002:abcd:ef01:2345:6789")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
    expect(addressBucket("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressBucket("192.0.2.1")).toBe("192.0.2.1");
    expect(addressBucket("unknown")).toBe("unknown");
    await createAccount(getDb(), "v6@example.org");
    for (let i = 0; i < LOGIN_LIMITS.accountAtAddress.burst; i++) {
      await logIn("v6@example.org", `guess ${i}`, `2001:db8:1:2::${i + 1}`);
    }
    expect((await logIn("v6@example.org", PASSWORD, "2001:db8:1:2::99")).status).toBe(429);
    expect((await logIn("v6@example.org", PASSWORD, "2001:db8:1:3::1")).status).toBe(303);
  });
});

describe("no answer reveals whether an account exists", () => {
  it("an unknown e-mail and a wrong password get the same answers, throttled alike", async () => {
    await createAccount(getDb(), "exists@example.org");
    const run = async (email: string) => {
      const statuses = [];
      for (let i = 0; i <= LOGIN_LIMITS.accountAtAddress.burst; i++) {
        const response = await logIn(email, `guess ${i}`, HOME);
        statuses.push([response.status, formErrorOf(response)]);
      }
      return statuses;
    };
    expect(await run("exists@example.org")).toEqual(await run("nobody@example.org"));
  });

  it("takes about as long for an unknown e-mail as for a wrong password (argon2 on a dummy hash)", async () => {
    await createAccount(getDb(), "timed@example.org");
    const median = async (email: string) => {
      const times = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const response = await logIn(email, "wrong", `198.51.100.${100 + i}`);
        times.push(performance.now() - started);
        expect(response.status).toBe(401);
      }
      return times.sort((a, b) => a - b)[2] ?? 0;
    };
    const known = await median("timed@example.org");
    const unknown = await median("unknown@example.org");
    // One argon2id verification is ~65 ms here and the database work a few ms: skipping the
    // dummy verification would make the unknown e-mail ten times faster. A factor of two
    // leaves room for a busy machine.
    expect(unknown / known).toBeGreaterThan(0.5);
    expect(unknown / known).toBeLessThan(2);
  });
});

describe("forgetting devices", () => {
  it("changing the password forgets the account's other browsers and keeps this one", async () => {
    const user = await createAccount(getDb(), "change@example.org");
    const here = await logIn("change@example.org", PASSWORD, HOME);
    const device = cookieValue(here, DEVICE_COOKIE);
    const session = cookieValue(here, SESSION_COOKIE);
    const elsewhere = await knownBrowser("change@example.org", "192.0.2.90");
    const changed = await answer(
      securityAction,
      formPost(
        "/account/security",
        {
          currentPassword: PASSWORD,
          newPassword: "a brand new phrase",
          confirmPassword: "a brand new phrase",
        },
        { Cookie: `${SESSION_COOKIE}=${session}; ${DEVICE_COOKIE}=${device}` },
      ),
      HOME,
    );
    expect(changed.status).toBe(200);
    const left = await getDb().knownDevice.findMany({ where: { userId: user.id } });
    expect(left.map((row) => row.id)).toEqual([hex(device)]);
    expect(await getDb().knownDevice.findUnique({ where: { id: hex(elsewhere) } })).toBeNull();
  });

  it("signing out everywhere forgets the other browsers too, and keeps this one", async () => {
    const user = await createAccount(getDb(), "lost-phone@example.org");
    const here = await logIn("lost-phone@example.org", PASSWORD, HOME);
    const device = cookieValue(here, DEVICE_COOKIE);
    const session = cookieValue(here, SESSION_COOKIE);
    const elsewhere = await knownBrowser("lost-phone@example.org", "192.0.2.92");
    const out = await answer(
      logoutAction,
      formPost(
        "/logout",
        { scope: "everywhere" },
        { Cookie: `${SESSION_COOKIE}=${session}; ${DEVICE_COOKIE}=${device}` },
      ),
      HOME,
    );
    expect(out.status).toBe(303);
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(0);
    const left = await getDb().knownDevice.findMany({ where: { userId: user.id } });
    expect(left.map((row) => row.id)).toEqual([hex(device)]);
    expect(await getDb().knownDevice.findUnique({ where: { id: hex(elsewhere) } })).toBeNull();
  });

  it("erasure deletes the person's device tokens", async () => {
    const user = await createAccount(getDb(), "erase@example.org");
    await knownBrowser("erase@example.org");
    await knownBrowser("erase@example.org", "192.0.2.91");
    expect(await getDb().knownDevice.count({ where: { userId: user.id } })).toBe(2);
    await eraseUser(getDb(), user.id, { actorId: null });
    expect(await getDb().knownDevice.count({ where: { userId: user.id } })).toBe(0);
  });
});
