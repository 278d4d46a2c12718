import { describe, expect, it } from "vitest";
import {
  conflictContextName,
  conflictContexts,
  countries,
  countryCodes,
  LocationCodeSchema,
  locationName,
  programmeRegions,
  regionOf,
} from "./geography";

describe("countries", () => {
  it("carry the ISO 3166-1 alpha-3 and UN M49 codes", () => {
    // Source: UN Statistics Division, Standard country or area codes for statistical use (M49),
    // which lists ISO alpha-3 alongside; copied by hand.
    const expected = {
      LR: ["LBR", "430"],
      GN: ["GIN", "324"],
      SL: ["SLE", "694"],
      NP: ["NPL", "524"],
      LK: ["LKA", "144"],
      BI: ["BDI", "108"],
      CD: ["COD", "180"],
      RW: ["RWA", "646"],
      UG: ["UGA", "800"],
      GE: ["GEO", "268"],
    };
    expect(
      Object.fromEntries(countryCodes.map((c) => [c, [countries[c].alpha3, countries[c].m49]])),
    ).toEqual(expected);
  });

  it("have their UN French names", () => {
    // Source: UNTERM French short names.
    expect(countries.GN.name.fr).toBe("Guinée");
    expect(countries.CD.name.fr).toBe("République démocratique du Congo");
    expect(countries.GE.name.fr).toBe("Géorgie");
    expect(countries.NP.name.fr).toBe("Népal");
    expect(countries.UG.name.fr).toBe("Ouganda");
    expect(countries.SL.name.fr).toBe("Sierra Leone");
    expect(countries.LK.name.fr).toBe("Sri Lanka");
  });
});

describe("names in a sentence", () => {
  it("take the French article and preposition of each country's gender", () => {
    // UNTERM gives each French short name with its article: la Guinée, le Népal, l'Ouganda…;
    // « en » goes before feminine names and vowels, « au » before other masculine names.
    const fr = (
      code: "GN" | "NP" | "SL" | "LK" | "CD" | "UG" | "LR",
      form: "withArticle" | "locative",
    ) => locationName(code, { locale: "fr", form });
    expect(fr("GN", "locative")).toBe("en Guinée");
    expect(fr("NP", "locative")).toBe("au Népal");
    expect(fr("SL", "locative")).toBe("en Sierra Leone");
    expect(fr("LK", "locative")).toBe("au Sri Lanka");
    expect(fr("CD", "locative")).toBe("en République démocratique du Congo");
    expect(fr("UG", "withArticle")).toBe("l'Ouganda");
    expect(fr("LR", "withArticle")).toBe("le Libéria");
    expect(locationName("CD", { form: "locative" })).toBe(
      "in the Democratic Republic of the Congo",
    );
    expect(locationName("GN")).toBe("Guinea");
  });

  it("follow the audience for Abkhazia", () => {
    expect(locationName("GE-AB", { locale: "fr", form: "locative" })).toBe("en Abkhazie");
    expect(locationName("GE-AB", { audience: "un", locale: "fr", form: "locative" })).toBe(
      "en Abkhazie (Géorgie)",
    );
    expect(locationName("GE-AB", { audience: "georgian-official", form: "withArticle" })).toBe(
      "the Autonomous Republic of Abkhazia",
    );
  });

  it("has literal alpha-3 and M49 types", () => {
    const guinea: "GIN" = countries.GN.alpha3;
    const m49: "324" = countries.GN.m49;
    expect([guinea, m49]).toEqual(["GIN", "324"]);
  });
});

describe("programme regions", () => {
  it("group the programme countries, each exactly once", () => {
    expect(programmeRegions["west-africa"].countries).toEqual(["LR", "GN", "SL"]);
    expect(programmeRegions["south-asia"].countries).toEqual(["NP", "LK"]);
    expect(programmeRegions["great-lakes"].countries).toEqual(["BI", "CD", "RW", "UG"]);
    expect(programmeRegions["south-caucasus"].countries).toEqual(["GE"]);
    expect(programmeRegions["south-caucasus"].conflictContexts).toEqual(["GE-AB"]);
    const all = Object.values(programmeRegions).flatMap((r) => r.countries);
    expect([...all].sort()).toEqual([...countryCodes].sort());
  });
});

describe("Abkhazia", () => {
  it("is ISO 3166-2 GE-AB under Georgia, disputed, in the South Caucasus", () => {
    expect(conflictContexts["GE-AB"]).toMatchObject({
      code: "GE-AB",
      parent: "GE",
      disputed: true,
      region: "south-caucasus",
    });
    expect(regionOf("GE-AB")).toBe("south-caucasus");
    expect(LocationCodeSchema.parse("GE-AB")).toBe("GE-AB");
  });

  it("has audience-specific names, none presenting it as a sovereign state", () => {
    expect(conflictContextName("GE-AB")).toBe("Abkhazia");
    expect(conflictContextName("GE-AB", { locale: "fr" })).toBe("Abkhazie");
    expect(conflictContextName("GE-AB", { audience: "un" })).toBe("Abkhazia, Georgia");
    expect(conflictContextName("GE-AB", { audience: "un", locale: "fr" })).toBe(
      "Abkhazie (Géorgie)",
    );
    expect(locationName("GE-AB", { audience: "georgian-official" })).toBe(
      "Autonomous Republic of Abkhazia",
    );
    for (const names of Object.values(conflictContexts["GE-AB"].names)) {
      for (const name of Object.values(names)) {
        expect(name).not.toMatch(/^(the )?Republic of Abkhazia|^République d'Abkhazie/i);
      }
    }
  });
});
