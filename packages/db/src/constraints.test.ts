import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "./generated/prisma/client";
import { seedDemo } from "./seed/seed-demo";
import { createTestDb, type TestDb } from "./testing";
import { isUniqueViolation } from "./unique-violation";

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
  await seedDemo(test.db, { now: new Date("2026-11-27T10:00:00Z") });
});
afterAll(() => test?.close());

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the write to fail");
}

describe(`constraint errors map to Prisma codes (${process.env.TEST_DATABASE_TARGET ?? "pglite"})`, () => {
  it("a second account with the same e-mail in other letter case is P2002 on email", async () => {
    await test.db.user.create({ data: { email: "Case.Test@example.org", displayName: "A" } });
    const error = await rejection(
      test.db.user.create({ data: { email: "CASE.TEST@EXAMPLE.ORG", displayName: "B" } }),
    );
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((error as Prisma.PrismaClientKnownRequestError).code).toBe("P2002");
    expect(isUniqueViolation(error, "email")).toBe(true);
    expect(isUniqueViolation(error, "displayName")).toBe(false);
    // …and lookups ignore case too (citext).
    expect(
      await test.db.user.findUnique({ where: { email: "case.test@Example.ORG" } }),
    ).not.toBeNull();
  });

  it("resubmitting a knowledge-check form (same idempotency key) is P2002, not a second attempt", async () => {
    const attempt = await test.db.knowledgeCheckAttempt.findFirstOrThrow();
    const again = rejection(
      test.db.knowledgeCheckAttempt.create({
        data: {
          knowledgeCheckId: attempt.knowledgeCheckId,
          userId: attempt.userId,
          idempotencyKey: attempt.idempotencyKey,
          answers: {},
          score: 0,
          passed: false,
        },
      }),
    );
    expect(isUniqueViolation(await again, "idempotencyKey")).toBe(true);
    expect(
      await test.db.knowledgeCheckAttempt.count({
        where: { idempotencyKey: attempt.idempotencyKey },
      }),
    ).toBe(1);
  });

  it("inside an interactive transaction too, and the transaction rolls back", async () => {
    const record = await test.db.attendanceRecord.findFirstOrThrow();
    const before = await test.db.auditEvent.count();
    const error = await rejection(
      test.db.$transaction(async (tx) => {
        await tx.auditEvent.create({ data: { action: "x", subjectType: "x", subjectId: "x" } });
        await tx.attendanceRecord.create({
          data: { cohortSessionId: record.cohortSessionId, userId: record.userId, status: "late" },
        });
      }),
    );
    expect(isUniqueViolation(error)).toBe(true);
    expect(await test.db.auditEvent.count()).toBe(before);
  });

  it("a dangling reference is P2003", async () => {
    const fk = await rejection(
      test.db.session.create({
        data: { id: "b".repeat(64), userId: "nobody", expiresAt: new Date() },
      }),
    );
    expect((fk as Prisma.PrismaClientKnownRequestError).code).toBe("P2003");
  });
});

describe("deleting rows leaves no orphans", () => {
  it("every foreign key still points at an existing row after deleting a user, a cohort and a course", async () => {
    const { db } = test;
    const trainee = await db.user.findFirstOrThrow({
      where: {
        roles: { has: "trainee" },
        accompanimentReceived: { some: {} },
        attendance: { some: {} },
      },
    });
    const trainer = await db.user.findFirstOrThrow({
      where: { roles: { has: "trainer" }, accompanimentGiven: { some: {} } },
    });
    await db.user.delete({ where: { id: trainee.id } });
    // Cascade: everything about the deleted trainee went with them.
    for (const count of [
      db.accompanimentSession.count({ where: { traineeId: trainee.id } }),
      db.attendanceRecord.count({ where: { userId: trainee.id } }),
      db.enrolment.count({ where: { userId: trainee.id } }),
    ]) {
      expect(await count).toBe(0);
    }
    const trainerSessions = await db.accompanimentSession.count({
      where: { trainerId: trainer.id },
    });
    expect(trainerSessions).toBeGreaterThan(0);
    await db.user.delete({ where: { id: trainer.id } });
    // SetNull, deliberately: the trainees' accompaniment records outlive a deleted trainer.
    expect(
      await db.accompanimentSession.count({ where: { trainerId: null } }),
    ).toBeGreaterThanOrEqual(trainerSessions);

    const cohort = await db.cohort.findFirstOrThrow({ include: { course: true } });
    // Restrict, deliberately: a course with cohorts cannot vanish with their history.
    const restricted = await rejection(db.course.delete({ where: { id: cohort.courseId } }));
    expect((restricted as Prisma.PrismaClientKnownRequestError).code).toBe("P2003");
    await db.cohort.deleteMany({ where: { courseId: cohort.courseId } });
    await db.course.delete({ where: { id: cohort.courseId } });

    expect(await orphans()).toEqual([]);
    expect(await db.lessonProgress.count()).toBe(0);
    expect(await db.cohortSession.count()).toBe(0);
    expect(await db.accompanimentSession.count({ where: { cohortId: { not: null } } })).toBe(0);
    expect(await db.accompanimentSession.count()).toBeGreaterThan(0);
  });
});

/** Rows whose foreign key names a row that does not exist, for every FK in the schema. */
async function orphans(): Promise<string[]> {
  const fks = await test.db.$queryRaw<
    Array<{ child: string; column: string; parent: string; parentColumn: string }>
  >`
    SELECT kcu.table_name::text AS child, kcu.column_name::text AS "column",
           ccu.table_name::text AS parent, ccu.column_name::text AS "parentColumn"
    FROM information_schema.table_constraints tc
    JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
    JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
    WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'`;
  expect(fks.length).toBeGreaterThan(25);
  const found: string[] = [];
  for (const fk of fks) {
    const rows = await test.db.$queryRawUnsafe<Array<{ count: bigint | number }>>(
      `SELECT count(*) AS "count" FROM "${fk.child}" c WHERE c."${fk.column}" IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM "${fk.parent}" p WHERE p."${fk.parentColumn}" = c."${fk.column}")`,
    );
    if (Number(rows[0]?.count) > 0) found.push(`${fk.child}.${fk.column}`);
  }
  return found;
}
