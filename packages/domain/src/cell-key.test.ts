import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cellKeyModulus,
  type KeyedDisaggregationRecord,
  perturbedCount,
  perturbTable,
  randomCellKey,
} from "./cell-key";

const key = fc.integer({ min: 0, max: cellKeyModulus - 1 });
const keyedRecord = fc.record({
  gender: fc.constantFrom("woman", "man", "another-gender", null),
  location: fc.constantFrom("LR", "SL", "GE", "GE-AB", null),
  cellKey: key,
});

describe("perturbedCount — the perturbation table", () => {
  it("never shows a true count from 1 to k−1 as itself, nor any figure from 1 to k−1", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        key,
        fc.integer({ min: 3, max: 8 }),
        (n, u, k) => {
          const shown = perturbedCount(n, u, { minCellSize: k });
          expect(shown === 0 || shown >= k).toBe(true);
          if (n === 0) expect(shown).toBe(0);
          if (n >= k) expect(Math.abs(shown - n)).toBeLessThanOrEqual(2);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("is right on average: the mean over all keys is the true count (D = 2, k = 5)", () => {
    // Sweep u over a fine grid of keys: for n = 3 the figure is 5 on 3/5 of keys, 0 on the rest,
    // mean 3; for n = 20, the weights 1,2,3,2,1 over −2…2 average 0 (variance 12/9).
    const keys = Array.from({ length: 9000 }, (_, i) =>
      Math.floor(((i + 0.5) / 9000) * cellKeyModulus),
    );
    for (const [n, variance] of [
      [3, 6],
      [20, 12 / 9],
      [6, 2 / 4],
    ] as const) {
      const shown = keys.map((u) => perturbedCount(n, u));
      const mean = shown.reduce((a, b) => a + b, 0) / shown.length;
      expect(mean).toBeCloseTo(n, 2);
      const v = shown.reduce((a, b) => a + (b - n) ** 2, 0) / shown.length;
      // n = 3: (3/5)·4 + (2/5)·9 = 6; n = 6: m = 1, weights 1,2,1 → 2/4.
      expect(v).toBeCloseTo(variance, 2);
    }
  });
});

describe("perturbTable — the cell-key method", () => {
  it("shows the same group the same way in every call and every table", () => {
    fc.assert(
      fc.property(fc.array(keyedRecord, { maxLength: 40 }), (records) => {
        const byGender = perturbTable(records, { by: ["gender"] });
        const crossed = perturbTable(records, { by: ["gender", "location"] });
        expect(perturbTable(records, { by: ["gender"] })).toEqual(byGender);
        // "all women" is the same people in both tables: the same figure.
        expect(crossed.margins.gender).toEqual(byGender.cells);
        expect(crossed.total).toEqual(byGender.total);
        // Order and grouping do not matter: a cell's key is a sum.
        expect(perturbTable([...records].reverse(), { by: ["gender"] })).toEqual(byGender);
      }),
      { numRuns: 100 },
    );
  });

  it("gives a pre-counted group the figure of its records when its key is their key sum", () => {
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 30 }), (keys) => {
        const one = keys.map(
          (cellKey): KeyedDisaggregationRecord => ({ gender: "woman", cellKey }),
        );
        const grouped = [
          {
            gender: "woman" as const,
            count: keys.length,
            cellKey: keys.reduce((a, b) => (a + b) % cellKeyModulus, 0),
          },
        ];
        expect(perturbTable(grouped, { by: ["gender"] })).toEqual(
          perturbTable(one, { by: ["gender"] }),
        );
      }),
    );
  });

  it("never shows a true small count as itself in any cell, margin or total", () => {
    fc.assert(
      fc.property(fc.array(keyedRecord, { maxLength: 30 }), (records) => {
        const table = perturbTable(records, { by: ["gender", "location"] });
        for (const cell of [
          ...table.cells,
          ...Object.values(table.margins).flatMap((c) => c ?? []),
          { ...table.total, key: {} },
        ]) {
          expect(cell.count === 0 || cell.count >= 5).toBe(true);
          expect(cell.perturbed).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("differencing two overlapping windows gives noise, not the one person between them", () => {
    // Window B holds window A's people plus one. Over many draws of keys, B − A as published is
    // spread over several values and is the true 1 only a minority of the time.
    const differences = new Map<number, number>();
    const runs = 2000;
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * cellKeyModulus);
    };
    for (const shared of [0, 2, 9, 30]) {
      for (let run = 0; run < runs; run++) {
        const windowA = Array.from({ length: shared }, () => ({ cellKey: next() }));
        const windowB = [...windowA, { cellKey: next() }];
        const a = perturbTable(windowA, { by: [] }).total.count;
        const b = perturbTable(windowB, { by: [] }).total.count;
        differences.set(b - a, (differences.get(b - a) ?? 0) + 1);
      }
    }
    const all = 4 * runs;
    expect(differences.size).toBeGreaterThanOrEqual(5);
    expect((differences.get(1) ?? 0) / all).toBeLessThan(0.4);
  });

  it("rejects records without a usable key and a bad maxPerturbation", () => {
    expect(() => perturbTable([{ cellKey: -1 }], { by: [] })).toThrow(TypeError);
    expect(() => perturbTable([{ cellKey: 2 ** 32 }], { by: [] })).toThrow(TypeError);
    expect(() => perturbTable([{} as KeyedDisaggregationRecord], { by: [] })).toThrow(TypeError);
    expect(() => perturbTable([], { by: [], maxPerturbation: 0 })).toThrow(RangeError);
    const drawn = randomCellKey();
    expect(Number.isInteger(drawn) && drawn >= 0 && drawn < cellKeyModulus).toBe(true);
  });
});
