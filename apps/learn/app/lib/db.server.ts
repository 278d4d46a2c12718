import { createDb, type Db } from "@peacelearn/db";
import { env } from "./env.server";

// One database per process. Kept on globalThis so the dev server's module reloads reuse it: the
// embedded database allows one opener per folder.
const holder = globalThis as typeof globalThis & { __peacelearnDb?: Promise<Db> };

/** The app's database, opened (and, for the embedded one, migrated) on first use. */
export function getDb(): Promise<Db> {
  let opening = holder.__peacelearnDb;
  if (!opening) {
    opening = createDb({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
    holder.__peacelearnDb = opening;
    const current = opening;
    // A failed open (server down, folder locked) is retried by the next request, not cached.
    opening.catch((error: unknown) => {
      if (holder.__peacelearnDb === current) holder.__peacelearnDb = undefined;
      console.error(error instanceof Error ? error.message : error);
    });
  }
  return opening;
}

/**
 * Tests hand the app their own throw-away database — or a failed opening (a server that was down
 * when the app started), which every request then meets, as `getDb` would have made it.
 */
export function provideTestDatabase(db: Db | Promise<Db>) {
  const provided = Promise.resolve(db);
  provided.catch(() => {});
  holder.__peacelearnDb = provided;
}
