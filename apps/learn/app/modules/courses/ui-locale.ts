import type { UiLocale } from "@peacelearn/ui";

/** The UI kit's locale for the page's: its built-in strings exist in English and French. */
export function uiLocale(locale: string): UiLocale {
  return locale === "fr" ? "fr" : "en";
}

/** A date-only value (stored at UTC midnight) in the reader's language. */
export function formatDay(value: Date | string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(value),
  );
}
