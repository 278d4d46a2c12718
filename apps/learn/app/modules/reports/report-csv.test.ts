import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { toCsv } from "~/lib/csv";
import { reportCsv } from "./report-csv.server";

// The report and the cohort exports used to write CSV each their own way: the report quoted no
// semicolons (French Excel's delimiter) and left the byte-order mark to its route. One writer now.
const t = ((key: string) => `${key}; détail`) as unknown as TFunction;

describe("reportCsv", () => {
  it("writes its file with the app's one CSV writer (BOM, quoted semicolons, CRLF)", () => {
    const csv = reportCsv([], ["location"], "en", t);
    expect(csv).toBe(toCsv([["reports:dimensions.location; détail"]]));
    expect(csv).toBe('\uFEFF"reports:dimensions.location; détail"\r\n');
  });

  it("still defuses a label a spreadsheet would run as a formula", () => {
    const formula = ((key: string) => `=${key}`) as unknown as TFunction;
    expect(reportCsv([], ["location"], "en", formula)).toBe(
      "\uFEFF'=reports:dimensions.location\r\n",
    );
  });

  it("writes withheld counts as withheld, the notes after an empty line, and semicolons on request", () => {
    const result = {
      by: ["gender"] as const,
      minCellSize: 5,
      cells: [
        { key: { gender: "woman" as const }, count: 12, suppressed: false },
        {
          key: { gender: "man" as const },
          count: null,
          suppressed: true,
          reason: "withheld" as const,
        },
      ],
      margins: {},
      total: { count: null, suppressed: true, reason: "withheld" as const },
    };
    const plain = ((key: string) => key.replace("reports:", "")) as unknown as TFunction;
    const csv = reportCsv(
      [{ tier: "formal", measure: "enrolments", result }],
      ["gender"],
      "en",
      plain,
      ["Period: 2026"],
      { delimiter: ";" },
    );
    expect(csv).toBe(
      toCsv(
        [
          ["dimensions.gender", "formalUnits.enrolments"],
          ["Woman", 12],
          ["Man", "cell.withheld"],
          ["table.all", "cell.withheld"],
          [],
          ["Period: 2026"],
        ],
        { delimiter: ";" },
      ),
    );
  });
});
