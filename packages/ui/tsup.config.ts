import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  // Every component uses hooks or React Aria: mark the whole entry as client code for RSC-aware
  // bundlers. Harmless for React Router's SSR, which renders client components on the server.
  banner: { js: '"use client";' },
  external: ["react", "react-dom", "react-aria-components", "@peacelearn/domain"],
});
