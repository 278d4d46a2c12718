import { describe, expect, it } from "vitest";
import { foldLine, icsDateTime, icsText, toIcs } from "./ics";

const octets = (text: string) => new TextEncoder().encode(text).length;

describe("iCalendar writer (RFC 5545)", () => {
  it("writes UTC date-times in the basic form with a Z", () => {
    // §3.3.5 example: 19980119T070000Z.
    expect(icsDateTime(new Date("1998-01-19T07:00:00.000Z"))).toBe("19980119T070000Z");
  });

  it("escapes backslashes, semicolons, commas and line breaks in text", () => {
    // §3.3.11: ESCAPED-CHAR = "\\" / "\;" / "\," / "\N" / "\n".
    expect(icsText("Gulu; Hall 2, upstairs\\back\nthen left")).toBe(
      "Gulu\\; Hall 2\\, upstairs\\\\back\\nthen left",
    );
  });

  it("folds lines at 75 octets with CRLF and a space, never inside a UTF-8 character", () => {
    const line = `SUMMARY:${"é".repeat(80)}`;
    const folded = foldLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(1);
    for (const part of physical) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of physical.slice(1)) expect(part.startsWith(" ")).toBe(true);
    // Unfolding (§3.1: remove CRLF followed by one space) gives the line back.
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(foldLine("SHORT:x")).toBe("SHORT:x");
  });

  it("writes a calendar with CRLF line ends, a stable UID and UTC stamps", () => {
    const ics = toIcs({
      productId: "-//Peacelearn//Workshops//EN",
      now: new Date("2026-11-27T06:12:00Z"),
      events: [
        {
          uid: "session-1@peacelearn",
          start: new Date("2026-12-01T09:00:00Z"),
          end: new Date("2026-12-01T12:30:00Z"),
          summary: "Workshop 2, listening",
          location: "Gulu; Hall 2",
        },
      ],
    });
    expect(ics).toBe(
      [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Peacelearn//Workshops//EN",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        "UID:session-1@peacelearn",
        "DTSTAMP:20261127T061200Z",
        "DTSTART:20261201T090000Z",
        "DTEND:20261201T123000Z",
        "SUMMARY:Workshop 2\\, listening",
        "LOCATION:Gulu\\; Hall 2",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
      ].join("\r\n"),
    );
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("writes wall-clock times without a zone as floating times, DTSTAMP still in UTC", () => {
    const ics = toIcs({
      productId: "-//Peacelearn//Workshops//EN",
      now: new Date("2026-11-27T06:12:00Z"),
      events: [
        {
          uid: "s@peacelearn",
          start: new Date("2026-12-01T09:00:00Z"),
          summary: "Meeting",
          floating: true,
        },
      ],
    });
    expect(ics).toContain("\r\nDTSTAMP:20261127T061200Z\r\nDTSTART:20261201T090000\r\nSUMMARY:");
    expect(ics).not.toContain("DTEND");
  });
});
