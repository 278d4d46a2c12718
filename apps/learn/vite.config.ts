import { fileURLToPath } from "node:url";
import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";
import { defaultClientConditions, defaultServerConditions, defineConfig } from "vite";

// The dev server reads the published workspace packages from their TypeScript source through
// their private export condition; the production build gets their `dist`, as consumers do.
const source = (dev: boolean, defaults: readonly string[]) =>
  dev ? ["@peacelearn/source", ...defaults] : [...defaults];

export default defineConfig(({ command }) => ({
  plugins: [tailwindcss(), reactRouter()],
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
    conditions: source(command === "serve", defaultClientConditions),
  },
  ssr: {
    resolve: { conditions: source(command === "serve", defaultServerConditions) },
    // Packages with native or WebAssembly parts that find their files next to their own modules:
    // they stay in node_modules instead of being bundled into the server build.
    external: [
      "@electric-sql/pglite",
      "@electric-sql/pglite/contrib/citext",
      "@node-rs/argon2",
      "@prisma/adapter-pg",
      "@prisma/client",
      "pg",
      "pglite-prisma-adapter",
    ],
  },
  server: { host: "127.0.0.1" },
}));
