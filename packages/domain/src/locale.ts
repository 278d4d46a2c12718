import { z } from "zod";

/**
 * Locales the package ships labels for. English is the working language of the programme's
 * donors and partners; French is the working language in Guinea, Burundi, the DRC and Rwanda.
 */
export const locales = ["en", "fr"] as const;

/** A locale the package has labels for: `"en"` or `"fr"`. */
export type Locale = (typeof locales)[number];

/** Validates a {@link Locale}. */
export const LocaleSchema = /* @__PURE__ */ z.enum(locales);

/** The locale used when none is given or the requested one is not supported. */
export const defaultLocale: Locale = "en";

/** A text in every supported locale. */
export type LocalizedText = Readonly<Record<Locale, string>>;

/**
 * Picks the supported locale for a requested tag, falling back to {@link defaultLocale}.
 * Region and script subtags are ignored, so `"fr-CD"` and `"FR"` give `"fr"`.
 *
 * @example resolveLocale("fr-CA") // "fr"
 * @example resolveLocale("sw") // "en"
 */
export function resolveLocale(requested?: string | null): Locale {
  if (!requested) return defaultLocale;
  const language = requested.trim().toLowerCase().split(/[-_]/)[0];
  // A lookup rather than the zod schema: labelling a code must not pull zod into a bundle.
  return locales.find((locale) => locale === language) ?? defaultLocale;
}

/**
 * Returns the text for a requested locale, with the English text for unknown locales.
 *
 * @example localize({ en: "Guinea", fr: "Guinée" }, "fr") // "Guinée"
 */
export function localize(text: LocalizedText, requested?: string | null): string {
  return text[resolveLocale(requested)];
}
