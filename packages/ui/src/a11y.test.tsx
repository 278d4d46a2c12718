import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { axeViolations } from "./test/axe";
import { componentFixtures } from "./test/fixtures";

describe("axe finds no violations", () => {
  for (const [name, renderFixture] of Object.entries(componentFixtures)) {
    it(name, async () => {
      const { container } = render(<main>{renderFixture()}</main>);
      expect(await axeViolations(container)).toEqual([]);
    });
  }

  it("detects a real violation (the check can fail)", async () => {
    const { container } = render(
      <main>
        <input name="unlabelled" />
      </main>,
    );
    expect((await axeViolations(container)).join("\n")).toMatch(/^label:/m);
  });
});
