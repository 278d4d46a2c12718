import type { UiLocale } from "@peacelearn/ui";

/** The UI kit's locale for the page's: its built-in strings exist in English and French. */
export function uiLocale(locale: string): UiLocale {
  return locale === "fr" ? "fr" : "en";
}
