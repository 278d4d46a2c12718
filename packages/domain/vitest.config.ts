import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@peacelearn/source"] },
  ssr: { resolve: { conditions: ["@peacelearn/source"] } },
  test: {
    include: ["src/**/*.test.ts"],
    // The property tests run thousands of suppression audits: seconds on a quiet machine, much
    // longer on a 2-core CI runner busy with other packages' tests.
    testTimeout: 120_000,
  },
});
