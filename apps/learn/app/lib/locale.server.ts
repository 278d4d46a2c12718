import { defaultLocale, type Locale } from "@peacelearn/domain";
import { createCookie } from "react-router";
import { supportedLocales } from "./i18n";
import { isSupportedLocale, negotiateLocale } from "./locale";

/** Remembers an explicit language choice for a year; the choice beats `Accept-Language`. */
export const localeCookie = createCookie("locale", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

// One resolution per request, however many loaders (and the document render) ask.
const resolved = new WeakMap<Request, Promise<Locale>>();

/**
 * The locale to render `request` in: the remembered choice, else the browser's preference. It is
 * the domain's `Locale`, resolved once per request and shared by every loader that asks.
 */
export function getLocale(request: Request): Promise<Locale> {
  let locale = resolved.get(request);
  if (!locale) {
    locale = resolveLocaleOf(request);
    resolved.set(request, locale);
  }
  return locale;
}

async function resolveLocaleOf(request: Request): Promise<Locale> {
  const remembered: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  if (isSupportedLocale(remembered, supportedLocales)) return remembered;
  return negotiateLocale(request.headers.get("Accept-Language"), supportedLocales, defaultLocale);
}
