import { randomBytes } from "node:crypto";
import { env } from "./env.server";

/**
 * The headers every page and every `.data` answer of the app carries, decided here once and
 * applied in entry.server.tsx (docs/decisions/drafts/headers-and-outage.md explains each).
 * server.js adds the few that also cover static files (nosniff, Referrer-Policy, X-Frame-Options,
 * Permissions-Policy).
 */

/** A fresh Content-Security-Policy nonce: 128 random bits, one per document. */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The policy of a document whose inline scripts carry `nonce`. Scripts: our own files and the
 * nonced inline ones (the service-worker registration; React Router's hydration data and
 * scroll restoration on pages that hydrate) — no `unsafe-inline`, no `eval`. Styles: our own
 * style sheets and nonced `<style>` elements (React Aria adds one on hydrated pages, reading the
 * nonce from `<meta property="csp-nonce">`); inline `style` *attributes* are allowed because
 * the UI library's progress bar sets its width with one. The development server injects
 * `<style>` elements and talks over a WebSocket, so it gets those two (a nonce would switch
 * `'unsafe-inline'` off). Images, fonts, the service worker and fetches fall back to
 * `default-src 'self'`.
 */
function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  const directives: Record<string, string> = {
    "default-src": "'self'",
    "script-src": `'self' 'nonce-${nonce}'`,
    "style-src": development ? "'self' 'unsafe-inline'" : `'self' 'nonce-${nonce}'`,
    "style-src-attr": "'unsafe-inline'",
    "connect-src": development ? "'self' ws: wss:" : "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    // Quick exit posts to /exit, which redirects to the neutral site: a form's redirect is held
    // to form-action too, so without it the no-JavaScript exit would stay on the page.
    "form-action": `'self' ${new URL(env.QUICK_EXIT_URL).origin}`,
    "frame-ancestors": "'none'",
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join("; ");
}

/** One year; no `includeSubDomains` or `preload`: other sites may share the parent domain. */
const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

const LOOPBACK = /^(?:localhost|.+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Whether `request` reached us over HTTPS. Its URL carries the protocol the server saw: the
 * socket's own, or — only when TRUST_PROXY names the proxy (server.js) — the proxy's
 * `X-Forwarded-Proto`. A loopback host is never told to insist on HTTPS: the production build
 * is opened over plain http on this machine (README, browser tests).
 */
function cameOverHttps(request: Request): boolean {
  const url = new URL(request.url);
  return url.protocol === "https:" && !LOOPBACK.test(url.hostname);
}

/**
 * The caching rule, for every page and `.data` answer: `no-store`, so nothing personal stays in
 * a browser's cache (a shared phone) or one Back press away. A route may ask for caching by
 * returning `Cache-Control` from its `headers` export; that is honoured only for a successful
 * answer to a request without a session that sets no cookie, and gets `Vary: Cookie` so a
 * cache never hands it to a signed-in visitor (or one in discreet mode). Nothing else can
 * make an answer cacheable, so a new route cannot forget to be private.
 */
function applyCachePolicy(
  headers: Headers,
  { status, signedIn }: { status: number; signedIn: boolean },
): void {
  const requested = headers.get("Cache-Control");
  const cacheable =
    requested !== null &&
    !/\bno-store\b/i.test(requested) &&
    status === 200 &&
    !signedIn &&
    !headers.has("Set-Cookie");
  if (cacheable) {
    const vary = headers.get("Vary");
    if (!vary?.split(",").some((name) => name.trim().toLowerCase() === "cookie")) {
      headers.set("Vary", vary ? `${vary}, Cookie` : "Cookie");
    }
    return;
  }
  headers.set("Cache-Control", "no-store");
}

export type ResponseHeaderOptions = {
  request: Request;
  status: number;
  /** The request carries a session cookie (valid or not: it is somebody's). */
  signedIn: boolean;
  /** Set for HTML documents: the nonce their inline scripts carry. */
  nonce?: string | undefined;
  development?: boolean;
};

/** Sets the security and caching headers of a page (with `nonce`) or a `.data` answer. */
export function applyResponseHeaders(headers: Headers, options: ResponseHeaderOptions): void {
  if (options.nonce !== undefined) {
    headers.set(
      "Content-Security-Policy",
      contentSecurityPolicy(options.nonce, { development: options.development ?? false }),
    );
  }
  if (cameOverHttps(options.request)) {
    headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  }
  applyCachePolicy(headers, options);
}
