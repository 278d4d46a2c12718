import type { RateLimitRule } from "@peacelearn/db";

/**
 * Ten login attempts per account and fifty per client address in fifteen minutes: enough for a
 * forgetful person or a training room behind one shared connection, far too few for guessing.
 */
export const LOGIN_LIMITS = {
  perAccount: { limit: 10, windowSeconds: 15 * 60 },
  perAddress: { limit: 50, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;
