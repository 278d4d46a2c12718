import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "./generated/prisma/client";
import { preparedStatement, queryPrepared, queryPreparedSql } from "./prepared-query";
import { createTestDb, type TestDb } from "./testing";

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test?.close());

const userByEmail = preparedStatement(
  "test_user_by_email",
  `SELECT "id", "email"::text AS "email", "roles"::text[] AS "roles",
          (extract(epoch FROM "createdAt") * 1000)::float8 AS "createdAt"
   FROM "User" WHERE "email" = $1`,
);

describe("queryPrepared", () => {
  it("returns rows decoded alike on every driver, timestamps as epoch milliseconds", async () => {
    const createdAt = new Date("2026-03-08T23:30:00.123Z");
    const user = await test.db.user.create({
      data: {
        email: "Prepared@Example.org",
        displayName: "P",
        roles: ["trainee", "trainer"],
        createdAt,
      },
    });
    // citext: the statement finds the row whatever the case, like Prisma would.
    const rows = await queryPrepared(test.db, userByEmail, ["prepared@example.org"]);
    expect(rows).toEqual([
      {
        id: user.id,
        email: "Prepared@Example.org",
        roles: ["trainee", "trainer"],
        createdAt: createdAt.getTime(),
      },
    ]);
    // Again (now executed as a prepared statement on a server), and with no match.
    expect(await queryPrepared(test.db, userByEmail, ["PREPARED@example.org"])).toHaveLength(1);
    expect(await queryPrepared(test.db, userByEmail, ["nobody@example.org"])).toEqual([]);
  });

  it("runs through Prisma for a client createDb did not make (a transaction)", async () => {
    const rows = await test.db.$transaction((tx) =>
      queryPrepared(tx, userByEmail, ["prepared@example.org"]),
    );
    expect(rows).toHaveLength(1);
  });

  it("refuses two different statements under one name", () => {
    expect(() => preparedStatement("test_user_by_email", "SELECT 1")).toThrow(/declared twice/);
    expect(preparedStatement("test_user_by_email", userByEmail.text)).toEqual(userByEmail);
  });
});

describe("queryPreparedSql", () => {
  it("runs a Prisma.sql statement, one prepared shape for any values", async () => {
    const byRole = (role: string, email: string) =>
      queryPreparedSql(
        test.db,
        Prisma.sql`SELECT "email"::text AS "email" FROM "User"
                   WHERE ${role} = ANY("roles") AND "email" = ${email}`,
      );
    expect(await byRole("trainer", "prepared@example.org")).toEqual([
      { email: "Prepared@Example.org" },
    ]);
    expect(await byRole("admin", "prepared@example.org")).toEqual([]);
    // Same shape, other values: the statement prepared above is reused, not confused.
    expect(await byRole("trainee", "PREPARED@EXAMPLE.ORG")).toHaveLength(1);
  });
});

describe("ContentVersion", () => {
  const version = async () =>
    (await test.db.contentVersion.findUniqueOrThrow({ where: { id: 1 } })).version;

  it("changes with every write to course content, and only then", async () => {
    const v0 = await version();
    const course = await test.db.course.create({
      data: {
        key: "versioned",
        translations: { create: { locale: "en", slug: "versioned", title: "T", summary: "" } },
        modules: {
          create: {
            key: "m",
            position: 1,
            translations: { create: { locale: "en", title: "M", summary: "" } },
            lessons: {
              create: {
                key: "l",
                position: 1,
                translations: {
                  create: {
                    locale: "en",
                    slug: "l",
                    title: "L",
                    summary: "",
                    body: "B",
                    estimatedMinutes: 5,
                  },
                },
              },
            },
          },
        },
      },
      select: { id: true },
    });
    const v1 = await version();
    expect(v1).toBeGreaterThan(v0);

    // A write the application does not know about (plain SQL) still moves it.
    await test.db.$executeRaw`UPDATE "LessonTranslation" SET "title" = 'L2' WHERE "title" = 'L'`;
    const v2 = await version();
    expect(v2).toBeGreaterThan(v1);

    // Learner data is not content.
    const user = await test.db.user.create({ data: { email: "v@example.org", displayName: "V" } });
    await test.db.enrolment.create({
      data: { userId: user.id, courseId: course.id, source: "self" },
    });
    expect(await version()).toBe(v2);

    await test.db.course.delete({ where: { id: course.id } });
    expect(await version()).toBeGreaterThan(v2);
  });
});
