import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@peacelearn/source"] },
  ssr: { resolve: { conditions: ["@peacelearn/source"] } },
  test: {
    include: ["src/**/*.test.ts"],
    // PGlite needs ~1 s to load a template and a few seconds to build one the first time.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
