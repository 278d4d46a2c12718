import { createContext, type ReactNode, useContext, useMemo } from "react";
import { I18nProvider } from "react-aria-components";
import { builtInMessages, type UiLocale, type UiMessages } from "./messages";

interface UiLocaleValue {
  locale: UiLocale;
  messages: UiMessages;
}

const UiLocaleContext = createContext<UiLocaleValue>({
  locale: "en",
  messages: builtInMessages.en,
});

/** Props of {@link UiProvider}. */
export interface UiProviderProps {
  /** Language of the kit's own strings and of React Aria's formatting. */
  locale: UiLocale;
  /** Replaces some of the built-in strings, e.g. to match the app's wording. */
  messages?: Partial<UiMessages>;
  children: ReactNode;
}

/**
 * Sets the locale (and optional string overrides) for every component below it. Components also
 * take a `locale` prop, which wins over the provider.
 */
export function UiProvider({ locale, messages, children }: UiProviderProps) {
  const value = useMemo(
    () => ({ locale, messages: { ...builtInMessages[locale], ...messages } }),
    [locale, messages],
  );
  return (
    <UiLocaleContext.Provider value={value}>
      <I18nProvider locale={locale === "fr" ? "fr-FR" : "en-GB"}>{children}</I18nProvider>
    </UiLocaleContext.Provider>
  );
}

/** Locale and strings for a component: its own props first, then the nearest {@link UiProvider}. */
export function useUiMessages(
  locale?: UiLocale,
  overrides?: Partial<UiMessages>,
): { locale: UiLocale; messages: UiMessages } {
  const context = useContext(UiLocaleContext);
  const resolvedLocale = locale ?? context.locale;
  const base = locale && locale !== context.locale ? builtInMessages[locale] : context.messages;
  return { locale: resolvedLocale, messages: overrides ? { ...base, ...overrides } : base };
}

/** The props every component with built-in strings accepts. */
export interface LocalizedProps {
  /** Language of the component's built-in strings; defaults to the {@link UiProvider}'s, then English. */
  locale?: UiLocale;
  /** Overrides for some built-in strings. */
  messages?: Partial<UiMessages>;
}
