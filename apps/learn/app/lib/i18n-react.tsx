import type { i18n as I18n, TFunction } from "i18next";
import { createContext, type ReactNode, useContext } from "react";
import type { Namespaces, Translate } from "./i18n-keys";

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

/**
 * `t` bound to the instance's language and `namespaces` (the first one is the default), typed by
 * their keys (./i18n-keys.ts): a key they do not have is a type error.
 */
export function fixedT<const Ns extends Namespaces = "common">(
  i18n: I18n,
  namespaces?: Ns,
): Translate<Ns> {
  let fixed = fixedByInstance.get(i18n);
  if (!fixed) {
    fixed = new Map();
    fixedByInstance.set(i18n, fixed);
  }
  const key = namespaces === undefined ? "" : ([] as string[]).concat(namespaces).join("|");
  let t = fixed.get(key);
  if (!t) {
    t = memoisePlainKeys(
      i18n.getFixedT(
        null,
        namespaces === undefined ? null : [...([] as string[]).concat(namespaces)],
      ),
    );
    fixed.set(key, t);
  }
  return t as unknown as Translate<Ns>;
}

/** Distinct (key, options) results kept per `t` before starting over. */
const MEMO_LIMIT = 2000;

/**
 * A fixed instance's `t` is a pure function of its key and options, and pages call it with a
 * small set of them (`t("nav.courses")`, `t("lesson.minutes", { count: 12 })`): remember results
 * for calls whose options are plain strings, numbers or booleans. The memory is bounded; other
 * calls (objects, arrays, `returnObjects`) go to i18next every time.
 */
function memoisePlainKeys(t: TFunction): TFunction {
  let results = new Map<string, unknown>();
  const call = t as unknown as (...args: unknown[]) => unknown;
  const memoised = (...args: unknown[]) => {
    const memoKey = memoKeyOf(args);
    if (memoKey === null) return call(...args);
    if (results.has(memoKey)) return results.get(memoKey);
    const result = call(...args);
    if (results.size >= MEMO_LIMIT) results = new Map();
    results.set(memoKey, result);
    return result;
  };
  return Object.assign(memoised, t) as unknown as TFunction;
}

function memoKeyOf(args: readonly unknown[]): string | null {
  const [key, options] = args;
  if (typeof key !== "string" || args.length > 2) return null;
  if (options === undefined) return key;
  if (typeof options !== "object" || options === null || Array.isArray(options)) return null;
  // Objects handed out are shared: never remember them.
  if ("returnObjects" in options) return null;
  let memoKey = key;
  for (const [name, value] of Object.entries(options)) {
    const type = typeof value;
    if (type !== "string" && type !== "number" && type !== "boolean") return null;
    memoKey += `\u0000${name}\u0001${type[0]}${String(value)}`;
  }
  return memoKey;
}

/** `{ t, i18n }` for the page's locale, like react-i18next's hook of the same name. */
export function useTranslation<const Ns extends Namespaces = "common">(
  namespaces?: Ns,
): {
  t: Translate<Ns>;
  i18n: I18n;
} {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useTranslation must be used inside <I18nProvider>");
  return { t: fixedT(i18n, namespaces), i18n };
}
