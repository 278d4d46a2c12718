import type { Options } from "@node-rs/argon2";

/**
 * argon2id parameters for every password hash in Peacelearn (the app's login and the demo seed
 * share them, so a seeded account verifies like any other). Values are OWASP's Password Storage
 * Cheat Sheet minimum for argon2id: m = 19 MiB, t = 2, p = 1 — ≈ 65 ms per hash on the 2-core
 * machines this runs on (STACK.md), cheap enough for a login, costly for an attacker.
 */
export const PASSWORD_HASH_OPTIONS = {
  // Algorithm.Argon2id; the enum is `const` in @node-rs/argon2's typings, unusable with isolatedModules.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const satisfies Options;
