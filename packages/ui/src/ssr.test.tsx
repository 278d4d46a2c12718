// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { componentFixtures } from "./test/fixtures";

describe("server rendering", () => {
  it("runs without a DOM (no window or document during render)", () => {
    expect(typeof window).toBe("undefined");
    expect(typeof document).toBe("undefined");
  });

  for (const [name, render] of Object.entries(componentFixtures)) {
    it(`renders ${name} to a string`, () => {
      const html = renderToString(render());
      expect(html.length).toBeGreaterThan(0);
    });
  }
});
