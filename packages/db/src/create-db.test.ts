import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, guardPoolClients } from "./create-db";
import { DatabaseInUseError, DatabaseSetupError, DatabaseUnreachableError } from "./errors";

const target = process.env.TEST_DATABASE_TARGET === "postgres" ? "postgres" : "pglite";

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected createDb to fail");
}

describe("createDb with an unreachable server", () => {
  it("says what is wrong and what to do, without a stack trace or the password", async () => {
    // Port 1 (tcpmux) has no PostgreSQL on these machines: the connection is refused at once.
    const error = await failure(
      createDb({ databaseUrl: "postgresql://peace:s3cret@127.0.0.1:1/learn" }),
    );
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    expect(error).toBeInstanceOf(DatabaseSetupError);
    expect((error as DatabaseSetupError).code).toBe("database-unreachable");
    expect(error.message).toBe(
      "Cannot reach the database at postgresql://peace:***@127.0.0.1:1/learn (nothing is listening there — the server is not running). Check that PostgreSQL is running and that DATABASE_URL is right — or unset DATABASE_URL to use the built-in database.",
    );
  });

  it("names an unknown host", async () => {
    const error = await failure(
      createDb({ databaseUrl: "postgresql://postgres@no-such-host.invalid/x" }),
    );
    expect(error.message).toContain("the host name is unknown");
  });

  it.runIf(target === "postgres")(
    "names a database that does not exist on a live server",
    async () => {
      const url = new URL(
        process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
      );
      url.pathname = "/peacelearn_does_not_exist";
      const error = await failure(createDb({ databaseUrl: url.toString() }));
      expect(error).toBeInstanceOf(DatabaseUnreachableError);
      expect(error.message).toContain("that database does not exist");
    },
  );
});

describe.runIf(target === "pglite")("the embedded database in a folder", () => {
  // Made in beforeAll: code in a skipped describe's body still runs, its afterAll does not.
  let dir = "";
  let dataDir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "peacelearn-embedded-"));
    dataDir = join(dir, "nested", "pglite");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is created and migrated on first start, keeps its data, and refuses a second opener", async () => {
    const first = await createDb({ databaseUrl: "", pgliteDir: dataDir });
    await first.user.create({ data: { email: "kept@example.org", displayName: "Kept" } });
    expect(existsSync(`${dataDir}.lock`)).toBe(true);

    const second = await failure(createDb({ databaseUrl: "", pgliteDir: dataDir }));
    expect(second).toBeInstanceOf(DatabaseInUseError);
    expect(second.message).toMatch(/already open in another program \(process \d+\)/);

    await first.$disconnect();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    const started = performance.now();
    const reopened = await createDb({ databaseUrl: "", pgliteDir: dataDir });
    const reopenMs = performance.now() - started;
    try {
      expect(
        await reopened.user.findUnique({ where: { email: "kept@example.org" } }),
      ).not.toBeNull();
      // Reopening a persisted folder is quick (STACK.md: ~0.65 s); allow for a loaded CI machine.
      expect(reopenMs).toBeLessThan(15_000);
      console.info(`PGlite reopen of a persisted folder: ${Math.round(reopenMs)} ms`);
    } finally {
      await reopened.$disconnect();
    }
  });
});

describe.runIf(target === "postgres")("a connection the server drops", () => {
  it("never throws from a checked-out client's error event (the 57P01 race)", async () => {
    const pool = new pg.Pool({
      connectionString:
        process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
      max: 1,
    });
    guardPoolClients(pool);
    try {
      const client = await pool.connect();
      // As the server's "terminating connection" reaches a client pg-pool has just handed out:
      // without a listener, EventEmitter throws it and the process dies.
      expect(() =>
        client.emit("error", Object.assign(new Error("terminating connection"), { code: "57P01" })),
      ).not.toThrow();
      client.release(true);
    } finally {
      await pool.end();
    }
  });
});
