import type { i18n as I18n, TFunction } from "i18next";
import { createContext, type ReactNode, useContext } from "react";

/**
 * The React side of our i18next set-up. react-i18next's `useTranslation` copies the whole i18next
 * instance into a wrapper object for every component that calls it, on every server render —
 * measurable on every page. Our instances are fixed per locale (see `createI18n`), so a component
 * only needs that instance's fixed `t` for its namespaces, which is built once and reused.
 */
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

const fixedByInstance = new WeakMap<I18n, Map<string, TFunction>>();

/** `t` bound to the instance's language and `namespaces` (the first one is the default). */
export function fixedT(i18n: I18n, namespaces?: string | readonly string[]): TFunction {
  let fixed = fixedByInstance.get(i18n);
  if (!fixed) {
    fixed = new Map();
    fixedByInstance.set(i18n, fixed);
  }
  const key = namespaces === undefined ? "" : ([] as string[]).concat(namespaces).join("|");
  let t = fixed.get(key);
  if (!t) {
    t = i18n.getFixedT(
      null,
      namespaces === undefined ? null : [...([] as string[]).concat(namespaces)],
    );
    fixed.set(key, t);
  }
  return t;
}

/** `{ t, i18n }` for the page's locale, like react-i18next's hook of the same name. */
export function useTranslation(namespaces?: string | readonly string[]): {
  t: TFunction;
  i18n: I18n;
} {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useTranslation must be used inside <I18nProvider>");
  return { t: fixedT(i18n, namespaces), i18n };
}
