import { defineConfig } from "vitest/config";

export default defineConfig({
  // Resolve @peacelearn/domain to its TypeScript source: no build needed before testing.
  resolve: { conditions: ["@peacelearn/source"] },
  ssr: { resolve: { conditions: ["@peacelearn/source"] } },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    // jsdom + axe per component is slow on a busy 2-core runner.
    testTimeout: 30_000,
  },
});
