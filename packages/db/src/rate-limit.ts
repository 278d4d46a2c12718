import type { Db } from "./create-db";
import { consumeFixedWindow, consumeToken, refundToken } from "./rate-limit.sql";

export type RateLimitRule = {
  /** Attempts allowed per window. */
  limit: number;
  windowSeconds: number;
};

export type RateLimitResult = {
  allowed: boolean;
  /** Attempts counted in the current window, this one included. */
  count: number;
  remaining: number;
  /** Seconds until the window resets (0 when allowed). */
  retryAfterSeconds: number;
};

/**
 * Counts one attempt against `key` in a fixed window and says whether it is within the limit.
 * One atomic `INSERT … ON CONFLICT DO UPDATE`, so concurrent requests can never both slip under
 * the limit. Suggested keys: `login:account:<lower-cased e-mail>` and `login:ip:<address>`
 * (eraseUser deletes buckets whose key contains the person's e-mail).
 */
export async function consumeRateLimit(
  db: Db,
  key: string,
  rule: RateLimitRule,
  now: Date = new Date(),
): Promise<RateLimitResult> {
  const windowStart = new Date(now.getTime() - rule.windowSeconds * 1000);
  const row = await consumeFixedWindow.one(db, key, now, windowStart);
  if (!row) throw new Error("consumeRateLimit: the upsert returned no row");
  const count = row.count;
  const allowed = count <= rule.limit;
  const resetsAt = row.windowStartsAt.getTime() + rule.windowSeconds * 1000;
  return {
    allowed,
    count,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((resetsAt - now.getTime()) / 1000)),
  };
}

/** Forgets a key's attempts (e.g. the account's bucket after a successful login). */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}

/** Deletes buckets untouched since `before` (run now and then; they hold IP addresses). */
export async function pruneRateLimits(db: Db, before: Date): Promise<number> {
  return (await db.rateLimitBucket.deleteMany({ where: { updatedAt: { lt: before } } })).count;
}

/**
 * A token bucket: `burst` attempts at once, then one more every `intervalSeconds`. Unlike a
 * fixed window, a person who used the burst waits only until the next token (seconds or minutes),
 * not until a long window ends, while the sustained rate an attacker gets is the same.
 */
export type TokenBucketRule = {
  burst: number;
  intervalSeconds: number;
};

export type TokenBucketResult = {
  allowed: boolean;
  /** Attempts still allowed right now, after this one. */
  remaining: number;
  /** Seconds until the next attempt is allowed (0 when allowed). */
  retryAfterSeconds: number;
};

/**
 * Takes one token from `key`'s bucket (GCRA: the row keeps the "theoretical arrival time", the
 * moment the bucket is full again). A refused attempt takes nothing, so hammering a full bucket
 * does not push the owner's next attempt further away. One atomic upsert, so concurrent requests
 * can never take more than the bucket holds.
 */
export async function consumeTokenBucket(
  db: Db,
  key: string,
  rule: TokenBucketRule,
  now: Date = new Date(),
): Promise<TokenBucketResult> {
  const intervalMs = rule.intervalSeconds * 1000;
  const toleranceMs = (rule.burst - 1) * intervalMs;
  // Allowed when the stored arrival time is at most `now + tolerance`; the new one is then
  // max(stored, now) + interval. Both bounds are computed here so the SQL compares timestamps only.
  const latestAllowed = new Date(now.getTime() + toleranceMs);
  const fresh = new Date(now.getTime() + intervalMs);
  const row = await consumeToken.one(db, key, fresh, now, latestAllowed, rule.intervalSeconds);
  if (!row) throw new Error("consumeTokenBucket: the upsert returned no row");
  const arrivalMs = row.arrival.getTime();
  if (row.refused > 0) {
    return {
      allowed: false,
      remaining: 0,
      retryAfterSeconds: Math.max(1, Math.ceil((arrivalMs - toleranceMs - now.getTime()) / 1000)),
    };
  }
  return {
    allowed: true,
    remaining: Math.max(0, Math.floor((now.getTime() + toleranceMs - arrivalMs) / intervalMs) + 1),
    retryAfterSeconds: 0,
  };
}

/**
 * Whether `key`'s bucket would allow an attempt now, without taking a token: for a page that
 * only forwards to the one that counts (the /verify form forwards to /verify/<code>).
 */
export async function peekTokenBucket(
  db: Db,
  key: string,
  rule: TokenBucketRule,
  now: Date = new Date(),
): Promise<TokenBucketResult> {
  const intervalMs = rule.intervalSeconds * 1000;
  const toleranceMs = (rule.burst - 1) * intervalMs;
  const row = await db.rateLimitBucket.findUnique({
    where: { key },
    select: { windowStartsAt: true },
  });
  const arrivalMs = Math.max(row?.windowStartsAt.getTime() ?? 0, now.getTime());
  const waitMs = arrivalMs - toleranceMs - now.getTime();
  if (waitMs > 0) {
    return { allowed: false, remaining: 0, retryAfterSeconds: Math.ceil(waitMs / 1000) };
  }
  return {
    allowed: true,
    remaining: Math.floor((now.getTime() + toleranceMs - arrivalMs) / intervalMs) + 1,
    retryAfterSeconds: 0,
  };
}

/**
 * Gives back one token taken by `consumeTokenBucket`, for an attempt that turned out not to be a
 * guess (a certificate code that exists). Taking first and giving back afterwards keeps the
 * bucket exact under concurrent requests, which checking first and taking afterwards would not.
 */
export async function refundTokenBucket(db: Db, key: string, rule: TokenBucketRule): Promise<void> {
  await refundToken.run(db, key, rule.intervalSeconds);
}
