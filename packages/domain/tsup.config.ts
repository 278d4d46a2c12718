import { defineConfig } from "tsup";

export default defineConfig({
  // Two entries: the vocabulary, and the National Action Plan dataset at `@peacelearn/domain/naps`
  // (ADR 032), so that importing a label never ships the dataset.
  entry: ["src/index.ts", "src/naps.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
});
