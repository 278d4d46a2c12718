import { href, redirect } from "react-router";
import { env } from "~/lib/env.server";
import { safeRedirectPath } from "~/lib/http.server";
import { parseDeviceTokens, type RememberedDevice } from "./known-device.server";

export const SESSION_COOKIE = "peacelearn_session";
/**
 * The browser's known-device tokens (see known-device.server.ts), one per account signed in from
 * it, joined by dots. It outlives logging out on purpose: it is what lets the owner in while
 * someone else is guessing her password. It grants nothing by itself.
 */
export const DEVICE_COOKIE = "peacelearn_device";

function isLoopback(hostname: string) {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

/**
 * `Secure` in production. A production build opened on this machine over plain http (the
 * README's `npm start`, the browser tests) is the one exception: browsers would drop the cookie.
 */
function secureFor(request: Request) {
  return env.NODE_ENV === "production" && !isLoopback(new URL(request.url).hostname);
}

/** `expires: null` makes a browser-session cookie: it ends when the browser closes. */
function serialize(request: Request, value: string, expires: Date | null, name = SESSION_COOKIE) {
  const parts = [`${name}=${value}`, "HttpOnly", "SameSite=Lax", "Path=/"];
  if (expires) parts.push(`Expires=${expires.toUTCString()}`);
  if (secureFor(request)) parts.push("Secure");
  return parts.join("; ");
}

/** The session cookie; a shared-phone session's has no expiry, so it ends with the browser. */
export function sessionCookie(
  request: Request,
  token: string,
  expiresAt: Date,
  { shared = false }: { shared?: boolean } = {},
) {
  return serialize(request, token, shared ? null : expiresAt);
}

export function clearedSessionCookie(request: Request) {
  return serialize(request, "", new Date(0));
}

function readCookie(request: Request, cookie: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const pair of header.split(";")) {
    const [name, ...rest] = pair.trim().split("=");
    if (name === cookie) return rest.join("=") || null;
  }
  return null;
}

/** The session token sent with `request`, if any. */
export function readSessionToken(request: Request): string | null {
  return readCookie(request, SESSION_COOKIE);
}

/** The well-formed known-device tokens sent with `request` (none, or up to five). */
export function readDeviceTokens(request: Request): string[] {
  return parseDeviceTokens(readCookie(request, DEVICE_COOKIE));
}

/** The known-device cookie: HttpOnly, SameSite=Lax and Secure exactly like the session's. */
function deviceCookie(request: Request, device: RememberedDevice) {
  return serialize(request, device.cookieTokens.join("."), device.expiresAt, DEVICE_COOKIE);
}

/**
 * After sign-up or log-in: set the session and known-device cookies and go where the user was
 * heading (on this site).
 */
export function redirectSignedIn(
  request: Request,
  redirectTo: string | undefined,
  session: {
    token: string;
    expiresAt: Date;
    /** None on a shared phone: the browser is not hers to be known by. */
    device: RememberedDevice | null;
    shared?: boolean;
  },
) {
  const headers = new Headers();
  headers.append(
    "Set-Cookie",
    sessionCookie(request, session.token, session.expiresAt, { shared: session.shared }),
  );
  if (session.device) headers.append("Set-Cookie", deviceCookie(request, session.device));
  // With nowhere asked for, a person lands on her own learning, not the public home page.
  return redirect(safeRedirectPath(redirectTo, href("/learning")), { status: 303, headers });
}
