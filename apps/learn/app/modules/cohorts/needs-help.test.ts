import { describe, expect, it } from "vitest";
import { helpSignals, latestOf } from "./needs-help";

const now = new Date("2026-11-27T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const base = {
  joinedAt: daysAgo(60),
  lastActivityAt: daysAgo(1),
  attempts: [],
  courseCompleted: false,
};

describe("helpSignals", () => {
  it("raises nothing for an active trainee with no failed checks", () => {
    expect(helpSignals(base, now)).toEqual([]);
  });

  it("raises low attendance below 60 % once two workshops are recorded (40 % reads 'yes' now)", () => {
    const at = (ratePercent: number | null, recorded: number) =>
      helpSignals({ ...base, attendance: { ratePercent, recorded } }, now);
    // 2 of 5 workshops attended = 40 %: the example.
    expect(at(40, 5)).toEqual([{ reason: "low-attendance", ratePercent: 40 }]);
    expect(at(59.9, 2)).toEqual([{ reason: "low-attendance", ratePercent: 59.9 }]);
    // 60 % is not below the threshold; one missed first workshop is not a trend.
    expect(at(60, 5)).toEqual([]);
    expect(at(0, 1)).toEqual([]);
    // Nothing attended or missed yet (all excused): no rate, no signal.
    expect(at(null, 3)).toEqual([]);
  });

  it("flags two failed attempts at the same check without a pass", () => {
    const signals = helpSignals(
      {
        ...base,
        attempts: [
          { knowledgeCheckId: "k1", passed: false },
          { knowledgeCheckId: "k1", passed: false },
        ],
      },
      now,
    );
    expect(signals).toEqual([
      { reason: "failed-check", knowledgeCheckId: "k1", failedAttempts: 2 },
    ]);
  });

  it("does not flag one failure, failures spread over two checks, or a pass after failing", () => {
    const once = [{ knowledgeCheckId: "k1", passed: false }];
    const spread = [
      { knowledgeCheckId: "k1", passed: false },
      { knowledgeCheckId: "k2", passed: false },
    ];
    const recovered = [
      { knowledgeCheckId: "k1", passed: false },
      { knowledgeCheckId: "k1", passed: false },
      { knowledgeCheckId: "k1", passed: true },
    ];
    for (const attempts of [once, spread, recovered]) {
      expect(helpSignals({ ...base, attempts }, now)).toEqual([]);
    }
  });

  it("flags no activity for more than 14 days, and not at exactly 14 days", () => {
    expect(helpSignals({ ...base, lastActivityAt: daysAgo(14) }, now)).toEqual([]);
    const later = new Date(daysAgo(14).getTime() - 1);
    expect(helpSignals({ ...base, lastActivityAt: later }, now)).toEqual([
      { reason: "inactive", lastActiveAt: later, days: 14 },
    ]);
    expect(helpSignals({ ...base, lastActivityAt: daysAgo(30) }, now)).toEqual([
      { reason: "inactive", lastActiveAt: daysAgo(30), days: 30 },
    ]);
  });

  it("counts from joining when there is no activity (or only activity before joining)", () => {
    expect(helpSignals({ ...base, joinedAt: daysAgo(3), lastActivityAt: null }, now)).toEqual([]);
    expect(
      helpSignals({ ...base, joinedAt: daysAgo(5), lastActivityAt: daysAgo(40) }, now),
    ).toEqual([]);
    expect(helpSignals({ ...base, joinedAt: daysAgo(20), lastActivityAt: null }, now)).toEqual([
      { reason: "inactive", lastActiveAt: null, days: 20 },
    ]);
  });

  it("does not call someone who finished every lesson inactive", () => {
    expect(
      helpSignals({ ...base, lastActivityAt: daysAgo(40), courseCompleted: true }, now),
    ).toEqual([]);
  });

  it("can raise both signals at once", () => {
    const signals = helpSignals(
      {
        ...base,
        lastActivityAt: daysAgo(20),
        attempts: [
          { knowledgeCheckId: "k1", passed: false },
          { knowledgeCheckId: "k1", passed: false },
        ],
      },
      now,
    );
    expect(signals.map((signal) => signal.reason)).toEqual(["failed-check", "inactive"]);
  });
});

describe("latestOf", () => {
  it("returns the latest date, ignoring missing ones", () => {
    expect(latestOf([null, daysAgo(3), undefined, daysAgo(1), daysAgo(2)])).toEqual(daysAgo(1));
    expect(latestOf([null, undefined])).toBeNull();
  });
});
