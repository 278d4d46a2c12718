// Numbers and dates in the page's locale. French Intl output uses a narrow no-break space
// (U+202F) that older phone fonts lack; the wider U+00A0 is used instead (as in the curriculum).

/** A whole percentage: "70%" in English, "70 %" in French. */
export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 })
    .format(value / 100)
    .replace(/\u202f/g, "\u00a0");
}

/**
 * Intl locales for the app's languages. English dates are written day-month-year ("27 November
 * 2026"), which reads the same to every English-speaking trainee, unlike the US order.
 */
const intlLocales: Record<string, string> = { en: "en-GB", fr: "fr-FR" };

/**
 * A calendar date ("27 November 2026", "27 novembre 2026"). Read in UTC so the same moment gives
 * the same date on every server, whatever its time zone.
 */
export function formatDate(value: Date | string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocales[locale] ?? locale, {
    dateStyle: "long",
    timeZone: "UTC",
  })
    .format(new Date(value))
    .replace(/\u202f/g, "\u00a0");
}
