import { describe, expect, it } from "vitest";
import { dacSectorGroups, dacSectors } from "./dac-sectors";
import {
  DacGenderMarkerSchema,
  dacGenderMarker,
  IascGenderAgeMarkerSchema,
  iascGenderAgeMarker,
  WpsResolutionSchema,
  wpsResolutions,
  ypsResolutions,
} from "./frameworks";

describe("WPS resolutions", () => {
  it("are 1325 and its nine sisters, with their adoption years", () => {
    // Source: the resolutions' document symbols S/RES/<number> (<year>).
    expect(Object.fromEntries(Object.values(wpsResolutions).map((r) => [r.code, r.year]))).toEqual({
      "1325": 2000,
      "1820": 2008,
      "1888": 2009,
      "1889": 2009,
      "1960": 2010,
      "2106": 2013,
      "2122": 2013,
      "2242": 2015,
      "2467": 2019,
      "2493": 2019,
    });
    expect(wpsResolutions["1325"]).toMatchObject({
      symbol: "S/RES/1325 (2000)",
      adopted: "2000-10-31",
    });
    expect(WpsResolutionSchema.safeParse("2250").success).toBe(false);
  });

  it("keep youth, peace and security apart", () => {
    expect(ypsResolutions["2250"]).toMatchObject({ year: 2015, adopted: "2015-12-09" });
  });
});

describe("markers", () => {
  it("DAC gender marker: 0 not targeted, 1 significant, 2 principal", () => {
    // Source: OECD-DAC Handbook on the Gender Equality Policy Marker (2016).
    expect([0, 1, 2].map((c) => dacGenderMarker[c as 0 | 1 | 2].name.en)).toEqual([
      "Not targeted",
      "Significant",
      "Principal",
    ]);
    expect(dacGenderMarker[2].definition.en).toContain(
      "would not have been undertaken without this gender equality objective",
    );
    expect(DacGenderMarkerSchema.safeParse(3).success).toBe(false);
    // The OECD's own French names (Manuel relatif au marqueur de la politique d'aide à l'appui de
    // l'égalité homme-femme, GENDERNET, 2016; CRS directives), not a translation of ours.
    expect([0, 1, 2].map((c) => dacGenderMarker[c as 0 | 1 | 2].name.fr)).toEqual([
      "Ne visant pas cet objectif",
      "Objectif significatif",
      "Objectif principal",
    ]);
  });

  it("IASC GAM: codes 0–4", () => {
    // Source: IASC Gender with Age Marker (2018) code definitions, as published by OCHA.
    expect(iascGenderAgeMarker[4].definition.en).toBe(
      "Likely to contribute to gender equality, including across age groups.",
    );
    expect(iascGenderAgeMarker[3].definition.en).toBe(
      "Likely to contribute to gender equality, but without attention to age groups.",
    );
    expect(iascGenderAgeMarker[0].definition.en).toBe(
      "Does not systematically link programming actions.",
    );
    expect(IascGenderAgeMarkerSchema.safeParse(5).success).toBe(false);
    // OCHA's CBPF/CERF records mark a project without contact with affected people "N/A".
    expect(IascGenderAgeMarkerSchema.parse("N/A")).toBe("N/A");
    expect(iascGenderAgeMarker["N/A"].name.en).toBe("Not applicable");
  });
});

describe("DAC sectors", () => {
  it("carry the official CRS names", () => {
    // Source: OECD DAC CRS purpose codes (English and French), via the IATI Sector codelist.
    const expected = {
      "15130": "Legal and judicial development",
      "15150": "Democratic participation and civil society",
      "15160": "Human rights",
      "15170": "Women's rights organisations and movements, and government institutions",
      "15180": "Ending violence against women and girls",
      "15210": "Security system management and reform",
      "15220": "Civilian peace-building, conflict prevention and resolution",
      "15230": "Participation in international peacekeeping operations",
      "15240": "Reintegration and SALW control",
      "15250": "Removal of land mines and explosive remnants of war",
      "15261": "Child soldiers (prevention and demobilisation)",
    };
    expect(Object.fromEntries(Object.values(dacSectors).map((s) => [s.code, s.name.en]))).toEqual(
      expected,
    );
    expect(dacSectors["15220"].name.fr).toBe(
      "Dispositifs civils de construction de la paix, et de prévention et de règlement des conflits",
    );
    expect(dacSectorGroups["152"].name.en).toBe("Conflict, Peace & Security");
    expect(
      Object.values(dacSectors)
        .filter((s) => s.group === "152")
        .map((s) => s.code),
    ).toEqual(["15210", "15220", "15230", "15240", "15250", "15261"]);
  });
});
