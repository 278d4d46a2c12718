import { data } from "react-router";

/**
 * Refuses a state-changing request that did not come from one of our own pages.
 * Browsers send `Origin` on every cross-site and same-site POST; `Referer` is the fallback for
 * the few that omit it. A request with neither is refused rather than trusted.
 */
export function assertSameOrigin(request: Request): void {
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
  if (actual !== expected) {
    throw data({ message: "cross-origin-request" }, { status: 403 });
  }
}

/**
 * A redirect target from user input, kept on this site: only absolute paths, never `//host`
 * or `/\host` (which browsers treat as another origin).
 */
export function safeRedirectPath(
  value: FormDataEntryValue | string | null | undefined,
  fallback = "/",
) {
  if (
    typeof value !== "string" ||
    !value.startsWith("/") ||
    value.startsWith("//") ||
    value.startsWith("/\\")
  ) {
    return fallback;
  }
  return value;
}

/**
 * The site's address as the public sees it, for links that leave the page (the verification URL
 * printed on a certificate): `PUBLIC_ORIGIN` when set — behind a proxy the request may carry an
 * internal address — else the request's own origin.
 */
export function publicOrigin(request: Request, configured = process.env.PUBLIC_ORIGIN): string {
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
