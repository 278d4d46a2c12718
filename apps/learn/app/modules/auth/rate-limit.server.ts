import {
  consumeTokenBucket,
  type Db,
  peekTokenBucket,
  refundTokenBucket,
  type TokenBucketRule,
} from "@peacelearn/db";

// Why these numbers: docs/decisions/010-login-throttling.md. Every bucket lets a burst through at
// once and then one attempt per interval, so a person who mistyped waits seconds or minutes for
// her next try, never a long wall, while a guesser gets the same few attempts per hour.

/** Login attempts (counted before the password is looked at, so argon2 cannot be used to flood). */
export const LOGIN_LIMITS = {
  /** A browser that signed in to this account before: judged by this bucket alone. */
  knownDevice: { burst: 10, intervalSeconds: 120 },
  /** One account from one address on an unknown device: a person mistyping at home. */
  accountAtAddress: { burst: 5, intervalSeconds: 180 },
  /** One address over all accounts, unknown devices only: a training room behind one connection. */
  address: { burst: 50, intervalSeconds: 20 },
  /** One account over all addresses, unknown devices only: guessing spread over many addresses. */
  account: { burst: 20, intervalSeconds: 180 },
} satisfies Record<string, TokenBucketRule>;

/** Current-password checks of /account/security, per account. */
export const PASSWORD_CHECK_LIMIT = { burst: 5, intervalSeconds: 300 } satisfies TokenBucketRule;

/** Certificate codes looked up and not found, per address (codes found are given back). */
export const VERIFY_LIMIT = { burst: 20, intervalSeconds: 30 } satisfies TokenBucketRule;

export type Throttle = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * The part of a client address that one party controls. An IPv6 client usually holds a whole
 * /64 and can pick a fresh address in it for every attempt, so IPv6 addresses count per /64;
 * IPv4-mapped IPv6 (`::ffff:192.0.2.1`) is read as the IPv4 address it is.
 */
export function addressBucket(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(":")) return address;
  const prefix = ipv6Prefix64(address);
  return prefix ?? address;
}

function ipv6Prefix64(address: string): string | null {
  const [bare = ""] = address.split("%");
  const halves = bare.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}

/** Bucket keys. Login keys carry the e-mail, so erasure (eraseUser) finds and deletes them. */
export const throttleKeys = {
  knownDevice: (email: string, deviceId: string) => `login:device:${email}|${deviceId}`,
  accountAtAddress: (email: string, address: string) =>
    `login:pair:${email}|${addressBucket(address)}`,
  address: (address: string) => `login:ip:${addressBucket(address)}`,
  account: (email: string) => `login:account:${email}`,
  passwordCheck: (userId: string) => `password-check:${userId}`,
  verify: (address: string) => `verify:ip:${addressBucket(address)}`,
};

export type LoginVerdict =
  | { allowed: true /** The bucket a successful login clears. */; resetKey: string }
  | { allowed: false; retryAfterSeconds: number };

/**
 * Whether a login attempt may be checked at all. A known device is judged by its own bucket only:
 * nothing a stranger does elsewhere can refuse it. Any other attempt takes a token from its
 * (account, address) pair, then its address, then the account — the attacker's own buckets first,
 * so attempts the pair or the address already refused never drain the account-wide bucket that
 * the owner's new devices share.
 */
export async function judgeLoginAttempt(
  db: Db,
  attempt: { email: string; clientAddress: string; knownDeviceId: string | null },
  now: Date,
): Promise<LoginVerdict> {
  if (attempt.knownDeviceId) {
    const key = throttleKeys.knownDevice(attempt.email, attempt.knownDeviceId);
    const device = await consumeTokenBucket(db, key, LOGIN_LIMITS.knownDevice, now);
    return device.allowed
      ? { allowed: true, resetKey: key }
      : { allowed: false, retryAfterSeconds: device.retryAfterSeconds };
  }
  const pairKey = throttleKeys.accountAtAddress(attempt.email, attempt.clientAddress);
  const steps: Array<[string, TokenBucketRule]> = [
    [pairKey, LOGIN_LIMITS.accountAtAddress],
    [throttleKeys.address(attempt.clientAddress), LOGIN_LIMITS.address],
    [throttleKeys.account(attempt.email), LOGIN_LIMITS.account],
  ];
  for (const [key, rule] of steps) {
    const result = await consumeTokenBucket(db, key, rule, now);
    if (!result.allowed) return { allowed: false, retryAfterSeconds: result.retryAfterSeconds };
  }
  return { allowed: true, resetKey: pairKey };
}

/** Takes a token for a current-password check; the caller clears the key when it was right. */
export async function throttlePasswordCheck(db: Db, userId: string, now = new Date()) {
  return toThrottle(
    await consumeTokenBucket(db, throttleKeys.passwordCheck(userId), PASSWORD_CHECK_LIMIT, now),
  );
}

/**
 * Certificate look-ups: `take` before looking a code up, `giveBack` when it was found, so only
 * misses — guesses — count, exactly even under concurrent requests. `check` only asks, for the
 * /verify form, which looks nothing up and forwards to /verify/<code>.
 */
export const verifyThrottle = {
  take: async (db: Db, address: string, now = new Date()) =>
    toThrottle(await consumeTokenBucket(db, throttleKeys.verify(address), VERIFY_LIMIT, now)),
  giveBack: (db: Db, address: string) =>
    refundTokenBucket(db, throttleKeys.verify(address), VERIFY_LIMIT),
  check: async (db: Db, address: string, now = new Date()) =>
    toThrottle(await peekTokenBucket(db, throttleKeys.verify(address), VERIFY_LIMIT, now)),
};

function toThrottle(result: { allowed: boolean; retryAfterSeconds: number }): Throttle {
  return result.allowed
    ? { allowed: true }
    : { allowed: false, retryAfterSeconds: result.retryAfterSeconds };
}

/**
 * Response headers of a route whose loader or action may answer 429: React Router copies only
 * `Set-Cookie` from `data(…, { headers })` onto a page unless the route exports `headers`.
 */
export function withRetryAfter({
  actionHeaders,
  loaderHeaders,
  parentHeaders,
}: {
  actionHeaders: Headers;
  loaderHeaders: Headers;
  parentHeaders: Headers;
  errorHeaders?: Headers | undefined;
}): Headers {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
}
