import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./locale";

const supported = ["en", "fr"] as const;

describe("negotiateLocale", () => {
  it("falls back when the header is missing or matches nothing", () => {
    expect(negotiateLocale(null, supported, "en")).toBe("en");
    expect(negotiateLocale("de-DE, ne;q=0.8", supported, "en")).toBe("en");
  });

  it("honours q-values rather than order", () => {
    expect(negotiateLocale("en;q=0.4, fr;q=0.9", supported, "en")).toBe("fr");
  });

  it("matches a regional tag to its primary language", () => {
    expect(negotiateLocale("fr-CA,fr;q=0.9,en;q=0.8", supported, "en")).toBe("fr");
    expect(negotiateLocale("FR-gn", supported, "en")).toBe("fr");
  });

  it("skips ranges refused with q=0", () => {
    expect(negotiateLocale("fr;q=0, en", supported, "en")).toBe("en");
    expect(negotiateLocale("fr;q=0", supported, "en")).toBe("en");
  });

  it("keeps header order between equal q-values", () => {
    expect(negotiateLocale("fr, en", supported, "en")).toBe("fr");
    expect(negotiateLocale("de, en, fr", supported, "fr")).toBe("en");
  });
});
