import { PGlite } from "@electric-sql/pglite";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "../create-db";
import { createTestPglite } from "../testing";
import { isUniqueViolation } from "../unique-violation";

// The production server build (apps/learn/vite.config.ts) bundles this package's source, and with
// it a copy of @prisma/driver-adapter-utils for the wrapper, while pglite-prisma-adapter stays
// external and throws with the copy installed in node_modules: two DriverAdapterError classes.
// The same split is reproduced here: the wrapper (source, run by vitest) gets the utilities'
// CommonJS build, while the library (external, loaded by Node) keeps importing their ESM build.
vi.mock("@prisma/driver-adapter-utils", async () => {
  const { createRequire } = await import("node:module");
  return createRequire(import.meta.url)("@prisma/driver-adapter-utils");
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the write to fail");
}

let db: Db;
beforeAll(async () => {
  // Always PGlite, also in `test:postgres`: this is about the PGlite adapter.
  db = await createDb({ pglite: await createTestPglite(), migrate: "check" });
});
afterAll(() => db?.$disconnect());

describe("PGlite errors thrown with another copy of Prisma's driver-adapter utilities", () => {
  it("the adapter library throws a DriverAdapterError that is not the wrapper's class", async () => {
    // The precondition of the production fault, checked so this file cannot pass on one copy.
    const pglite = await PGlite.create();
    try {
      const adapter = await new PrismaPGlite(pglite).connect();
      await adapter.executeScript("CREATE TABLE t (k int PRIMARY KEY); INSERT INTO t VALUES (1)");
      const error = await rejection(
        adapter.queryRaw({
          sql: "INSERT INTO t VALUES ($1)",
          args: [1],
          argTypes: [{ scalarType: "int", arity: "scalar" }],
        }),
      );
      expect(error).toMatchObject({ name: "DriverAdapterError", cause: { code: "23505" } });
      expect(error).not.toBeInstanceOf(DriverAdapterError);
    } finally {
      await pglite.close();
    }
  });

  it("a repeated idempotency key is still P2002 on idempotencyKey (the knowledge-check replay)", async () => {
    const user = await db.user.create({ data: { email: "replay@example.org", displayName: "R" } });
    const course = await db.course.create({
      data: {
        key: "replay-course",
        modules: {
          create: { key: "m1", position: 1, knowledgeChecks: { create: { key: "check" } } },
        },
      },
      select: { modules: { select: { knowledgeChecks: { select: { id: true } } } } },
    });
    const check = course.modules[0]?.knowledgeChecks[0];
    if (!check) throw new Error("the nested write created no check");
    const attempt = {
      knowledgeCheckId: check.id,
      userId: user.id,
      idempotencyKey: "replayed-token",
      answers: {},
      score: 0,
      passed: false,
    };
    await db.knowledgeCheckAttempt.create({ data: attempt });
    const error = await rejection(db.knowledgeCheckAttempt.create({ data: attempt }));
    expect((error as { code?: unknown }).code).toBe("P2002");
    expect(isUniqueViolation(error, "idempotencyKey")).toBe(true);
  });

  it("a second account with the same e-mail is P2002 on email", async () => {
    await db.user.create({ data: { email: "twice@example.org", displayName: "A" } });
    const error = await rejection(
      db.user.create({ data: { email: "TWICE@example.org", displayName: "B" } }),
    );
    expect((error as { code?: unknown }).code).toBe("P2002");
    expect(isUniqueViolation(error, "email")).toBe(true);
  });

  it("inside an interactive transaction too", async () => {
    await db.user.create({ data: { email: "tx@example.org", displayName: "A" } });
    const error = await rejection(
      db.$transaction(async (tx) => {
        await tx.user.create({ data: { email: "tx@example.org", displayName: "B" } });
      }),
    );
    expect(isUniqueViolation(error, "email")).toBe(true);
  });

  it("a dangling reference is P2003", async () => {
    const error = await rejection(
      db.session.create({ data: { id: "c".repeat(64), userId: "nobody", expiresAt: new Date() } }),
    );
    expect((error as { code?: unknown }).code).toBe("P2003");
  });
});
