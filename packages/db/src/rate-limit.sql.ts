import { z } from "zod";
import { definePreparedQuery, epochMsColumn, timestampParam } from "./prepared-query";

/** One attempt against a fixed window: an atomic upsert (see `consumeRateLimit`). */
export const consumeFixedWindow = definePreparedQuery({
  name: "rate_limit_consume_window",
  params: z.tuple([z.string(), timestampParam, timestampParam]),
  row: z.object({ count: z.number().int(), windowStartsAt: epochMsColumn }),
  // $1 key, $2 now, $3 the start of the window that ends now.
  sql: `INSERT INTO "RateLimitBucket" ("key", "windowStartsAt", "count", "updatedAt")
    VALUES ($1, $2, 1, $2)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStartsAt" <= $3
                     THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStartsAt" = CASE WHEN "RateLimitBucket"."windowStartsAt" <= $3
                     THEN $2 ELSE "RateLimitBucket"."windowStartsAt" END,
      "updatedAt" = $2
    RETURNING "count", (extract(epoch FROM "windowStartsAt") * 1000)::float8 AS "windowStartsAt"`,
});

/** Takes one token (GCRA) unless the bucket is empty: an atomic upsert (see `consumeTokenBucket`). */
export const consumeToken = definePreparedQuery({
  name: "rate_limit_consume_token",
  params: z.tuple([z.string(), timestampParam, timestampParam, timestampParam, z.number()]),
  row: z.object({ arrival: epochMsColumn, refused: z.number().int() }),
  // $1 key, $2 the arrival time of a fresh bucket, $3 now, $4 the latest arrival still allowed,
  // $5 seconds per token.
  sql: `INSERT INTO "RateLimitBucket" ("key", "windowStartsAt", "count", "updatedAt")
    VALUES ($1, $2, 0, $3)
    ON CONFLICT ("key") DO UPDATE SET
      "windowStartsAt" = CASE
        WHEN "RateLimitBucket"."windowStartsAt" > $4 THEN "RateLimitBucket"."windowStartsAt"
        WHEN "RateLimitBucket"."windowStartsAt" < $3 THEN $2
        ELSE "RateLimitBucket"."windowStartsAt" + make_interval(secs => $5::float8)
      END,
      "count" = CASE WHEN "RateLimitBucket"."windowStartsAt" > $4
                     THEN "RateLimitBucket"."count" + 1 ELSE 0 END,
      "updatedAt" = $3
    RETURNING (extract(epoch FROM "windowStartsAt") * 1000)::float8 AS "arrival",
      "count" AS "refused"`,
});

/** Gives one token back (see `refundTokenBucket`). */
export const refundToken = definePreparedQuery({
  name: "rate_limit_refund_token",
  params: z.tuple([z.string(), z.number()]),
  row: z.object({}),
  sql: `UPDATE "RateLimitBucket"
    SET "windowStartsAt" = "windowStartsAt" - make_interval(secs => $2::float8)
    WHERE "key" = $1`,
});
