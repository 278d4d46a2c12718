import { data } from "react-router";
import { env } from "./env.server";

/**
 * Refuses a state-changing request that did not come from one of our own pages.
 * Browsers send `Origin` on every cross-site and same-site POST; `Referer` is the fallback for
 * the few that omit it. A request with neither is refused rather than trusted.
 */
export function assertSameOrigin(request: Request): void {
  if (!isSameOrigin(request)) {
    throw data({ message: "cross-origin-request" }, { status: 403 });
  }
}

/** Whether a request came from one of our own pages (see {@link assertSameOrigin}). */
export function isSameOrigin(request: Request): boolean {
  const expected = new URL(request.url).origin;
  const origin = request.headers.get("Origin");
  const referer = request.headers.get("Referer");
  let actual: string | null = null;
  if (origin && origin !== "null") actual = origin;
  else if (referer) {
    try {
      actual = new URL(referer).origin;
    } catch {
      actual = null;
    }
  }
  return actual === expected;
}

const REDIRECT_BASE = "http://peacelearn.invalid";

/**
 * The one judge of where user input may send a browser: a path on this site, or `fallback`.
 * Browsers drop tab, CR and LF anywhere in a URL and read a backslash as `/`, so "/", tab,
 * "/evil.example" is `//evil.example`, another site; dot segments can also fold `/.//x`
 * into `//x`. The value is resolved as a browser would, kept only if it stays on our origin and
 * does not start with `//`, and returned percent-encoded, so it is always a valid `Location`
 * header (a raw non-Latin-1 character there made the server answer 500).
 */
export function safeRedirectPath(
  value: FormDataEntryValue | string | null | undefined,
  fallback = "/",
): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2048) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, REDIRECT_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== REDIRECT_BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? fallback : path;
}

/**
 * The site's address as the public sees it, for links that leave the page (the verification URL
 * printed on a certificate): `PUBLIC_ORIGIN` when set — behind a proxy the request may carry an
 * internal address — else the request's own origin.
 */
export function publicOrigin(request: Request, configured = env.PUBLIC_ORIGIN): string {
  if (!configured) return new URL(request.url).origin;
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new Error(`PUBLIC_ORIGIN must be an absolute http(s) address, not "${configured}"`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`PUBLIC_ORIGIN must be an absolute http(s) address, not "${configured}"`);
  }
  return url.origin;
}
