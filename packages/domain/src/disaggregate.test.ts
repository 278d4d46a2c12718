import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attack } from "../test-support/attacker";
import { activityTypes } from "./activities";
import { type AgeBandScheme, ageBandCodesOf } from "./age";
import { type DisaggregationResult, disaggregate } from "./disaggregate";
import {
  type DisaggregationDimension,
  type DisaggregationRecord,
  disaggregationDimensions,
} from "./disaggregation-dimensions";
import { genders } from "./gender";
import { locationCodes, regionOf } from "./geography";
import { describeAsWomenMenGirlsBoys } from "./women-men-girls-boys";

const repeat = (n: number, record: DisaggregationRecord) => Array.from({ length: n }, () => record);

// The truth, computed the plain way: how many records match a key.
function trueCount(
  records: readonly DisaggregationRecord[],
  key: Partial<Record<DisaggregationDimension, string>>,
): number {
  return records.filter((r) =>
    Object.entries(key).every(([dimension, value]) => {
      switch (dimension) {
        case "gender":
          return (r.gender ?? "not-recorded") === value;
        case "ageBand":
          return (r.ageBand ?? "unknown") === value;
        case "location":
          return (r.location ?? "unknown") === value;
        case "region":
          return (r.location ? regionOf(r.location) : "unknown") === value;
        case "disability":
          return (r.disability ?? "unknown") === value;
        default:
          return (r.activityType ?? "unknown") === value;
      }
    }),
  ).length;
}

function everyPublishedCell(result: DisaggregationResult) {
  return [
    ...result.cells,
    ...Object.values(result.margins).flatMap((cells) => cells ?? []),
    { ...result.total, key: {} },
  ];
}

describe("disaggregate — worked examples", () => {
  const records = [
    ...repeat(40, {
      gender: "woman",
      location: "LR",
      activityType: "accompaniment",
      birthYear: 1990,
    }),
    ...repeat(35, {
      gender: "man",
      location: "GN",
      activityType: "advocacy-bridging",
      birthYear: 2010,
    }),
    ...repeat(2, { gender: "prefer-not-to-say", location: "GE-AB" }),
  ];

  it("hides a small count and one more, so the total cannot give it away", () => {
    const result = disaggregate(records, { by: ["gender"] });
    // 40 + 35 + 2 = 77; the 2 is below 5, and a zero is the cheapest complement.
    expect(result.total).toEqual({ count: 77, suppressed: false });
    expect(result.cells.map((c) => [c.key.gender, c.count, c.reason])).toEqual([
      ["woman", 40, undefined],
      ["man", 35, undefined],
      ["another-gender", null, "below-threshold"],
      ["prefer-not-to-say", null, "below-threshold"],
      ["not-recorded", 0, undefined],
    ]);
  });

  it("keeps Abkhazia a location of its own and counts it in the South Caucasus", () => {
    const result = disaggregate(
      repeat(6, { location: "GE-AB" }).concat(repeat(7, { location: "GE" })),
      {
        by: ["location"],
      },
    );
    expect(result.cells.find((c) => c.key.location === "GE-AB")?.count).toBe(6);
    expect(result.cells.find((c) => c.key.location === "GE")?.count).toBe(7);
    const byRegion = disaggregate(repeat(6, { location: "GE-AB" }), { by: ["region"] });
    expect(byRegion.cells.find((c) => c.key.region === "south-caucasus")?.count).toBe(6);
  });

  it("puts missing values in explicit categories", () => {
    const result = disaggregate(repeat(5, {}), {
      by: ["gender", "ageBand", "location", "activityType"],
      age: { scheme: "sadd", asOf: 2026 },
    });
    const full = result.cells.filter((c) => c.count === 5);
    expect(full).toEqual([
      {
        key: {
          gender: "not-recorded",
          ageBand: "unknown",
          location: "unknown",
          activityType: "unknown",
        },
        count: 5,
        suppressed: false,
      },
    ]);
  });

  it("derives age bands from birth years at asOf", () => {
    const result = disaggregate(records, {
      by: ["ageBand"],
      age: { scheme: "child-adult", asOf: 2026 },
    });
    // 1990 → 36 (18+), 2010 → 16 (under-18), no birth year → unknown. The 2 needs a complement
    // and there is no zero: the smaller child (35) goes, the total stays.
    expect(result.cells.map((c) => [c.key.ageBand, c.count ?? c.reason])).toEqual([
      ["under-18", "complementary"],
      ["18+", 40],
      ["unknown", "below-threshold"],
    ]);
    expect(result.total).toEqual({ count: 77, suppressed: false });
  });

  it("speaks of women, men, girls and boys", () => {
    const result = disaggregate(records, {
      by: ["gender", "ageBand"],
      age: { scheme: "child-adult", asOf: 2026 },
    });
    const groups = Object.fromEntries(
      describeAsWomenMenGirlsBoys(result).map((g) => [g.group, g.count]),
    );
    expect(groups).toMatchObject({
      women: 40,
      boys: 35,
      girls: 0,
      men: 0,
      "prefer-not-to-say": null,
    });
    expect(() =>
      describeAsWomenMenGirlsBoys(
        disaggregate(records, { by: ["gender", "ageBand"], age: { scheme: "sendai", asOf: 2026 } }),
      ),
    ).toThrow(RangeError);
  });

  it("rejects unsafe or malformed requests", () => {
    expect(() => disaggregate(records, { by: ["gender"], minCellSize: 2 })).toThrow(RangeError);
    expect(() => disaggregate(records, { by: ["gender", "gender"] })).toThrow(TypeError);
    expect(() => disaggregate(records, { by: ["ageBand"] })).toThrow(TypeError);
    expect(() => disaggregate([{ gender: "female" as never }], { by: ["gender"] })).toThrow(
      TypeError,
    );
    expect(() =>
      disaggregate([{ birthYear: 2030 }], { by: ["ageBand"], age: { scheme: "sadd", asOf: 2026 } }),
    ).toThrow(RangeError);
  });
});

