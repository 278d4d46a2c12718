import { Prisma, seedDemo } from "@peacelearn/db";
import { type AgeBandScheme, ageBandOf } from "@peacelearn/domain";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { ageBandSql, countFormalUnits, countMeasure } from "./report-queries.server";
import { parseReportQuery } from "./schema";

const getDb = useTestDatabase((db) => seedDemo(db, { now: new Date("2026-06-15T12:00:00Z") }));
const age = { scheme: "sadd" as const, asOf: new Date("2026-12-31T00:00:00Z") };
const month = (date: Date) => date.toISOString().slice(0, 7);

/** Sums `n` (and the passed pairs) of SQL rows by a key. */
function tally<T>(rows: readonly T[], keyOf: (row: T) => string, n: (row: T) => number) {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(keyOf(row), (sums.get(keyOf(row)) ?? 0) + n(row));
  return sums;
}

describe("report queries", () => {
  it.each<AgeBandScheme>(["sadd", "sendai", "youth", "child-adult", "ocha", "adult"])(
    "band birth years in SQL exactly as ageBandOf does, unknown where it throws (%s)",
    async (scheme) => {
      const asOf = new Date("2026-12-31T00:00:00Z");
      // Every birth year from 140 years back (implausible) to 3 years ahead (after asOf), and null.
      const rows = await getDb().$queryRaw<{ year: number | null; band: string }[]>(Prisma.sql`
        SELECT y AS "year", ${ageBandSql(Prisma.sql`y`, { scheme, asOf })} AS "band"
        FROM (SELECT generate_series(1886, 2029) AS y UNION ALL SELECT NULL) years`);
      expect(rows).toHaveLength(2029 - 1886 + 2);
      for (const { year, band } of rows) {
        let expected: string;
        try {
          expected = ageBandOf(year, { scheme, asOf });
        } catch {
          expected = "unknown";
        }
        expect([year, band]).toEqual([year, expected]);
      }
    },
  );

  it("opens /reports on the formal sex × age band table; exploration keeps any cut", () => {
    expect(parseReportQuery(new URLSearchParams())).toMatchObject({
      tier: "formal",
      by: ["gender", "ageBand"],
    });
    expect(parseReportQuery(new URLSearchParams("measure=enrolments&by=location")).by).toEqual([
      "location",
    ]);
    // A formal link asking for a cut outside the family, a window or a filter gets the family's.
    const formal = parseReportQuery(
      new URLSearchParams(
        "measure=enrolments&by=activityType&from=2026-03-01&activityType=advocacy",
      ),
    );
    expect(formal).toEqual({
      tier: "formal",
      measure: "enrolments",
      by: ["gender", "ageBand"],
      // The programme trains adults: the adult bands, not the humanitarian SADD brackets.
      ageScheme: "adult",
    });
    expect(parseReportQuery(new URLSearchParams("tier=formal&cut=gender-region")).by).toEqual([
      "gender",
      "region",
    ]);
    // An unknown cut name (even one every object answers to) is ignored: no `by`, the total.
    expect(parseReportQuery(new URLSearchParams("tier=formal&cut=toString")).by).toEqual([]);
    expect(parseReportQuery(new URLSearchParams("tier=exploration&measure=enrolments")).by).toEqual(
      [],
    );
    expect(
      parseReportQuery(
        new URLSearchParams("tier=exploration&measure=enrolments&by=activityType&from=2026-03-01"),
      ),
    ).toMatchObject({ tier: "exploration", by: ["activityType"], from: "2026-03-01" });
  });
});

describe("formal units and cell-key sums", () => {
  it("return each group's sum of its people's cell keys modulo 2^32", async () => {
    const rows = await countMeasure(getDb(), "enrolments", ["gender", "location"], {}, age);
    const enrolments = await getDb().enrolment.findMany({
      select: { user: { select: { gender: true, locationCode: true, cellKey: true } } },
    });
    // By hand, in BigInt: every enrolment adds its person's key.
    const expected = new Map<string, bigint>();
    for (const { user } of enrolments) {
      const key = `${user.gender}|${user.locationCode}`;
      expected.set(key, ((expected.get(key) ?? 0n) + user.cellKey) % 2n ** 32n);
    }
    expect(rows.length).toBe(expected.size);
    for (const row of rows) {
      expect(BigInt(row.cellKeySum)).toBe(expected.get(`${row.gender}|${row.locationCode}`));
      expect(row.month).toBeNull();
    }
  });

  it("date every formal unit in one month, as defined on the page", async () => {
    const db = getDb();
    // Enrolments: one per enrolment, in the month it was made.
    const enrolments = await db.enrolment.findMany({ select: { enrolledAt: true } });
    expect(
      tally(
        await countFormalUnits(db, "enrolments", age),
        (r) => r.month ?? "",
        (r) => r.n,
      ),
    ).toEqual(
      tally(
        enrolments,
        (e) => month(e.enrolledAt),
        () => 1,
      ),
    );
    // Attendance: a workshop attended (present or late), in the workshop's month.
    const attended = await db.attendanceRecord.findMany({
      where: { status: { in: ["present", "late"] } },
      select: { cohortSession: { select: { startsAt: true } } },
    });
    expect(attended.length).toBeGreaterThan(0);
    expect(
      tally(
        await countFormalUnits(db, "attendance", age),
        (r) => r.month ?? "",
        (r) => r.n,
      ),
    ).toEqual(
      tally(
        attended,
        (a) => month(a.cohortSession.startsAt),
        () => 1,
      ),
    );
    // Pass rates: a person × check in the month of its first attempt, passed if an attempt
    // passed by the end of that month.
    const attempts = await db.knowledgeCheckAttempt.findMany({
      select: { userId: true, knowledgeCheckId: true, passed: true, submittedAt: true },
      orderBy: { submittedAt: "asc" },
    });
    const pairs = new Map<string, { month: string; passed: boolean }>();
    for (const a of attempts) {
      const id = `${a.userId}|${a.knowledgeCheckId}`;
      const pair = pairs.get(id) ?? { month: month(a.submittedAt), passed: false };
      if (a.passed && month(a.submittedAt) === pair.month) pair.passed = true;
      pairs.set(id, pair);
    }
    expect(pairs.size).toBeGreaterThan(0);
    const rows = await countFormalUnits(db, "passRates", age);
    expect(
      tally(
        rows,
        (r) => r.month ?? "",
        (r) => r.n,
      ),
    ).toEqual(
      tally(
        [...pairs.values()],
        (p) => p.month,
        () => 1,
      ),
    );
    expect(
      tally(
        rows,
        (r) => r.month ?? "",
        (r) => r.passed,
      ),
    ).toEqual(
      tally(
        [...pairs.values()],
        (p) => p.month,
        (p) => (p.passed ? 1 : 0),
      ),
    );
  });
});
