import { createCookie } from "react-router";
import { defaultLocale, supportedLocales } from "./i18n";
import { isSupportedLocale, negotiateLocale } from "./locale";

/** Remembers an explicit language choice for a year; the choice beats `Accept-Language`. */
export const localeCookie = createCookie("locale", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** The locale to render `request` in: the remembered choice, else the browser's preference. */
export async function getLocale(request: Request): Promise<string> {
  const remembered: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  if (isSupportedLocale(remembered, supportedLocales)) return remembered;
  return negotiateLocale(request.headers.get("Accept-Language"), supportedLocales, defaultLocale);
}
