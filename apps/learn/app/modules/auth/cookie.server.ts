import { redirect } from "react-router";
import { env } from "~/lib/env.server";
import { safeRedirectPath } from "~/lib/http.server";

export const SESSION_COOKIE = "peacelearn_session";

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

function serialize(request: Request, value: string, expires: Date) {
  const parts = [
    `${SESSION_COOKIE}=${value}`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    `Expires=${expires.toUTCString()}`,
  ];
  if (secureFor(request)) parts.push("Secure");
  return parts.join("; ");
}

export function sessionCookie(request: Request, token: string, expiresAt: Date) {
  return serialize(request, token, expiresAt);
}

export function clearedSessionCookie(request: Request) {
  return serialize(request, "", new Date(0));
}

/** The session token sent with `request`, if any. */
export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const pair of header.split(";")) {
    const [name, ...rest] = pair.trim().split("=");
    if (name === SESSION_COOKIE) return rest.join("=") || null;
  }
  return null;
}

/** After sign-up or log-in: set the session cookie and go where the user was heading (on this site). */
export function redirectSignedIn(
  request: Request,
  redirectTo: string | undefined,
  session: { token: string; expiresAt: Date },
) {
  return redirect(safeRedirectPath(redirectTo), {
    status: 303,
    headers: { "Set-Cookie": sessionCookie(request, session.token, session.expiresAt) },
  });
}
