import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@peacelearn/source"] },
  ssr: { resolve: { conditions: ["@peacelearn/source"] } },
  test: {
    include: ["src/**/*.test.ts"],
    // The importer's tests use a real PGlite database (~1 s to load, a few seconds to build its
    // template the first time) and the CLI's spawn tsx and open a database folder.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
