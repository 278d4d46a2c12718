import { fileURLToPath } from "node:url";
import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [tailwindcss(), reactRouter()],
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  ssr: {
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
});
