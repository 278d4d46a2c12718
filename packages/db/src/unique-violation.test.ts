import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { Prisma } from "./generated/prisma/client";
import { isUniqueViolation } from "./unique-violation";

type Runtime = { PrismaClientKnownRequestError: typeof Prisma.PrismaClientKnownRequestError };

/** The build of @prisma/client's runtime that the generated client here does not use. */
async function otherRuntime(): Promise<Runtime> {
  const dir = dirname(createRequire(import.meta.url).resolve("@prisma/client/runtime/client"));
  const builds = await Promise.all(
    ["client.js", "client.mjs"].map(
      (file) => import(pathToFileURL(join(dir, file)).href) as Promise<Runtime>,
    ),
  );
  const others = builds.filter(
    (build) => build.PrismaClientKnownRequestError !== Prisma.PrismaClientKnownRequestError,
  );
  // One build is the generated client's own; the other is a second class of the same name.
  expect(others).toHaveLength(1);
  return others[0] as Runtime;
}

describe("isUniqueViolation", () => {
  it("recognises a P2002 thrown by the other build of Prisma's runtime", async () => {
    const { PrismaClientKnownRequestError } = await otherRuntime();
    const error = new PrismaClientKnownRequestError("Unique constraint failed", {
      code: "P2002",
      clientVersion: Prisma.prismaVersion.client,
      meta: {
        modelName: "KnowledgeCheckAttempt",
        driverAdapterError: {
          cause: {
            kind: "UniqueConstraintViolation",
            constraint: { fields: ['"userId"', '"idempotencyKey"'] },
          },
        },
      },
    });
    expect(error).not.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, "idempotencyKey")).toBe(true);
    expect(isUniqueViolation(error, "score")).toBe(false);
  });

  it("is false for other codes and for things that only look like a code", () => {
    const fk = new Prisma.PrismaClientKnownRequestError("Foreign key constraint failed", {
      code: "P2003",
      clientVersion: Prisma.prismaVersion.client,
    });
    expect(isUniqueViolation(fk)).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error("P2002"), { code: "P2002" }))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
    expect(isUniqueViolation("P2002")).toBe(false);
  });
});
