import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Workspace packages resolve to their TypeScript source: no build needed to test.
    conditions: ["@peacelearn/source"],
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  ssr: { resolve: { conditions: ["@peacelearn/source"] } },
  test: {
    // Playwright specs in tests/e2e are not vitest's.
    include: ["app/**/*.test.{ts,tsx}"],
    environment: "node",
    // The test kit's matchers (toRedirectTo, toHaveStatus): app/test/matchers.ts.
    setupFiles: ["./app/test/setup.ts"],
    // Real databases and argon2 on a 2-core runner: generous limits, so slowness is never a failure.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
