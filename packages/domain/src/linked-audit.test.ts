import { describe, expect, it } from "vitest";
import { widthProblems } from "./linked-audit";
import { protectLinked } from "./linked-suppression";
import { leafLevel, linkTable } from "./linked-table";

// One axis (gender: woman, man, another) and two patterns: the cells and the total.
// Women 40, men 35, another gender 2: the 2 must be hidden with a complement, and the audit must
// accept the result and refuse any weakened version of it.
const leaves = ["woman", "man", "another"];
const axes = [{ name: "gender", leaves, levels: [leafLevel("gender", leaves)] }];
const records = [
  { g: 0, n: 40 },
  { g: 1, n: 35 },
  { g: 2, n: 2 },
];
const table = linkTable(
  axes,
  [[0], [-1]],
  records,
  (r) => r.g,
  (r) => r.n,
);

describe("widthProblems — the exact audit", () => {
  it("accepts the protection's own witnesses", () => {
    const { hidden, witnesses } = protectLinked(table, 5);
    expect(widthProblems(table, hidden, witnesses, 5)).toEqual([]);
    // The 2 is hidden, and so is one more cell: the total alone would give it away.
    expect([...(hidden[0] as Uint8Array)].filter(Boolean).length).toBeGreaterThanOrEqual(2);
  });

  it("refuses a pattern where the small count is the only hidden cell (40 + 35 + ? = 77)", () => {
    const { witnesses } = protectLinked(table, 5);
    const weakened = [Uint8Array.from([0, 0, 1]), Uint8Array.from([0])];
    expect(widthProblems(table, weakened, witnesses, 5)).not.toEqual([]);
  });

  it("refuses a witness that puts a cell below zero or misses its target", () => {
    const hidden = [Uint8Array.from([1, 1, 1]), Uint8Array.from([0])];
    const witness = (delta: [number, number][], direction: "down" | "up") => ({
      pattern: 0,
      box: 2,
      direction,
      delta: new Map(delta),
    });
    // Valid: move the 2 to the women (42, 35, 0) and 2 men to another gender (40, 33, 4).
    const valid = [
      witness(
        [
          [2, -2],
          [0, 2],
        ],
        "down",
      ),
      witness(
        [
          [1, -2],
          [2, 2],
        ],
        "up",
      ),
    ];
    expect(widthProblems(table, hidden, valid, 5)).toEqual([]);
    expect(
      widthProblems(
        table,
        hidden,
        [
          witness(
            [
              [2, -3],
              [0, 3],
            ],
            "down",
          ),
          valid[1] as never,
        ],
        5,
      ),
    ).toHaveLength(2);
    expect(
      widthProblems(
        table,
        hidden,
        [
          valid[0] as never,
          witness(
            [
              [1, -1],
              [2, 1],
            ],
            "up",
          ),
        ],
        5,
      ),
    ).toHaveLength(2);
  });
});
