// The errors a real database gives while it is out of reach are classified as unavailable; the
// errors of a database that answers (a duplicate, bad SQL, a missing row) are not.
import { DatabaseUnreachableError, Prisma, preparedStatement, queryPrepared } from "@peacelearn/db";
import { data } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutageDatabase, type OutageDatabase } from "~/test/outage-database";
import { isDatabaseUnavailable } from "./database-unavailable.server";

const COUNT_USERS = preparedStatement(
  "test_outage_count_users",
  'SELECT count(*)::int AS n FROM "User"',
);

async function thrown(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

let outage: OutageDatabase;

beforeAll(async () => {
  outage = await createOutageDatabase();
}, 180_000);
afterAll(async () => outage?.close());

describe(`a database that answers (${process.env.TEST_DATABASE_TARGET ?? "pglite"})`, () => {
  it("refusals are not outages", async () => {
    const { db } = outage;
    await db.user.create({ data: { email: "twice@test.example", displayName: "Twice" } });
    const duplicate = await thrown(() =>
      db.user.create({ data: { email: "twice@test.example", displayName: "Again" } }),
    );
    expect(duplicate).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    const badSql = await thrown(() => db.$queryRawUnsafe("SELECT * FROM no_such_table"));
    expect(isDatabaseUnavailable(badSql)).toBe(false);
    const missing = await thrown(() =>
      db.user.findUniqueOrThrow({ where: { email: "nobody@test.example" } }),
    );
    expect(isDatabaseUnavailable(missing)).toBe(false);
    expect(isDatabaseUnavailable(data(null, { status: 404 }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Unexpected Server Error"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it("an interactive transaction that expired or broke (P2028) is an outage", async () => {
    const { db } = outage;
    const expired = await thrown(() =>
      db.$transaction(
        async (tx) => {
          await new Promise((resolve) => setTimeout(resolve, 200));
          await tx.user.count();
        },
        { timeout: 20 },
      ),
    );
    expect(expired).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((expired as Prisma.PrismaClientKnownRequestError).code).toBe("P2028");
    expect(isDatabaseUnavailable(expired)).toBe(true);
    // What a COMMIT whose connection broke gives (bench:fault, fast stop), in Prisma's wrapping.
    const closed = new Prisma.PrismaClientKnownRequestError(
      "Transaction API error: Transaction already closed: A rollback cannot be executed on a committed transaction.",
      { code: "P2028", clientVersion: Prisma.prismaVersion.client },
    );
    expect(isDatabaseUnavailable(closed)).toBe(true);
  });

  it.runIf(process.env.TEST_DATABASE_TARGET === "postgres")(
    "a query whose connection the server ends (57P01 admin shutdown) is an outage",
    async () => {
      const { db } = outage;
      // Settled at once, so the rejection is never unhandled while the admin connection works.
      const settled = db.$queryRaw`SELECT pg_sleep(5)::text AS slept`.then(
        () => undefined,
        (error: unknown) => error,
      );
      // Our own session ends it, on our own throw-away database: the shared server runs on.
      const admin = outage.direct;
      if (!admin) throw new Error("no direct connection");
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const ended = await admin.$queryRawUnsafe<unknown[]>(
          "SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%pg_sleep(5)%' AND pid <> pg_backend_pid()",
        );
        if (ended.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const error = await settled;
      expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
      expect((error as Prisma.PrismaClientKnownRequestError).code).toBe("P2010");
      expect(isDatabaseUnavailable(error)).toBe(true);
    },
  );
});

describe("a database that went away", () => {
  let errors: Record<string, unknown> = {};

  beforeAll(async () => {
    await outage.cut();
    const { db } = outage;
    errors = {
      "model query": await thrown(() => db.user.count()),
      write: await thrown(() =>
        db.user.create({ data: { email: "late@test.example", displayName: "Late" } }),
      ),
      "interactive transaction": await thrown(() => db.$transaction((tx) => tx.user.count())),
      "batch transaction": await thrown(() => db.$transaction([db.user.count()])),
      "raw query": await thrown(() => db.$queryRaw`SELECT 1`),
      "prepared statement (driver directly)": await thrown(() =>
        queryPrepared(db, COUNT_USERS, []),
      ),
    };
  });

  it.each([
    "model query",
    "write",
    "interactive transaction",
    "batch transaction",
    "raw query",
    "prepared statement (driver directly)",
  ])("%s: an outage", (name) => {
    expect(errors[name]).toBeDefined();
    expect(isDatabaseUnavailable(errors[name])).toBe(true);
  });

  it("a server that was down when the app opened it: an outage", () => {
    const error = new DatabaseUnreachableError("postgresql://db.example/peacelearn", "refused", {
      cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
        code: "ECONNREFUSED",
      }),
    });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });
});

// Shapes seen against a private PostgreSQL 15 cluster (restarted, crashed, frozen) that a shared
// test server cannot be made to produce; see the comment on isDatabaseUnavailable.
describe("errors of a server restarting or recovering", () => {
  it.each([
    [
      "57P03 recovery mode, through the adapter",
      adapterError("57P03", "the database system is in recovery mode"),
    ],
    [
      "57P03 shutting down, from node-postgres",
      pgError("57P03", "the database system is shutting down"),
    ],
    [
      "57P01 on an idle connection after a restart",
      adapterError("57P01", "terminating connection due to administrator command"),
    ],
    ["08006 connection failure", pgError("08006", "connection failure")],
    [
      "a frozen server: pool connect timeout",
      new Error("Connection terminated due to connection timeout", {
        cause: new Error("Connection terminated unexpectedly"),
      }),
    ],
    [
      "a connection killed inside a transaction",
      new Error("Client has encountered a connection error and is not queryable"),
    ],
  ])("%s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("08P01 (a protocol violation: a bug, not an outage) is not one", () => {
    expect(isDatabaseUnavailable(pgError("08P01", "invalid message format"))).toBe(false);
  });
});

/** What @prisma/adapter-pg throws: a DriverAdapterError whose cause is the mapped error. */
function adapterError(code: string, message: string) {
  return Object.assign(new Error(message), {
    name: "DriverAdapterError",
    cause: {
      originalCode: code,
      originalMessage: message,
      kind: "postgres",
      code,
      severity: "FATAL",
      message,
    },
  });
}

/** What node-postgres throws for an ErrorResponse from the server (its `DatabaseError`). */
function pgError(code: string, message: string) {
  return Object.assign(new Error(message), { name: "error", code, severity: "FATAL" });
}
