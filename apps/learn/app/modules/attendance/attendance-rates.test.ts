import { describe, expect, it } from "vitest";
import {
  percentOneDecimal,
  type SessionState,
  sessionState,
  summariseAttendance,
  wasMemberFor,
} from "./attendance-rates";

const at = (iso: string) => new Date(iso);
const workshop = { startsAt: at("2026-10-01T09:00:00Z"), endsAt: at("2026-10-01T12:00:00Z") };
const now = at("2026-11-27T12:00:00Z");

describe("wasMemberFor", () => {
  it("counts people who joined before the workshop ended, not after", () => {
    expect(wasMemberFor(at("2026-09-20T00:00:00Z"), workshop)).toBe(true);
    expect(wasMemberFor(at("2026-10-01T10:30:00Z"), workshop)).toBe(true); // joined during it
    expect(wasMemberFor(at("2026-10-01T12:00:01Z"), workshop)).toBe(false);
    expect(wasMemberFor(at("2026-10-01T09:00:01Z"), { ...workshop, endsAt: null })).toBe(false);
  });
});

describe("sessionState", () => {
  it("shows a late joiner as not yet a member even if something was recorded", () => {
    expect(sessionState(at("2026-10-05T00:00:00Z"), workshop, "absent", now)).toBe(
      "not-yet-member",
    );
  });

  it("tells recorded, unrecorded past and upcoming workshops apart", () => {
    const joined = at("2026-09-01T00:00:00Z");
    expect(sessionState(joined, workshop, "late", now)).toBe("late");
    expect(sessionState(joined, workshop, undefined, now)).toBe("not-recorded");
    const future = { startsAt: at("2026-12-01T09:00:00Z"), endsAt: null };
    expect(sessionState(joined, future, undefined, now)).toBe("upcoming");
  });
});

describe("summariseAttendance", () => {
  it("computes the rate over present, late and absent only", () => {
    const states: SessionState[] = [
      "present",
      "present",
      "late",
      "absent",
      "excused",
      "not-recorded",
      "not-yet-member",
      "upcoming",
    ];
    // Hand calculation: attended = 2 present + 1 late = 3; denominator 3 + 1 absent = 4;
    // 3 / 4 = 75 %. Held = 6 (everything but not-yet-member and upcoming).
    expect(summariseAttendance(states)).toEqual({
      present: 2,
      late: 1,
      excused: 1,
      absent: 1,
      notRecorded: 1,
      held: 6,
      ratePercent: 75,
    });
  });

  it("never counts a not-yet-member workshop as an absence", () => {
    const summary = summariseAttendance(["not-yet-member", "not-yet-member", "present"]);
    expect(summary.absent).toBe(0);
    expect(summary.ratePercent).toBe(100);
  });

  it("has no rate when nothing countable was recorded", () => {
    expect(summariseAttendance(["excused", "not-recorded"]).ratePercent).toBeNull();
    expect(summariseAttendance([]).ratePercent).toBeNull();
  });
});

describe("percentOneDecimal", () => {
  it("rounds to one decimal", () => {
    expect(percentOneDecimal(5, 6)).toBe(83.3); // 83.333…
    expect(percentOneDecimal(2, 3)).toBe(66.7); // 66.666…
    expect(percentOneDecimal(1, 8)).toBe(12.5);
    expect(percentOneDecimal(0, 0)).toBeNull();
  });
});
