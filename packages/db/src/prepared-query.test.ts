import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  definePreparedQuery,
  epochMsColumn,
  PreparedQueryRowError,
  prepareOnly,
  registeredQueries,
} from "./prepared-query";
import { checkStatements, createTestDb, type TestDb } from "./testing";

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test?.close());

const userByEmail = definePreparedQuery({
  name: "test_user_by_email",
  params: z.tuple([z.string()]),
  row: z.object({
    id: z.string(),
    email: z.string(),
    roles: z.array(z.string()),
    createdAt: epochMsColumn,
  }),
  sql: `SELECT "id", "email"::text AS "email", "roles"::text[] AS "roles",
          (extract(epoch FROM "createdAt") * 1000)::float8 AS "createdAt"
   FROM "User" WHERE "email" = $1`,
});

describe("definePreparedQuery", () => {
  it("returns parsed rows decoded alike on every driver, timestamps as epoch milliseconds", async () => {
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
    expect(await userByEmail.all(test.db, "prepared@example.org")).toEqual([
      { id: user.id, email: "Prepared@Example.org", roles: ["trainee", "trainer"], createdAt },
    ]);
    // Again (now executed as a prepared statement on a server), and with no match.
    expect(await userByEmail.one(test.db, "PREPARED@example.org")).toMatchObject({ id: user.id });
    expect(await userByEmail.one(test.db, "nobody@example.org")).toBeNull();
  });

  it("runs through Prisma for a client createDb did not make (a transaction)", async () => {
    const rows = await test.db.$transaction((tx) => userByEmail.all(tx, "prepared@example.org"));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.createdAt).toBeInstanceOf(Date);
  });

  it("names the statement when a row does not match its schema", async () => {
    const wrong = definePreparedQuery({
      name: "test_wrong_row",
      row: z.object({ email: z.number() }),
      sql: `SELECT "email"::text AS "email" FROM "User" LIMIT 1`,
    });
    const failure = await wrong.all(test.db).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PreparedQueryRowError);
    expect(String(failure)).toMatch(
      /prepared query "test_wrong_row": row 0 does not match its row schema[\s\S]*at email/,
    );
  });

  it("refuses more than one row from one()", async () => {
    await test.db.user.create({ data: { email: "second@example.org", displayName: "S" } });
    const everyone = definePreparedQuery({
      name: "test_every_user",
      row: z.object({ id: z.string() }),
      sql: `SELECT "id" FROM "User"`,
    });
    await expect(everyone.one(test.db)).rejects.toThrow(
      /"test_every_user": expected at most one row, got 2/,
    );
  });

  it("refuses two different statements under one name, and a miscounted $n", () => {
    const again = { name: "test_user_by_email", row: userByEmail.row, params: userByEmail.params };
    expect(() => definePreparedQuery({ ...again, sql: "SELECT 1" })).toThrow(/declared twice/);
    expect(definePreparedQuery({ ...again, sql: userByEmail.sql }).sql).toBe(userByEmail.sql);
    expect(() =>
      definePreparedQuery({ name: "test_miscounted", row: z.object({}), sql: "SELECT $1, $2" }),
    ).toThrow(/"test_miscounted": its SQL uses \$1…\$2 but params declares 0/);
  });

  it("checkStatements names a statement the schema rejects, or whose shape differs", async () => {
    const renamed = definePreparedQuery({
      name: "test_renamed_column",
      params: z.tuple([z.string()]),
      row: z.object({ email: z.string() }),
      sql: `SELECT "emailAddress" AS "email" FROM "User" WHERE "id" = $1`,
    });
    const extraColumn = definePreparedQuery({
      name: "test_extra_column",
      row: z.object({ id: z.string() }),
      sql: `SELECT "id", "displayName" FROM "User"`,
    });
    const problems = await checkStatements(
      test.db,
      registeredQueries().filter((query) => [renamed.name, extraColumn.name].includes(query.name)),
    );
    // Columns are counted where the server says how many a statement returns (PostgreSQL 16+,
    // PGlite); a PostgreSQL 15 server still rejects the unknown column.
    const countsColumns = (await prepareOnly(test.db, "SELECT 1, 2")).columnCount === 2;
    expect(problems).toEqual([
      expect.stringMatching(
        /^statement "test_renamed_column" \(.*prepared-query\.test\.ts\): .*emailAddress/,
      ),
      ...(countsColumns
        ? [
            expect.stringMatching(
              /^statement "test_extra_column" .*: returns 2 column\(s\), its row schema has 1$/,
            ),
          ]
        : []),
    ]);
    if (test.target === "pglite") expect(countsColumns).toBe(true);
    // The checks leave nothing prepared behind: the statement still runs by its own name.
    expect(await userByEmail.all(test.db, "second@example.org")).toHaveLength(1);
  });

  it("plans per call when asked, with the same rows", async () => {
    const perCall = definePreparedQuery({
      name: "test_per_call",
      plan: "per-call",
      params: z.tuple([z.string().nullable()]),
      row: z.object({ email: z.string() }),
      sql: `SELECT "email"::text AS "email" FROM "User"
            WHERE ("email" = $1 OR $1 IS NULL) ORDER BY "email"`,
    });
    expect(await perCall.all(test.db, "second@example.org")).toEqual([
      { email: "second@example.org" },
    ]);
    expect(await perCall.all(test.db, null)).toHaveLength(2);
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
