import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AgeBandSchema,
  ageBandCodesOf,
  ageBandOf,
  ageBandSchemaFor,
  ageBandSchemes,
  ageBands,
  birthYearSchema,
  isUnder18Band,
  maxPlausibleAge,
} from "./age";

describe("age-band tables", () => {
  it("match their sources", () => {
    // The common humanitarian SADD brackets (no standard fixing them could be confirmed: the
    // table pins what the package documents).
    expect(ageBandCodesOf("sadd")).toEqual([
      "0-5",
      "6-12",
      "13-17",
      "18-49",
      "50-59",
      "60-69",
      "70-79",
      "80+",
      "unknown",
    ]);
    // The UN's broad age groups: children 0–14, working age 15–64, older persons 65+.
    expect(ageBandCodesOf("sendai")).toEqual(["0-14", "15-64", "65+", "unknown"]);
    // UNSCR 2250 (2015): youth are persons aged 18–29.
    expect(ageBands.youth[1]).toEqual({ code: "18-29", minAge: 18, maxAge: 29 });
    // OCHA's needs overviews: children 0–17, adults 18–59, older persons 60+.
    expect(ageBandCodesOf("ocha")).toEqual(["0-17", "18-59", "60+", "unknown"]);
    expect(ageBandOf(1966, { asOf: 2026, scheme: "ocha" })).toBe("60+");
    expect(ageBandOf(1967, { asOf: 2026, scheme: "ocha" })).toBe("18-59");
  });

  it("are contiguous from 0 and end open", () => {
    for (const scheme of ageBandSchemes) {
      const bands = ageBands[scheme];
      expect(bands[0]?.minAge).toBe(0);
      expect(bands.at(-1)?.maxAge).toBeNull();
      for (let i = 1; i < bands.length; i++) {
        expect(bands[i]?.minAge).toBe((bands[i - 1]?.maxAge as number) + 1);
      }
    }
  });
});

describe("ageBandOf", () => {
  it("puts every plausible age in exactly one band of every scheme", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 0, max: maxPlausibleAge }),
        fc.constantFrom(...ageBandSchemes),
        (year, age, scheme) => {
          const band = ageBandOf(year - age, { asOf: year, scheme });
          const containing = ageBands[scheme].filter(
            (b) => age >= b.minAge && (b.maxAge === null || age <= b.maxAge),
          );
          expect(containing.map((b) => b.code)).toEqual([band]);
          expect(ageBandSchemaFor(scheme).parse(band)).toBe(band);
          expect(AgeBandSchema.parse(band)).toBe(band);
        },
      ),
    );
  });

  it("agrees for a Date and its UTC year", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1990-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }),
        (date) => {
          const year = date.getUTCFullYear();
          expect(ageBandOf(year - 20, { asOf: date, scheme: "youth" })).toBe("18-29");
        },
      ),
    );
  });

  it("switches band exactly at the boundaries", () => {
    // Hand-checked: born 2008, in 2026 they reach 18 (counted as if born on 1 January).
    expect(ageBandOf(2009, { asOf: 2026, scheme: "youth" })).toBe("under-18");
    expect(ageBandOf(2008, { asOf: 2026, scheme: "youth" })).toBe("18-29");
    expect(ageBandOf(1997, { asOf: 2026, scheme: "youth" })).toBe("18-29");
    expect(ageBandOf(1996, { asOf: 2026, scheme: "youth" })).toBe("30+");
    expect(ageBandOf(2012, { asOf: 2026, scheme: "sendai" })).toBe("0-14");
    expect(ageBandOf(2011, { asOf: 2026, scheme: "sendai" })).toBe("15-64");
    expect(ageBandOf(1961, { asOf: 2026, scheme: "sendai" })).toBe("65+");
    expect(ageBandOf(1946, { asOf: new Date("2026-06-30T12:00:00Z"), scheme: "sadd" })).toBe("80+");
    expect(ageBandOf(2026, { asOf: 2026, scheme: "sadd" })).toBe("0-5");
    // Adult bands, hand-checked at 2026: 17 → under-18, 18 and 29 → 18-29, 30 and 44 → 30-44,
    // 45 and 59 → 45-59, 60 → 60+.
    const adult = (birthYear: number) => ageBandOf(birthYear, { asOf: 2026, scheme: "adult" });
    expect([2009, 2008, 1997, 1996, 1982, 1981, 1967, 1966].map(adult)).toEqual([
      "under-18",
      "18-29",
      "18-29",
      "30-44",
      "30-44",
      "45-59",
      "45-59",
      "60+",
    ]);
  });

  it("says which adult bands are all adults (the under-18 band stays for completeness)", () => {
    expect(isUnder18Band("adult", "under-18")).toBe(true);
    expect(["18-29", "30-44", "45-59", "60+"].map((b) => isUnder18Band("adult", b))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("gives unknown for a missing birth year and throws for an impossible one", () => {
    expect(ageBandOf(null, { asOf: 2026, scheme: "sadd" })).toBe("unknown");
    expect(ageBandOf(undefined, { asOf: 2026, scheme: "child-adult" })).toBe("unknown");
    expect(() => ageBandOf(2027, { asOf: 2026, scheme: "sadd" })).toThrow(RangeError);
    expect(() => ageBandOf(1890, { asOf: 2026, scheme: "sadd" })).toThrow(RangeError);
    expect(() => ageBandOf(1990.5, { asOf: 2026, scheme: "sadd" })).toThrow(RangeError);
    expect(() => ageBandOf(1990, { asOf: new Date("nope"), scheme: "sadd" })).toThrow(RangeError);
    expect(birthYearSchema(2026).safeParse(2027).success).toBe(false);
    expect(birthYearSchema(2026).safeParse(1990).success).toBe(true);
  });

  it("tells which bands are under 18", () => {
    expect(isUnder18Band("sadd", "13-17")).toBe(true);
    expect(isUnder18Band("sadd", "18-49")).toBe(false);
    expect(isUnder18Band("sendai", "15-64")).toBeNull();
    expect(isUnder18Band("youth", "unknown")).toBeNull();
  });
});
