import { describe, expect, it } from "vitest";
import { disaggregate } from "./disaggregate";
import { locationName } from "./geography";
import { hxlHashtags, hxlTagRow } from "./hxl";
import { iatiGenderPolicyMarker, iatiRecipientRegions, iatiSector } from "./iati";
import {
  ExternalGenderSchema,
  ExternalLocationSchema,
  genderFromExternal,
  IncomingRecordSchema,
  locationFromExternal,
} from "./interop";
import { labelCategory } from "./labels";

describe("genderFromExternal", () => {
  it.each([
    ["f", "woman"],
    ["F", "woman"],
    [" female ", "woman"],
    ["Femme", "woman"],
    ["m", "man"],
    ["MALE", "man"],
    ["homme", "man"],
    ["H", "man"],
    ["x", "another-gender"],
    ["autre", "another-gender"],
    ["refused", "prefer-not-to-say"],
    ["", "not-recorded"],
    [null, "not-recorded"],
    ["inconnu", "not-recorded"],
    // ISO/IEC 5218: 1 male, 2 female, 0 not known, 9 not applicable.
    [1, "man"],
    ["2", "woman"],
    ["9", "not-recorded"],
    ["woman", "woman"],
  ] as const)("maps %j to %s", (value, gender) => {
    expect(genderFromExternal(value)).toBe(gender);
  });

  it("never guesses an unknown code", () => {
    expect(genderFromExternal("fem")).toBeUndefined();
    expect(genderFromExternal("3")).toBeUndefined();
    expect(genderFromExternal("constructor")).toBeUndefined();
    expect(ExternalGenderSchema.safeParse("q").success).toBe(false);
  });
});

describe("locationFromExternal", () => {
  it("reads ISO alpha-2 and alpha-3 in any case, and M49", () => {
    expect(locationFromExternal("lr")).toBe("LR");
    expect(locationFromExternal("LBR")).toBe("LR");
    expect(locationFromExternal("cod")).toBe("CD");
    expect(locationFromExternal(" gin ")).toBe("GN");
    // M49 (UNSD): Sri Lanka 144, Burundi 108.
    expect(locationFromExternal(144)).toBe("LK");
    expect(locationFromExternal("108")).toBe("BI");
  });

  it("keeps Abkhazia and Georgia apart", () => {
    expect(locationFromExternal("ge-ab")).toBe("GE-AB");
    expect(locationFromExternal("geo")).toBe("GE");
    expect(locationFromExternal("AB")).toBeUndefined();
  });

  it("rejects what is not a programme location", () => {
    expect(locationFromExternal("FRA")).toBeUndefined();
    expect(locationFromExternal("FR")).toBeUndefined();
    expect(ExternalLocationSchema.safeParse("xyz").success).toBe(false);
    expect(ExternalLocationSchema.parse("")).toBeNull();
  });
});

describe("IncomingRecordSchema", () => {
  it("normalises a record from another system into one disaggregate counts", () => {
    const records = [
      { sex: "F", birth_year: "1994", country: "lbr" },
      { gender: "homme", birthYear: 2010, location: "LR" },
      { sex: "", birth_year: "", country: "" },
    ].map((input) => IncomingRecordSchema.parse(input));
    expect(records).toEqual([
      { gender: "woman", birthYear: 1994, location: "LR" },
      { gender: "man", birthYear: 2010, location: "LR" },
      { gender: "not-recorded" },
    ]);
    const result = disaggregate([...records, ...records], { by: ["location"] });
    expect(result.total.count).toBe(6);
    const liberia = result.cells.find((cell) => cell.key.location === "LR");
    expect(liberia?.suppressed).toBe(true);
    expect(labelCategory("location", "LR", "fr")).toBe("Libéria");
  });

  it("reports unknown codes as validation issues", () => {
    const parsed = IncomingRecordSchema.safeParse({ sex: "z", country: "FRA" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(["country", "sex"]);
  });
});

describe("the README's end-to-end example", () => {
  it("validates, protects and labels in French as the README says", () => {
    const rows = [
      { sex: "F", birth_year: "1994", country: "lbr" },
      { sex: "homme", birth_year: 2001, country: "GIN" },
      { sex: "female", birth_year: "", country: "ge-ab" },
      ...Array.from({ length: 6 }, () => ({ sex: "f", birth_year: 1990, country: "LR" })),
    ];
    const records = rows.map((row) => IncomingRecordSchema.parse(row));
    expect(records[0]).toEqual({ gender: "woman", birthYear: 1994, location: "LR" });
    const table = disaggregate(records, { by: ["gender", "location"], minCellSize: 5 });
    const lines = table.cells
      .filter((cell) => cell.key.gender === "woman" && cell.key.location !== "SL")
      .slice(0, 3)
      .map((cell) => {
        const gender = labelCategory("gender", cell.key.gender ?? "not-recorded", "fr");
        const place = labelCategory("location", cell.key.location ?? "unknown", "fr");
        return `${gender} — ${place} : ${cell.suppressed ? "masqué" : cell.count}`;
      });
    // Seven women in Liberia (1 + 6) are shown; Guinea has no woman, a 0 that the suppression may
    // hide as a complement of the one man there.
    expect(lines[0]).toBe("Femme — Libéria : 7");
    expect(lines[1]).toMatch(/^Femme — Guinée : (0|masqué)$/);
    expect(locationName("GN", { locale: "fr", form: "locative" })).toBe("en Guinée");
  });
});

describe("IATI", () => {
  it("writes the DAC gender marker as policy marker 1 with its significance", () => {
    // IATI PolicyMarker code 1 = Gender Equality; PolicySignificance 0/1/2 = the DAC scores.
    expect(iatiGenderPolicyMarker(2)).toEqual({ vocabulary: "1", code: "1", significance: "2" });
    expect(iatiGenderPolicyMarker(0).significance).toBe("0");
  });

  it("writes CRS purpose codes in sector vocabulary 1 and regions where defined", () => {
    expect(iatiSector("15170")).toEqual({ vocabulary: "1", code: "15170" });
    // IATI Region (OECD DAC): 289 South of Sahara, regional; 679 South Asia, regional.
    expect(iatiRecipientRegions["west-africa"].dac?.code).toBe("289");
    expect(iatiRecipientRegions["south-asia"].dac?.code).toBe("679");
    expect(iatiRecipientRegions["south-caucasus"].dac).toBeNull();
    // UN M49: 145 Western Asia holds Georgia.
    expect(iatiRecipientRegions["south-caucasus"].m49.code).toBe("145");
  });
});

describe("HXL", () => {
  it("tags every disaggregation column and the count", () => {
    expect(hxlTagRow(["gender", "ageBand", "location"])).toEqual([
      "#gender+code",
      "#age+range",
      "#loc+code",
      "#reached",
    ]);
    for (const tag of Object.values(hxlHashtags))
      expect(tag).toMatch(/^#[a-z][a-z0-9_]*(\+[a-z0-9_]+)*$/);
  });
});
