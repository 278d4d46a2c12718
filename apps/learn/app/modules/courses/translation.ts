/** Content is written in English first; every other locale may lag behind. */
export const CONTENT_FALLBACK_LOCALE = "en";

/** The locales to ask the database for: the reader's, then the fallback. */
export function contentLocales(locale: string): string[] {
  return locale === CONTENT_FALLBACK_LOCALE ? [locale] : [locale, CONTENT_FALLBACK_LOCALE];
}

/**
 * The translation to show a reader of `locale`: theirs, else English, else any (a course imported
 * in French only still has a title). `undefined` only when there is no translation at all.
 */
export function pickTranslation<T extends { locale: string }>(
  translations: readonly T[],
  locale: string,
): T | undefined {
  return (
    translations.find((translation) => translation.locale === locale) ??
    translations.find((translation) => translation.locale === CONTENT_FALLBACK_LOCALE) ??
    translations[0]
  );
}

/** A piece of course text with the language it is actually in, so pages can mark it `lang`. */
export type LocalizedText = { text: string; lang: string };

/** `field` of the best translation, or `fallback` (e.g. the stable key) when there is none. */
export function localizedField<T extends { locale: string }, K extends keyof T>(
  translations: readonly T[],
  locale: string,
  field: K,
  fallback: string,
): LocalizedText {
  const picked = pickTranslation(translations, locale);
  if (!picked) return { text: fallback, lang: CONTENT_FALLBACK_LOCALE };
  return { text: String(picked[field]), lang: picked.locale };
}

/**
 * `where` fragment for modules and lessons still in their course. The curriculum importer keeps
 * content that left the source but has learner data, with position 0
 * (`RETIRED_POSITION` in @peacelearn/curriculum); readers skip it.
 */
export const activeContent = { position: { gt: 0 } } as const;
