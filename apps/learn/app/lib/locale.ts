import type { UiLocale } from "@peacelearn/ui";

/**
 * Picks the best supported locale for an `Accept-Language` header (RFC 9110 §12.5.4):
 * highest q-value first, exact tag before its primary subtag ("fr-CA" → "fr"), `q=0` excluded.
 */
export function negotiateLocale<L extends string>(
  header: string | null | undefined,
  supported: readonly L[],
  fallback: L,
): L {
  if (!header) return fallback;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [rawTag = "", ...params] = part.trim().split(";");
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const q = qParam ? Number.parseFloat(qParam.slice(2)) : 1;
      return { tag: rawTag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((range) => range.tag !== "" && range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);

  const lower = supported.map((s) => s.toLowerCase());
  for (const { tag } of ranges) {
    if (tag === "*") return fallback;
    const exact = lower.indexOf(tag);
    if (exact !== -1) return supported[exact] as L;
    const primary = lower.indexOf(tag.split("-")[0] ?? "");
    if (primary !== -1) return supported[primary] as L;
  }
  return fallback;
}

/** True when `value` is one of `supported`; narrows the type. */
export function isSupportedLocale<L extends string>(
  value: unknown,
  supported: readonly L[],
): value is L {
  return typeof value === "string" && (supported as readonly string[]).includes(value);
}

/** The UI kit's locale for the page's: its built-in strings exist in English and French. */
export function uiLocale(locale: string): UiLocale {
  return locale === "fr" ? "fr" : "en";
}

/** Native names of the languages, so a reader can find hers whatever the page is in. */
export const localeNames: Record<string, string> = { en: "English", fr: "Français" };
