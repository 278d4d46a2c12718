import type { Db } from "./create-db";

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
  const rows = await db.$queryRaw<Array<{ count: number; windowStartsAt: Date }>>`
    INSERT INTO "RateLimitBucket" ("key", "windowStartsAt", "count", "updatedAt")
    VALUES (${key}, ${now}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStartsAt" <= ${windowStart}
                     THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStartsAt" = CASE WHEN "RateLimitBucket"."windowStartsAt" <= ${windowStart}
                     THEN ${now} ELSE "RateLimitBucket"."windowStartsAt" END,
      "updatedAt" = ${now}
    RETURNING "count", "windowStartsAt"`;
  const row = rows[0];
  if (!row) throw new Error("consumeRateLimit: the upsert returned no row");
  const count = Number(row.count);
  const allowed = count <= rule.limit;
  const resetsAt = new Date(row.windowStartsAt).getTime() + rule.windowSeconds * 1000;
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
