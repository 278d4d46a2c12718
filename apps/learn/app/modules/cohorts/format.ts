// Cohort dates are calendar days and workshop times are wall-clock times at the venue, both
// stored with a UTC label: format them in UTC so they read back exactly as they were entered.

// Building an Intl formatter costs far more than using one, and the cohort grid formats a few
// values per trainee: keep one formatter per kind and locale (a handful of locales, so the cache
// stays small; it is cleared if a stream of odd locales ever fills it).
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    if (formatters.size >= 64) formatters.clear();
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatDay(date: Date, locale: string): string {
  return cached(
    `day:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }),
  ).format(date);
}

export function formatDayTime(date: Date, locale: string): string {
  return cached(
    `day-time:${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
  ).format(date);
}

/** A percentage with at most one decimal in the reader's locale ("83.3 %", « 83,3 % »). */
export function formatPercent(value: number, locale: string): string {
  return cached(
    `percent:${locale}`,
    () => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }),
  ).format(value / 100);
}

/** The value of an `<input type="date">` for a stored day. */
export const dateInputValue = (date: Date) => date.toISOString().slice(0, 10);
