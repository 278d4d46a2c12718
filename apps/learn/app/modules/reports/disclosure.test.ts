// Everything the formal tier publishes for the demo data — every cut of the family for every month,
// quarter and year — attacked together by the domain's independent integer-program attacker
// (packages/domain/test-support, imported by path: it is test code, not part of the package's
// public API). A control attacks the tables the app used to publish, one `disaggregate` per request.
import { seedDemo } from "@peacelearn/db";
import type { DatedDisaggregationRecord, DisaggregationDimension } from "@peacelearn/domain";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import {
  attackFamily,
  type HiddenRange,
  type PublishedTable,
} from "../../../../../packages/domain/test-support/family-attacker";
import { publishedOneByOne, trueCount } from "../../../../../packages/domain/test-support/truth";
import { type FormalCount, formalCounts, formalRecords, protectFamily } from "./formal.server";
import { formalCuts, formalMinCellSize } from "./schema";

const SEEDED_AT = new Date("2026-06-15T12:00:00Z");
const getDb = useTestDatabase((db) => seedDemo(db, { now: SEEDED_AT }));
const k = formalMinCellSize;
const cuts = Object.values(formalCuts) as (readonly DisaggregationDimension[])[];

/** Ranges of the hidden counts whose true value is 1 … k−1: the ones that must stay unknowable. */
function attackSmall(
  tables: readonly PublishedTable[],
  records: readonly DatedDisaggregationRecord[],
): { ranges: HiddenRange[]; narrowed: HiddenRange[] } {
  const small = (key: Readonly<Record<string, string>>) => {
    const truth = trueCount(records, key);
    return truth >= 1 && truth < k;
  };
  const ranges = attackFamily(tables, k, small);
  // Width: the reader's feasible range must hold 0 and at least k values (0 … k−1).
  const narrowed = ranges.filter((range) => range.low > 0 || range.high < k - 1);
  return { ranges, narrowed };
}

/** Every period of the years the records fall in, as the attacker and `publishedOneByOne` name them. */
function periodsOf(records: readonly DatedDisaggregationRecord[]) {
  const years = [...new Set(records.map((r) => r.month?.slice(0, 4) ?? ""))].sort();
  return years.flatMap((year) => [
    { level: "year" as const, code: year },
    ...[1, 2, 3, 4].map((q) => ({ level: "quarter" as const, code: `${year}-Q${q}` })),
    ...Array.from({ length: 12 }, (_, m) => ({
      level: "month" as const,
      code: `${year}-${String(m + 1).padStart(2, "0")}`,
    })),
  ]);
}

describe("the formal tier, attacked as a whole", () => {
  // Every count the formal tier publishes: they share no unit, so no equation links two
  // families, and each attacked whole is everything attacked together (about 2.5 min on 2 cores).
  it.each<FormalCount>([...formalCounts])(
    "%s: every cut of the family for every period together gives no small count away",
    async (count) => {
      const records = await formalRecords(getDb(), count, SEEDED_AT);
      const family = protectFamily(count, records, SEEDED_AT);
      // 9 cuts × (1 year + 4 quarters + 12 months) of 2026, the seed's only year.
      expect(family.tables).toHaveLength(cuts.length * 17);
      const { ranges, narrowed } = attackSmall(family.tables, records);
      console.info(
        `${count}: ${family.tables.length} tables, ${ranges.length} hidden small counts attacked, ${narrowed.length} narrowed`,
      );
      expect(ranges.length).toBeGreaterThan(0);
      expect(narrowed).toEqual([]);
    },
    600_000,
  );
});

describe("the control: the tables the app used to publish, one disaggregate per request", () => {
  it("give small counts away when read together (Abkhazia beside Georgia, adjacent periods)", async () => {
    const records = await formalRecords(getDb(), "enrolments", SEEDED_AT);
    // The old per-request tables counted age bands only with a scheme the reader picked; the
    // issue's seven CSV cuts (every formal cut without age) are enough to show the leak.
    const withoutAge = cuts.filter((cut) => !cut.includes("ageBand"));
    const tables = publishedOneByOne(records, withoutAge, k, periodsOf(records));
    const { ranges, narrowed } = attackSmall(tables, records);
    console.info(
      `control: ${tables.length} tables, ${ranges.length} hidden small counts attacked, ${narrowed.length} narrowed, ${narrowed.filter((r) => r.low === r.high).length} recovered exactly`,
    );
    expect(narrowed.length).toBeGreaterThan(0);
    // Abkhazia's small count, hidden in every table on its own, is narrowed or pinned together.
    expect(narrowed.some((range) => range.key.location === "GE-AB")).toBe(true);
  }, 600_000);
});
