import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumeRateLimit, pruneRateLimits, resetRateLimit } from "./rate-limit";
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
