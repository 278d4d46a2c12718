import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attack } from "../test-support/attacker";
import { activityTypes } from "./activities";
import { type AgeBandScheme, ageBandCodesOf } from "./age";
import { type DisaggregationResult, disaggregate } from "./disaggregate";
import { type DisaggregationRecord, disaggregationDimensions } from "./disaggregation-dimensions";
import { genders } from "./gender";
import { type LocationCode, regionOf } from "./geography";

const expand = (records: readonly DisaggregationRecord[]) =>
  records.flatMap(({ count = 1, ...record }) => Array.from({ length: count }, () => record));

describe("disaggregate — pre-counted records", () => {
  it("counts a record with count n as n records (worked example)", () => {
    // The worked example of disaggregate.test.ts: 40 women, 35 men, 2 who prefer not to say.
    const result = disaggregate(
      [
        { gender: "woman", count: 40 },
        { gender: "man", count: 35 },
        { gender: "prefer-not-to-say", count: 1 },
        { gender: "prefer-not-to-say" },
      ],
      { by: ["gender"] },
    );
    // 40 + 35 + 1 + 1 = 77; the 2 is below 5 and its complement is a zero, as without counts.
    expect(result.total).toEqual({ count: 77, suppressed: false });
    expect(result.cells.map((c) => [c.key.gender, c.count, c.reason])).toEqual([
      ["woman", 40, undefined],
      ["man", 35, undefined],
      ["another-gender", null, "below-threshold"],
      ["prefer-not-to-say", null, "below-threshold"],
      ["not-recorded", 0, undefined],
    ]);
  });

  it("sums counts into the total, with or without dimensions", () => {
    const records = [{ count: 3 }, { count: 4 }, {}];
    expect(disaggregate(records, { by: [] }).total).toEqual({ count: 8, suppressed: false });
    expect(disaggregate([{ count: 4 }], { by: [] }).total).toEqual({
      count: null,
      suppressed: true,
      reason: "below-threshold",
    });
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, "3", null])(
    "rejects a count of %s with a RangeError",
    (count) => {
      const records = [{ gender: "woman", count }] as unknown as DisaggregationRecord[];
      expect(() => disaggregate(records, { by: ["gender"] })).toThrow(RangeError);
      // Also when nothing is crossed: the total still adds the counts up.
      expect(() => disaggregate(records, { by: [] })).toThrow(/positive integer/);
    },
  );

  const recordArbitrary = (scheme: AgeBandScheme) =>
    fc.record({
      gender: fc.constantFrom(...genders, null),
      ageBand: fc.constantFrom(...ageBandCodesOf(scheme)),
      location: fc.constantFrom("LR", "GN", "GE", "GE-AB", null),
      activityType: fc.constantFrom(...activityTypes.slice(0, 3), null),
      count: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    });

  const scheme: AgeBandScheme = "youth";

  it("gives exactly the result of the expanded records (property)", () => {
    fc.assert(
      fc.property(
        fc.subarray([...disaggregationDimensions], { minLength: 0, maxLength: 3 }),
        fc.integer({ min: 3, max: 10 }),
        fc.array(recordArbitrary(scheme), { maxLength: 25 }),
        (by, minCellSize, records) => {
          const options = { by, minCellSize, age: { scheme, asOf: 2026 } } as const;
          expect(disaggregate(records, options)).toEqual(disaggregate(expand(records), options));
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** The cells every reader knows to be zero: a location outside the region it is crossed with. */
function knownZerosShown(result: DisaggregationResult): DisaggregationResult {
  const impossible = (key: DisaggregationResult["cells"][number]["key"]) => {
    const { location, region } = key;
    if (location === undefined || region === undefined) return false;
    return location === "unknown"
      ? region !== "unknown"
      : regionOf(location as LocationCode) !== region;
  };
  return {
    ...result,
    cells: result.cells.map((cell) =>
      impossible(cell.key) ? { key: cell.key, count: 0, suppressed: false } : cell,
    ),
  };
}

describe("disaggregate — location crossed with region", () => {
  const people = fc.array(
    fc.record({
      gender: fc.constantFrom("woman", "man", "another-gender", null),
      // Few locations, some frequent, so tables mix small and large cells.
      location: fc.constantFrom<LocationCode | null>("LR", "LR", "SL", "GE", "GE-AB", "NP", null),
      count: fc.integer({ min: 1, max: 3 }),
    }),
    { maxLength: 40 },
  );
  const cut = fc.constantFrom(
    ["location", "region"] as const,
    ["region", "gender", "location"] as const,
  );

  it("never hides a location outside its region (worked example)", () => {
    // Sierra Leone 2, Liberia 6, Georgia 1, unknown 1. Before the fix, the Georgia × West Africa
    // zero was hidden as the complement of the small West African counts, which protects nothing.
    const records: DisaggregationRecord[] = [
      { location: "SL", count: 2 },
      { location: "LR", count: 6 },
      { location: "GE" },
      { location: null },
    ];
    const result = disaggregate(expand(records), { by: ["location", "region"] });
    expect(
      result.cells.find((c) => c.key.location === "GE" && c.key.region === "west-africa"),
    ).toEqual({ key: { location: "GE", region: "west-africa" }, count: 0, suppressed: false });
    expect(knownZerosShown(result).cells).toEqual(result.cells);
    const { recovered } = attack(result);
    expect(recovered.get("cell:location=SL&region=west-africa")).toBeUndefined();
  });

  it("never hides a location outside its region: that zero protects nothing", () => {
    fc.assert(
      fc.property(people, cut, (records, by) => {
        const result = disaggregate(expand(records), { by });
        const shown = knownZerosShown(result);
        result.cells.forEach((cell, i) => {
          if (shown.cells[i] !== cell) expect(cell).toMatchObject({ count: 0, suppressed: false });
        });
      }),
      { numRuns: 150 },
    );
  });

  it("lets no attacker who knows the geography recover a small count", () => {
    // Counter-example this guards against (found with the attacker before the fix): a Liberia ×
    // South Asia cell, hidden as the "cheapest" zero complement of a small Liberia × West Africa
    // count, gave that count away to anyone who knows Liberia is in West Africa.
    fc.assert(
      fc.property(people, cut, fc.integer({ min: 3, max: 6 }), (records, by, minCellSize) => {
        const result = disaggregate(expand(records), { by, minCellSize });
        const { recovered, items } = attack(knownZerosShown(result));
        for (const { cell, id } of items) {
          if (!cell.suppressed) continue;
          const found = recovered.get(id);
          if (found !== undefined && found >= 1) expect(found).toBeGreaterThanOrEqual(minCellSize);
        }
      }),
      { numRuns: 150 },
    );
  });
});