describe("the attacker", () => {
  it("recovers a small count from a table protected by primary suppression only", () => {
    // 40 + ? + 35 = 78 gives ? = 3: the attacker must find it, or the property below proves nothing.
    const naive: DisaggregationResult = {
      by: ["gender"],
      minCellSize: 5,
      cells: [
        { key: { gender: "woman" }, count: 40, suppressed: false },
        {
          key: { gender: "another-gender" },
          count: null,
          suppressed: true,
          reason: "below-threshold",
        },
        { key: { gender: "man" }, count: 35, suppressed: false },
      ],
      margins: {},
      total: { count: 78, suppressed: false },
    };
    expect(attack(naive).recovered.get("cell:gender=another-gender")).toBe(3);
  });

  it("pins a count by ranges when the hidden counts all sit at their bound", () => {
    // 4 + 4 = 8 with both below 5: each must be 4.
    const naive: DisaggregationResult = {
      by: ["gender"],
      minCellSize: 5,
      cells: [
        { key: { gender: "woman" }, count: null, suppressed: true, reason: "below-threshold" },
        { key: { gender: "man" }, count: null, suppressed: true, reason: "below-threshold" },
      ],
      margins: {},
      total: { count: 8, suppressed: false },
    };
    expect(attack(naive).recovered.get("cell:gender=woman")).toBe(4);
  });
});

const recordArbitrary = (scheme: AgeBandScheme) =>
  fc.record({
    gender: fc.constantFrom(...genders, null),
    ageBand: fc.constantFrom(...ageBandCodesOf(scheme)),
    // Concentrate records on few locations and activities so tables have small and large cells.
    location: fc.constantFrom("LR", "GN", "GE", "GE-AB", ...locationCodes.slice(0, 2), null),
    activityType: fc.constantFrom(...activityTypes.slice(0, 3), null),
  });

const scenario = fc
  .tuple(
    fc.constantFrom<AgeBandScheme>("child-adult", "sendai", "youth"),
    fc.subarray([...disaggregationDimensions], { minLength: 0, maxLength: 3 }),
    fc.integer({ min: 3, max: 10 }),
  )
  .chain(([scheme, by, minCellSize]) =>
    fc.record({
      scheme: fc.constant(scheme),
      by: fc.shuffledSubarray(by, { minLength: by.length, maxLength: by.length }),
      minCellSize: fc.constant(minCellSize),
      records: fc.array(recordArbitrary(scheme), { maxLength: 60 }),
    }),
  );

describe("disaggregate — properties", () => {
  it("loses and double-counts no record: true cell counts add up to the number of records", () => {
    fc.assert(
      fc.property(scenario, ({ scheme, by, minCellSize, records }) => {
        const result = disaggregate(records, { by, minCellSize, age: { scheme, asOf: 2026 } });
        const cells = by.length === 0 ? [] : result.cells;
        const trueTotal = cells.reduce((sum, cell) => sum + trueCount(records, cell.key), 0);
        expect(by.length === 0 || trueTotal === records.length).toBe(true);
        // Every published count is the true count, and keys are all distinct.
        for (const cell of everyPublishedCell(result)) {
          if (!cell.suppressed) expect(cell.count).toBe(trueCount(records, cell.key));
          expect(cell.count === null).toBe(cell.suppressed);
        }
        expect(new Set(result.cells.map((c) => JSON.stringify(c.key))).size).toBe(
          result.cells.length,
        );
      }),
      { numRuns: 150 },
    );
  });

  it("never shows a count from 1 to minCellSize − 1", () => {
    fc.assert(
      fc.property(scenario, ({ scheme, by, minCellSize, records }) => {
        const result = disaggregate(records, { by, minCellSize, age: { scheme, asOf: 2026 } });
        for (const cell of everyPublishedCell(result)) {
          if (!cell.suppressed)
            expect(cell.count === 0 || (cell.count as number) >= minCellSize).toBe(true);
          const truth = trueCount(records, cell.key);
          if (cell.reason === "below-threshold") expect(truth).toBeLessThan(minCellSize);
          if (cell.reason === "complementary") expect(truth).toBeGreaterThanOrEqual(minCellSize);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("lets no attacker recover a hidden count of people below minCellSize", () => {
    fc.assert(
      fc.property(scenario, ({ scheme, by, minCellSize, records }) => {
        const result = disaggregate(records, { by, minCellSize, age: { scheme, asOf: 2026 } });
        const { recovered, items } = attack(result);
        for (const { cell, id } of items) {
          if (!cell.suppressed) continue;
          const truth = trueCount(records, "key" in cell ? cell.key : {});
          const found = recovered.get(id);
          // Whatever the attacker concludes is right (it is a real attacker, not a random one)…
          if (found !== undefined) expect(found).toBe(truth);
          // …and it never pins down a small group of people.
          if (truth >= 1 && truth < minCellSize) expect(found).toBeUndefined();
        }
      }),
      { numRuns: 150 },
    );
  });
});
