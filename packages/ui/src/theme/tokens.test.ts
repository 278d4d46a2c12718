// @vitest-environment node
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderThemeCss } from "./render-theme-css";
import {
  colorTokens,
  contrastPairs,
  contrastRatio,
  minimumContrast,
  relativeLuminance,
} from "./tokens";

describe("WCAG contrast helpers", () => {
  it("match the WCAG definition's end points and a known pair", () => {
    // WCAG 2.x: white has luminance 1, black 0, so black on white is (1 + 0.05) / (0 + 0.05) = 21.
    expect(relativeLuminance("#ffffff")).toBe(1);
    expect(relativeLuminance("#000000")).toBe(0);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 10);
    // #767676 on white is the well-known lightest grey passing AA: 4.54:1 (WebAIM contrast checker).
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#ffffff", "#767676")).toBeCloseTo(4.54, 2);
  });
});

describe("theme colour pairs meet WCAG AA", () => {
  for (const pair of contrastPairs) {
    it(`${pair.foreground} on ${pair.background} (${pair.usage}) ≥ ${minimumContrast[pair.kind]}:1`, () => {
      const ratio = contrastRatio(colorTokens[pair.foreground], colorTokens[pair.background]);
      expect(ratio).toBeGreaterThanOrEqual(minimumContrast[pair.kind]);
    });
  }
});

describe("theme.css", () => {
  const css = readFileSync(new URL("../theme.css", import.meta.url), "utf8");

  it("is the file generated from tokens.ts (run `pnpm generate:theme` after editing tokens)", () => {
    expect(css).toBe(renderThemeCss());
  });

  it("declares every colour token inside @theme", () => {
    const theme = css.slice(css.indexOf("@theme {"), css.indexOf("}", css.indexOf("@theme {")));
    for (const [name, value] of Object.entries(colorTokens)) {
      expect(theme).toContain(`--color-${name}: ${value};`);
    }
  });
});
