import { defaultLocale, type Locale, locales } from "@peacelearn/domain";
import { createInstance, type i18n as I18n, type Resource } from "i18next";

/**
 * UI strings live in `app/locales/<locale>/<namespace>.json`; the glob below finds them at build
 * time. The locales themselves are the domain's (`Locale`): its labels exist in those languages
 * only, so adding a language means adding it to @peacelearn/domain and a folder here.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>("../locales/*/*.json", {
  eager: true,
});

const resources: Resource = {};
for (const [path, module] of Object.entries(files)) {
  const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!match) continue;
  const [, locale = "", namespace = ""] = match;
  resources[locale] ??= {};
  (resources[locale] as Record<string, unknown>)[namespace] = module.default;
}

/** The domain's locales the app has UI strings for, the default first. */
export const supportedLocales: readonly Locale[] = locales
  .filter((locale) => locale in resources)
  .sort((a, b) => (a === defaultLocale ? -1 : b === defaultLocale ? 1 : a.localeCompare(b)));

// One instance per locale for the life of the process: the resources are static and nothing
// changes an instance's language, so building one per request was pure overhead.
const instances = new Map<string, I18n>();

/** The synchronous i18next instance for `locale` (shared; never call `changeLanguage` on it). */
export function createI18n(locale: string): I18n {
  const cached = instances.get(locale);
  if (cached) return cached;
  const instance = createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: defaultLocale,
    supportedLngs: [...supportedLocales],
    resources,
    defaultNS: "common",
    ns: Object.keys(resources[defaultLocale] ?? { common: {} }),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  instances.set(locale, instance);
  return instance;
}
