// iCalendar (RFC 5545) out: the one writer of .ics files. Lines end in CRLF (§3.1), lines longer
// than 75 octets are folded with CRLF + space (§3.1, never inside a UTF-8 character), text values
// escape backslash, semicolon, comma and line breaks (§3.3.11), and DTSTAMP is UTC ("Z", §3.3.5).

/** One event of a calendar. */
export type IcsEvent = {
  /** Globally unique and stable: the same event keeps it across downloads, so calendars update it. */
  uid: string;
  start: Date;
  end?: Date | null;
  summary: string;
  location?: string | null;
  /**
   * Start and end are wall-clock times with no known time zone (stored with a UTC label): written
   * as floating times (RFC 5545 §3.3.5 form #1, no "Z"), which a calendar shows at that hour
   * wherever it is. Written as UTC otherwise.
   */
  floating?: boolean;
};

/** `20261127T061200Z`: a UTC date-time (RFC 5545 §3.3.5, form #2). */
export function icsDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

/** `20261127T091200`: a floating date-time (§3.3.5, form #1), read from a UTC-labelled wall clock. */
function icsFloatingDateTime(wallClock: Date): string {
  return icsDateTime(wallClock).slice(0, -1);
}

/** A TEXT value (RFC 5545 §3.3.11). */
export function icsText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (RFC 5545 §3.1), never splitting a character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  // Continuation lines start with a space, which counts towards their 75.
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 1;
      limit = 75;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** A whole VCALENDAR with its events, CRLF line ends and a final line break. */
export function toIcs({
  productId,
  events,
  now,
}: {
  /** PRODID, e.g. "-//Peacelearn//Workshops//EN". */
  productId: string;
  events: readonly IcsEvent[];
  /** DTSTAMP of every event: when this file was made. */
  now: Date;
}): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${productId}`, "CALSCALE:GREGORIAN"];
  for (const event of events) {
    const time = event.floating ? icsFloatingDateTime : icsDateTime;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.uid}`,
      `DTSTAMP:${icsDateTime(now)}`,
      `DTSTART:${time(event.start)}`,
      ...(event.end ? [`DTEND:${time(event.end)}`] : []),
      `SUMMARY:${icsText(event.summary)}`,
      ...(event.location ? [`LOCATION:${icsText(event.location)}`] : []),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
