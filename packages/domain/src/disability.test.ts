import { describe, expect, it } from "vitest";
import { disabilityStatusOf, washingtonGroupDomains } from "./disability";
import { disaggregate } from "./disaggregate";
import { label, labelCategory } from "./labels";

const allNo = Object.fromEntries(
  washingtonGroupDomains.map((domain) => [domain, "no-difficulty"] as const),
);

describe("disabilityStatusOf (Washington Group Short Set, recommended cut-off)", () => {
  it("counts a person with a lot of difficulty, or who cannot do at all, in any domain", () => {
    expect(disabilityStatusOf({ ...allNo, hearing: "a-lot-of-difficulty" })).toBe(
      "with-disability",
    );
    expect(disabilityStatusOf({ walking: "cannot-do-at-all" })).toBe("with-disability");
  });

  it("does not count 'some difficulty', and never reads a missing answer as 'no difficulty'", () => {
    expect(disabilityStatusOf({ ...allNo, seeing: "some-difficulty" })).toBe("without-disability");
    expect(disabilityStatusOf({ seeing: "some-difficulty" })).toBeNull();
    expect(disabilityStatusOf({})).toBeNull();
  });
});

describe("the disability dimension", () => {
  it("counts by disability status, missing as unknown, with labels in both languages", () => {
    const records = [
      ...Array.from({ length: 6 }, () => ({ disability: "with-disability" as const })),
      ...Array.from({ length: 7 }, () => ({ disability: "without-disability" as const })),
      ...Array.from({ length: 5 }, () => ({})),
    ];
    const result = disaggregate(records, { by: ["disability"] });
    expect(result.cells.map((cell) => [cell.key.disability, cell.count])).toEqual([
      ["with-disability", 6],
      ["without-disability", 7],
      ["unknown", 5],
    ]);
    expect(labelCategory("disability", "unknown", "fr")).toBe("Handicap non renseigné");
    expect(label("disability", "with-disability", "fr")).toBe("En situation de handicap");
    expect(label("disaggregationDimension", "disability", "en")).toBe("Disability");
  });
});
