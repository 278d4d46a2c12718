import { Prisma } from "@peacelearn/db";
import { type AgeBandScheme, ageBandOf } from "@peacelearn/domain";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { ageBandSql } from "./report-queries.server";
import { parseReportQuery } from "./schema";

const getDb = useTestDatabase();

describe("report queries", () => {
  it.each<AgeBandScheme>(["sadd", "sendai", "youth", "child-adult"])(
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

  it("opens /reports on sex × age band × region; a submitted form keeps its own cut", () => {
    expect(parseReportQuery(new URLSearchParams()).by).toEqual(["gender", "ageBand", "region"]);
    expect(parseReportQuery(new URLSearchParams("measure=enrolments")).by).toEqual([]);
    expect(parseReportQuery(new URLSearchParams("measure=enrolments&by=location")).by).toEqual([
      "location",
    ]);
  });
});
