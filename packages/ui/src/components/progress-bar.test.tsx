import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { UiProvider } from "../i18n/locale-context";
import { ProgressBar } from "./progress-bar";

describe("ProgressBar", () => {
  it("is a labelled progressbar with its value, range and value text", () => {
    render(<ProgressBar label="Course progress" value={3} max={8} valueText="3 of 8 lessons" />);
    const bar = screen.getByRole("progressbar", { name: "Course progress" });
    expect(bar.getAttribute("aria-valuenow")).toBe("3");
    expect(bar.getAttribute("aria-valuemin")).toBe("0");
    expect(bar.getAttribute("aria-valuemax")).toBe("8");
    expect(bar.getAttribute("aria-valuetext")).toBe("3 of 8 lessons");
    expect(bar.textContent).toContain("3 of 8 lessons");
  });

  it("says 'x of y' in the page's language by default, and keeps the value in range", () => {
    render(
      <UiProvider locale="fr">
        <ProgressBar label="Progression" value={12} max={8} />
      </UiProvider>,
    );
    const bar = screen.getByRole("progressbar", { name: "Progression" });
    expect(bar.getAttribute("aria-valuenow")).toBe("8");
    expect(bar.getAttribute("aria-valuetext")).toBe("8 sur 8");
    const fill = bar.querySelector<HTMLElement>("[style]");
    expect(fill?.style.width).toBe("100%");
  });
});
