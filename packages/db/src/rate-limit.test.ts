import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  consumeRateLimit,
  consumeTokenBucket,
  peekTokenBucket,
  pruneRateLimits,
  refundTokenBucket,
  resetRateLimit,
} from "./rate-limit";
import { createTestDb, type TestDb } from "./testing";

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test?.close());

const rule = { limit: 5, windowSeconds: 60 };
const t0 = new Date("2026-11-27T10:00:00.000Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe("consumeRateLimit", () => {
  it("allows `limit` attempts per window, then says how long to wait", async () => {
    const results = [];
    for (let i = 0; i < 6; i++)
      results.push(await consumeRateLimit(test.db, "login:ip:198.51.100.7", rule, at(i)));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, true, true, false]);
    expect(results.map((result) => result.remaining)).toEqual([4, 3, 2, 1, 0, 0]);
    // Window opened at t0 and lasts 60 s; the 6th attempt at t0+5 s must wait 55 s.
    expect(results[5]?.retryAfterSeconds).toBe(55);
  });

  it("opens a new window once the old one has passed", async () => {
    const result = await consumeRateLimit(test.db, "login:ip:198.51.100.7", rule, at(61));
    expect(result).toEqual({ allowed: true, count: 1, remaining: 4, retryAfterSeconds: 0 });
  });

  it("lets exactly `limit` of many simultaneous attempts through", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        consumeRateLimit(test.db, "login:account:x@example.org", rule, t0),
      ),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(5);
    expect(results.map((result) => result.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it("forgets a key on reset and prunes idle buckets", async () => {
    await resetRateLimit(test.db, "login:account:x@example.org");
    expect((await consumeRateLimit(test.db, "login:account:x@example.org", rule, t0)).count).toBe(
      1,
    );
    expect(await pruneRateLimits(test.db, at(3600))).toBe(2);
    expect(await test.db.rateLimitBucket.count()).toBe(0);
  });
});

describe("consumeTokenBucket", () => {
  // Burst 3, then one every 60 s: the arrival time of a fresh bucket after one attempt at t0 is
  // t0 + 60 s, and the bucket refuses once that arrival time is past t0 + (3 - 1) × 60 s.
  const bucket = { burst: 3, intervalSeconds: 60 };
  const key = "login:pair:x@example.org|198.51.100.7";

  it("allows the burst at once, then says how long until the next token", async () => {
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await consumeTokenBucket(test.db, key, bucket, at(i)));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false, false]);
    expect(results.map((result) => result.remaining)).toEqual([2, 1, 0, 0, 0]);
    // Three tokens taken at t0..t0+2 s push the arrival time to t0 + 180 s; a fourth attempt
    // is allowed once arrival − 120 s ≤ now, i.e. at t0 + 60 s: 57 s after t0 + 3 s.
    expect(results[3]?.retryAfterSeconds).toBe(57);
    expect(results[4]?.retryAfterSeconds).toBe(56);
  });

  it("refused attempts take nothing: the next token comes when it would have anyway", async () => {
    for (let i = 5; i < 50; i++) await consumeTokenBucket(test.db, key, bucket, at(i));
    expect((await consumeTokenBucket(test.db, key, bucket, at(59))).allowed).toBe(false);
    const next = await consumeTokenBucket(test.db, key, bucket, at(60));
    expect(next).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    // One token per interval from then on, never the whole burst back at once.
    expect((await consumeTokenBucket(test.db, key, bucket, at(61))).allowed).toBe(false);
    expect((await consumeTokenBucket(test.db, key, bucket, at(120))).allowed).toBe(true);
  });

  it("is full again after burst × interval of quiet", async () => {
    // Arrival times: t0 + 180 s after the burst, + 60 s at t0 + 60 s and again at t0 + 120 s,
    // so t0 + 300 s: full from then on.
    const results = [];
    for (let i = 0; i < 4; i++)
      results.push(await consumeTokenBucket(test.db, key, bucket, at(300 + i)));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
  });

  it("peeks without taking, and a refund gives one token back", async () => {
    const other = "verify:ip:192.0.2.9";
    expect(await peekTokenBucket(test.db, other, bucket, t0)).toMatchObject({
      allowed: true,
      remaining: 3,
    });
    for (let i = 0; i < 3; i++) await consumeTokenBucket(test.db, other, bucket, t0);
    expect(await peekTokenBucket(test.db, other, bucket, t0)).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterSeconds: 60,
    });
    await refundTokenBucket(test.db, other, bucket);
    expect(await peekTokenBucket(test.db, other, bucket, t0)).toMatchObject({
      allowed: true,
      remaining: 1,
    });
    expect((await consumeTokenBucket(test.db, other, bucket, t0)).allowed).toBe(true);
    expect((await consumeTokenBucket(test.db, other, bucket, t0)).allowed).toBe(false);
  });

  it("lets exactly `burst` of many simultaneous attempts through", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        consumeTokenBucket(test.db, "login:ip:203.0.113.1", bucket, t0),
      ),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(3);
  });
});
