// The one database fixture of the app's tests: a fresh, migrated database per test file (PGlite,
// or the PostgreSQL server with TEST_DATABASE_TARGET=postgres), handed to the app's data layer.
import type { Db } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import { afterAll, beforeAll } from "vitest";
import { provideTestDatabase } from "~/lib/db.server";

/**
 * Registers `beforeAll`/`afterAll` hooks that create the test file's database (and run `setUp`
 * on it, e.g. `seedDemo`) and close it; returns a getter, valid from the file's first hook on.
 * Call it once, at the top level of a test file, before the file's own hooks.
 */
export function useTestDatabase(setUp?: (db: Db) => Promise<unknown>): () => Db {
  let current: Db | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await createTestDb();
    current = created.db;
    close = created.close;
    provideTestDatabase(created.db);
    await setUp?.(created.db);
  }, 120_000);
  afterAll(async () => {
    await close?.();
  });
  return () => {
    if (!current) throw new Error("useTestDatabase(): the database exists from beforeAll on");
    return current;
  };
}
