import pg from "pg";
import { describe, expect, it } from "vitest";
import { connectionParams } from "./connection-params";
import { createTestDb } from "./testing";

describe("createTestDb", () => {
  it("gives each caller its own empty, migrated database and deletes it on close", async () => {
    const [a, b] = await Promise.all([createTestDb(), createTestDb()]);
    try {
      await a.db.user.create({ data: { email: "only-in-a@example.org", displayName: "A" } });
      expect(await a.db.user.count()).toBe(1);
      expect(await b.db.user.count()).toBe(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    if (a.target === "postgres") {
      const admin = new pg.Client(
        connectionParams(
          process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
        ),
      );
      await admin.connect();
      const names = [a.databaseUrl, b.databaseUrl].map((url) =>
        new URL(url ?? "").pathname.slice(1),
      );
      const left = await admin.query("SELECT datname FROM pg_database WHERE datname = ANY($1)", [
        names,
      ]);
      await admin.end();
      expect(left.rowCount).toBe(0);
    }
  });
});
