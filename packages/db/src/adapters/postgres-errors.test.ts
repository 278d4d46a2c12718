import { describe, expect, it } from "vitest";
import { mapPostgresError } from "./postgres-errors";

// SQLSTATEs from PostgreSQL's Appendix A (Error Codes); kinds as @prisma/adapter-pg 6.19 maps them.
describe("mapPostgresError", () => {
  it("maps unique, not-null and foreign-key violations to Prisma's kinds", () => {
    expect(
      mapPostgresError({
        code: "23505",
        message: "duplicate key",
        detail: 'Key ("userId", "idempotencyKey")=(u, k) already exists.',
      }),
    ).toEqual({
      kind: "UniqueConstraintViolation",
      constraint: { fields: ['"userId"', '"idempotencyKey"'] },
    });
    expect(mapPostgresError({ code: "23502", message: "null value", column: "count" })).toEqual({
      kind: "NullConstraintViolation",
      constraint: { fields: ["count"] },
    });
    expect(
      mapPostgresError({ code: "23503", message: "fk", constraint: "Session_userId_fkey" }),
    ).toEqual({
      kind: "ForeignKeyConstraintViolation",
      constraint: { index: "Session_userId_fkey" },
    });
  });

  it("treats PostgreSQL 17's restrict_violation (23001) as a foreign-key violation", () => {
    expect(
      mapPostgresError({
        code: "23001",
        message:
          'update or delete on table "Course" violates RESTRICT setting of foreign key constraint "Cohort_courseId_fkey" on table "Cohort"',
      }),
    ).toEqual({
      kind: "ForeignKeyConstraintViolation",
      constraint: { index: "Cohort_courseId_fkey" },
    });
  });

  it("leaves other errors to the generic path", () => {
    expect(mapPostgresError({ code: "42P01", message: "relation does not exist" })).toBeUndefined();
  });
});
