import { getDb } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { isSameOrigin } from "~/lib/http.server";
import { clearedSessionCookie, readSessionToken } from "./cookie.server";
import { invalidateSession, sessionIdFromToken, validateSessionToken } from "./session.server";

// Quick exit (issue 12, docs/decisions/018-quick-exit.md). What a person presses when someone
// walks in: she must be somewhere else at once, and nothing of this site may come back one Back
// press later. Pages are `no-store`, so going Back asks the server again; the server must then
// have nothing to show, hence the browser is signed out.

/** The everyday site quick exit goes to (configurable: QUICK_EXIT_URL). */
export function quickExitDestination(): string {
  return env.QUICK_EXIT_URL;
}

/**
 * The answer to POST /exit: straight to the neutral site, this browser signed out, the page cache
 * and back-forward cache of this site emptied (`Clear-Site-Data: "cache"`), and no Referer for
 * the neutral site to log. It never fails: a request that is not from our own page still leaves
 * (without signing anyone out), and so does one the database cannot answer — the cookie is
 * cleared, and a session row left behind is useless without it.
 */
export async function quickExit(request: Request): Promise<Response> {
  // Another site's form must not be able to sign anyone out: it only gets the redirect.
  if (!isSameOrigin(request)) return leave(request, { signOut: false });
  const token = readSessionToken(request);
  let shared = false;
  if (token) {
    try {
      const db = await getDb();
      shared = (await validateSessionToken(db, token))?.session.shared ?? false;
      await invalidateSession(db, sessionIdFromToken(token));
    } catch (error) {
      console.error("quick exit: the session row could not be deleted", error);
    }
  }
  return leave(request, { signOut: true, shared });
}

/** GET /exit (a bookmark, a typed address): leave, change nothing. */
export function quickExitLink(request: Request): Response {
  return leave(request, { signOut: false });
}

/**
 * On a shared phone ("this phone is not only mine") leaving also empties what the site stored:
 * the lessons saved for offline reading, the service worker. On her own phone they stay: they
 * are her study material on a slow link, and she is signed out, so Back cannot reach them.
 */
export function clearSiteData({ shared }: { shared: boolean }): string {
  return shared ? '"cache", "storage"' : '"cache"';
}

function leave(
  request: Request,
  { signOut, shared = false }: { signOut: boolean; shared?: boolean },
): Response {
  const headers = new Headers({
    Location: quickExitDestination(),
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "Clear-Site-Data": clearSiteData({ shared }),
  });
  if (signOut) headers.append("Set-Cookie", clearedSessionCookie(request));
  return new Response(null, { status: 303, headers });
}
