import { type Locale, resolveLocale } from "@peacelearn/domain";

// Dates and numbers in the page's language: the app's one owner of how they read, so a date looks
// the same on a certificate, the dashboard and a trainer's roster.
//
// - One order per language. English is written day-month-year ("27 November 2026", "27 Nov
//   2026"), as the programme's certificates always were: it reads the same to every
//   English-speaking trainee, unlike the US month-first order. French is "27 novembre 2026".
// - Stored days are UTC midnight and workshop times are wall-clock times at the venue stored with
//   a UTC label, so everything is formatted in UTC: the same moment reads back as it was entered,
//   whatever the server's time zone.
// - French Intl output uses a narrow no-break space (U+202F) that older phone fonts lack; the
//   wider U+00A0 is used instead (as in the curriculum).

const intlLocales: Readonly<Record<Locale, string>> = { en: "en-GB", fr: "fr-FR" };

// Building an Intl formatter costs far more than using one, and a cohort grid formats a few values
// per trainee: one formatter per kind and locale. Keys are built from the resolved locale, so the
// cache holds at most (kinds × supported locales) entries.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

const wideSpaces = (text: string) => text.replace(/\u202f/g, "\u00a0");

function dateFormatter(kind: string, locale: string, options: Intl.DateTimeFormatOptions) {
  const resolved = resolveLocale(locale);
  return cached(
    `${kind}:${resolved}`,
    () => new Intl.DateTimeFormat(intlLocales[resolved], { ...options, timeZone: "UTC" }),
  );
}

/** A calendar date in full, for documents: "27 November 2026", "27 novembre 2026". */
export function formatDate(value: Date | string, locale: string): string {
  return wideSpaces(dateFormatter("date", locale, { dateStyle: "long" }).format(new Date(value)));
}

/** A calendar date in tables and lists: "27 Nov 2026", "27 nov. 2026". */
export function formatDay(value: Date | string, locale: string): string {
  return wideSpaces(dateFormatter("day", locale, { dateStyle: "medium" }).format(new Date(value)));
}

/** A date and a time of day: "27 Nov 2026, 14:30", "27 nov. 2026, 14:30". */
export function formatDayTime(value: Date | string, locale: string): string {
  return wideSpaces(
    dateFormatter("day-time", locale, { dateStyle: "medium", timeStyle: "short" }).format(
      new Date(value),
    ),
  );
}

/**
 * A percentage with at most `fractionDigits` decimals (none by default): "70%", "83.3%" in
 * English, "70 %", "83,3 %" in French.
 */
export function formatPercent(value: number, locale: string, fractionDigits = 0): string {
  const resolved = resolveLocale(locale);
  const formatter = cached(
    `percent-${fractionDigits}:${resolved}`,
    () =>
      new Intl.NumberFormat(intlLocales[resolved], {
        style: "percent",
        maximumFractionDigits: fractionDigits,
      }),
  );
  return wideSpaces(formatter.format(value / 100));
}
