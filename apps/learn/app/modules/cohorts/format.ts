// Cohort dates are calendar days and workshop times are wall-clock times at the venue, both
// stored with a UTC label: format them in UTC so they read back exactly as they were entered.

export function formatDay(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

export function formatDayTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(date);
}

/** A percentage with at most one decimal in the reader's locale ("83.3 %", « 83,3 % »). */
export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(
    value / 100,
  );
}

/** The value of an `<input type="date">` for a stored day. */
export const dateInputValue = (date: Date) => date.toISOString().slice(0, 10);
