// Must run before anything creates a timer: see the file.
import "./prisma/cli-timers";
import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { defineConfig } from "prisma/config";
import { createServerCliAdapterFactory } from "./src/adapters/pg-cli-adapter";
import { PeacelearnPGliteFactory, PGLITE_EXTENSIONS } from "./src/adapters/pglite-adapter";
import { acquirePgliteDirLock, resolvePgliteDir } from "./src/pglite-dir";

// DATABASE_URL set → the PostgreSQL server; unset → the embedded PGlite folder the app uses
// (PGLITE_DIR, default <repo>/.data/pglite).
const serverUrl = process.env.DATABASE_URL;

// The schema keeps `url = env("DATABASE_URL")`: without it `validate`/`generate` try to download
// an engine (STACK.md fault 1). Prisma warns that the value is unused — expected.
process.env.DATABASE_URL ??= "postgresql://unused@localhost:5432/unused";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: () => {
    // The CLI asks more than once per command; open the folder only once.
    factory ??= serverUrl
      ? Promise.resolve(createServerCliAdapterFactory(serverUrl))
      : openPglite();
    return factory;
  },
});

let factory: Promise<SqlMigrationAwareDriverAdapterFactory> | undefined;

async function openPglite(): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const dataDir = resolvePgliteDir();
  acquirePgliteDirLock(dataDir);
  const client = await PGlite.create({ dataDir, extensions: PGLITE_EXTENSIONS });
  // Close cleanly once the CLI is done (its timers are unref'd, so the loop empties).
  process.once("beforeExit", () => void client.close());
  return new PeacelearnPGliteFactory(client);
}
