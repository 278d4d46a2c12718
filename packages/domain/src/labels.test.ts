import { describe, expect, it } from "vitest";
import { label, labelCategory, type Vocabulary, vocabularyCodes } from "./labels";
import { resolveLocale } from "./locale";

// Labels that are the same word in English and French, checked one by one.
const sameInBothLanguages = new Set([
  "Sierra Leone",
  "Sri Lanka",
  "Burundi",
  "Rwanda",
  "National",
  "International",
  "Principal",
  // The WPS pillars (UN French: « participation », « protection »).
  "Participation",
  "Protection",
]);

describe("labels", () => {
  const entries = (Object.keys(vocabularyCodes) as Vocabulary[]).flatMap((vocabulary) =>
    vocabularyCodes[vocabulary].map((code) => [vocabulary, code] as const),
  );

  it.each(entries)("%s %s has English and French labels", (vocabulary, code) => {
    const en = label(vocabulary, code as never, "en");
    const fr = label(vocabulary, code as never, "fr");
    expect(en.trim()).not.toBe("");
    expect(fr.trim()).not.toBe("");
    if (!sameInBothLanguages.has(en)) expect(fr).not.toBe(en);
  });

  it("falls back to English for other locales", () => {
    expect(label("country", "GN", "sw")).toBe("Guinea");
    expect(label("country", "GN", "fr-GN")).toBe("Guinée");
    expect(label("activityType", "accompaniment", "fr")).toBe("Accompagnement");
    expect(label("dacGenderMarker", 0)).toBe("Not targeted");
    expect(resolveLocale(undefined)).toBe("en");
  });

  it("labels the unknown categories of a disaggregation", () => {
    expect(labelCategory("location", "unknown", "fr")).toBe("Lieu non renseigné");
    expect(labelCategory("region", "great-lakes", "fr")).toBe("Grands Lacs");
    expect(labelCategory("location", "GE-AB", "en")).toBe("Abkhazia");
  });

  it("throws for a code outside the vocabulary", () => {
    expect(() => label("country", "FR" as never)).toThrow(RangeError);
  });
});
