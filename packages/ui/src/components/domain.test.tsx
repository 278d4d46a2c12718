import { disaggregate } from "@peacelearn/domain";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { participantsByGenderAndAge } from "../test/fixtures";
import { DisaggregationChart } from "./disaggregation-chart";
import { pyramidGrid } from "./disaggregation-data";
import { ActivityTypeTag, MarkerBadge } from "./domain-tags";
import { CountryName, RegionBadge } from "./location";

// Expected figures are counted by hand from participantsByGenderAndAge() in test/fixtures.tsx.
describe("DisaggregationChart", () => {
  it("has a data table with every gender, counts, and suppressed cells as <5", () => {
    render(<DisaggregationChart title="Participants" data={participantsByGenderAndAge()} />);
    const table = screen.getByRole("table");
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual([
      "Age band",
      "Women",
      "Men",
      "Another gender (self-described)",
      "Prefer not to say",
      "Not recorded",
      "Total",
    ]);
    const row = (band: string) =>
      within(table).getByRole("rowheader", { name: band }).closest("tr")?.querySelectorAll("td");
    const youth = row("18–29 years");
    expect(youth?.[0]?.textContent).toBe("12");
    expect(youth?.[1]?.textContent).toBe("9");
    expect(youth?.[2]?.textContent).toBe("<5 (suppressed)");
    expect(row("Under 18")?.[0]?.textContent).toBe("<5 (suppressed)");
    // The 18–29 margin is hidden by complementary suppression: it is not "<5", it is "hidden".
    expect(youth?.[5]?.textContent).toBe("hidden");
    expect(screen.getByText(/fewer than 5 people/)).toBeTruthy();
  });

  it("uses the configured threshold and French labels", () => {
    const people = Array.from({ length: 7 }, () => ({ gender: "woman" as const, birthYear: 1990 }));
    const data = disaggregate(people, {
      by: ["gender", "ageBand"],
      minCellSize: 10,
      age: { scheme: "child-adult", asOf: 2026 },
    });
    render(<DisaggregationChart title="Participantes" data={data} locale="fr" />);
    const table = screen.getByRole("table");
    expect(within(table).getByRole("columnheader", { name: "Femmes" })).toBeTruthy();
    expect(within(table).getAllByText("<10").length).toBeGreaterThan(0);
    expect(within(table).queryByText("7")).toBeNull();
    expect(screen.getByText(/moins de 10 personnes/)).toBeTruthy();
  });

  it("draws suppressed cells as same-size hatched stubs, not as bars of a made-up length", () => {
    const { container } = render(
      <DisaggregationChart title="Participants" data={participantsByGenderAndAge()} />,
    );
    const svg = container.querySelector("svg");
    expect(svg?.getAttribute("aria-hidden")).toBe("true");
    const hatched = [...container.querySelectorAll("rect")].filter((r) =>
      (r.getAttribute("fill") ?? "").startsWith("url(#"),
    );
    expect(hatched.length).toBeGreaterThan(0);
    expect(new Set(hatched.map((r) => r.getAttribute("width")))).toEqual(new Set(["22"]));
    // Women 18–29 (12) is the longest visible bar: full length, BAR_MAX = (640 − 112) / 2 − 56 = 208.
    // Men 18–29 (9) is 9/12 of it.
    const women = container.querySelector("rect.fill-chart-women[width]");
    const lengths = [...container.querySelectorAll("rect.fill-chart-men")].map((r) =>
      Number(r.getAttribute("width")),
    );
    expect(women).toBeTruthy();
    expect(Math.max(...lengths)).toBeCloseTo((9 / 12) * 208, 5);
  });

  it("keeps the table in the DOM when hidden, and toggles it", () => {
    render(
      <DisaggregationChart
        title="Participants"
        data={participantsByGenderAndAge()}
        tableToggle
        defaultTableVisible={false}
      />,
    );
    const table = screen.getByRole("table");
    expect(table.parentElement?.className).toContain("sr-only");
    const toggle = screen.getByRole("button", { name: "Show data table" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(toggle);
    expect(table.parentElement?.className).not.toContain("sr-only");
    expect(screen.getByRole("button", { name: "Hide data table" })).toBeTruthy();
  });

  it("pivots every gender, women and men first, age bands youngest first", () => {
    const grid = pyramidGrid(participantsByGenderAndAge());
    expect(grid.genders.slice(0, 2)).toEqual(["woman", "man"]);
    expect(grid.genders).toContain("another-gender");
    expect(grid.ageBands).toEqual(["under-18", "18-29", "30+", "unknown"]);
    expect(grid.maxCount).toBe(12);
  });
});

describe("CountryName and RegionBadge", () => {
  it("names a country, with a flag only when asked", () => {
    const { container } = render(<CountryName code="CD" locale="fr" showFlag />);
    expect(container.textContent).toContain("République démocratique du Congo");
    expect(container.querySelector('[aria-hidden="true"]')?.textContent).toBe("🇨🇩");
  });

  it("never shows Abkhazia as a state: no flag, a disputed note, audience names", () => {
    const { container, rerender } = render(<CountryName code="GE-AB" showFlag />);
    expect(container.textContent).toBe("Abkhazia(disputed territory)");
    expect(container.textContent).not.toMatch(/\p{Regional_Indicator}/u);
    rerender(<CountryName code="GE-AB" audience="un" locale="fr" />);
    expect(container.textContent).toBe("Abkhazie (Géorgie)(territoire contesté)");
  });

  it("shows the programme region of a location", () => {
    render(<RegionBadge location="GE-AB" locale="fr" />);
    expect(screen.getByText("Caucase du Sud")).toBeTruthy();
  });
});

describe("ActivityTypeTag and MarkerBadge", () => {
  it("labels an activity type from the domain", () => {
    render(<ActivityTypeTag type="accompaniment" locale="fr" showDescription />);
    expect(screen.getByText("Accompagnement")).toBeTruthy();
    expect(
      screen.getByText("Mentorat de suivi des défenseurs et défenseuses formés."),
    ).toBeTruthy();
  });

  it("says which marker and which score, not only a colour", () => {
    const { container } = render(<MarkerBadge marker="dac-gender" code={2} />);
    expect(container.textContent).toBe("DAC gender equality marker: 2·Principal");
    const { container: gam } = render(<MarkerBadge marker="iasc-gam" code={0} locale="fr" />);
    expect(gam.textContent).toContain("Marqueur genre et âge de l’IASC : 0");
  });
});
