import type { AppLoadContext } from "react-router";
import { isDiscreet } from "./discreet.server";
import { neutralPrefix, neutralUrl, readNeutralUrl } from "./neutral-url";

type Handler = (request: Request, context?: AppLoadContext) => Promise<Response>;

/** Addresses that already say nothing, and the exit, which must not wait for a detour. */
const keptAsTheyAre = new Set(["/", "/exit"]);

/**
 * Discreet mode's addresses, in one place for every route (docs/decisions/022-discreet-mode.md):
 *
 * - `/n/<token>` is served as the path it stands for, whatever the mode (a link copied in
 *   discreet mode keeps working after it is turned off);
 * - in discreet mode, a page asked for by any other address — a link made before the mode was
 *   turned on, a GET form's query (`/n/<token>?measure=…&by=gender`), a typed address — is
 *   redirected to its neutral address, so that only neutral addresses enter the history (a
 *   browser records where a redirect ends, not where it began);
 * - in discreet mode, a redirect the app answers (after a form, a sign-in) goes to the neutral
 *   address of its target.
 *
 * Links and form actions are made neutral where they are written (`useNeutralUrl`); this catches
 * whatever one of them misses, at the cost of one more round trip.
 */
export function withDiscreetUrls(handler: Handler): Handler {
  return async (request, context) => {
    const url = new URL(request.url);
    const real = readNeutralUrl(url.pathname);
    // A GET form on a neutral page sends its fields as the query of the neutral address.
    const target = real === null ? null : url.search ? `${real.split("?")[0]}${url.search}` : real;
    const discreet = await isDiscreet(request);
    if (discreet && isPageRequest(request, url)) {
      const shown = `${url.pathname}${url.search}`;
      const neutral = neutralUrl(target ?? shown);
      if (neutral !== shown) return redirectTo(neutral);
    }
    const response = await handler(target === null ? request : at(request, url, target), context);
    if (isOfflineReplay(request)) return replayAnswer(response, discreet);
    const answer = discreet ? withNeutralLocation(response) : response;
    return markOfflineCopy(answer, request, target ?? `${url.pathname}${url.search}`, discreet);
  };
}

/** Course and lesson pages: what the service worker keeps for reading without a connection. */
const offlinePage = /^\/courses\/[^/?]+(\/lessons\/[^/?]+)?\/?$/;
/** Pages whose form the worker may keep in its outbox when it is sent offline (ADR 028). */
const offlineWritePage = /^\/courses\/[^/?]+\/(lessons\/[^/?]+|modules\/[^/?]+\/check)\/?$/;
/** A course's "save it on this phone" page, whose list of pages the worker downloads. */
const offlinePackPage = /^\/courses\/[^/?]+\/offline\/?$/;

/**
 * Tells the service worker (public/sw.js), which cannot read the HttpOnly cookies, what it needs:
 * `Offline-Copy: keep; alias=<the page's other address>; discreet=<0|1>` on a course or lesson
 * page it may keep (it files the copy under both addresses, so it is found offline whichever
 * link she follows), `Offline-Copy: discreet=<0|1>` on any other page — so the offline page lists
 * saved pages by neutral labels while discreet mode is on.
 */
function markOfflineCopy(
  response: Response,
  request: Request,
  real: string,
  discreet: boolean,
): Response {
  if (request.method !== "GET" || response.status !== 200) return response;
  if (!/^text\/html\b/.test(response.headers.get("Content-Type") ?? "")) return response;
  const path = real.split("?")[0] as string;
  // In discreet mode the sign-out form posts to a neutral address: the worker is told which, so
  // it empties its caches and outbox there too (ADR 028).
  const state = discreet ? `discreet=1; forget=${neutralUrl("/logout")}` : "discreet=0";
  const neutral = neutralUrl(path);
  const alias = `alias=${new URL(request.url).pathname === neutral ? path : neutral}`;
  // A check's result (`?attempt=…`) is not its form: only the form is kept, under its address.
  const isWritePage = offlineWritePage.test(path) && !real.includes("?");
  let value = state;
  if (offlinePage.test(path) || isWritePage) {
    value = `keep; ${isWritePage ? "write; " : ""}${alias}; ${state}`;
  } else if (offlinePackPage.test(path)) {
    value = `pack; ${state}`;
  }
  return withHeader(response, "Offline-Copy", value);
}

/**
 * A form the service worker kept offline and sends again (`Offline-Replay: 1`, a header a page
 * of another site cannot send without our consent). The worker follows no redirect (the next
 * page would cost a 2G phone its whole weight), so it is told in words what happened:
 * `sent` (204, with the page the form led to), `signed-out` (401: the session ended, the write
 * waits for her to sign in again), or the server's own error answer as it is (400, 404, 409:
 * never accepted; 5xx: try again later).
 */
function isOfflineReplay(request: Request): boolean {
  return request.method === "POST" && request.headers.get("Offline-Replay") === "1";
}

function replayAnswer(response: Response, discreet: boolean): Response {
  const location = response.headers.get("Location");
  if (response.status < 300 || response.status >= 400 || !location) return response;
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (new URL(location, "http://replay.invalid").pathname === "/login") {
    headers.set("Offline-Replay", "signed-out");
    return new Response(null, { status: 401, headers });
  }
  headers.set("Offline-Replay", "sent");
  headers.set("Offline-Replay-Location", discreet ? neutralUrl(location) : location);
  return new Response(null, { status: 204, headers });
}

/** A document the browser will show at its address (not `.data`, not the exit, not the home page). */
function isPageRequest(request: Request, url: URL): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (url.pathname.endsWith(".data")) return false;
  return !keptAsTheyAre.has(url.pathname);
}

function redirectTo(location: string): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: location, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
}

/** The same request, addressed to `path` (and its query) on the same origin. */
function at(request: Request, url: URL, path: string): Request {
  const withBody = request.method !== "GET" && request.method !== "HEAD" && request.body !== null;
  return new Request(new URL(path, url.origin), {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    ...(withBody ? { body: request.body, duplex: "half" } : {}),
  } as RequestInit);
}

function withNeutralLocation(response: Response): Response {
  const location = response.headers.get("Location");
  if (response.status < 300 || response.status >= 400 || !location) return response;
  const neutral = neutralUrl(location);
  if (neutral === location || location.startsWith(neutralPrefix)) return response;
  return withHeader(response, "Location", neutral);
}

/** The same answer with one header set (React Router's answers may not be changed in place). */
function withHeader(response: Response, name: string, value: string): Response {
  const headers = new Headers(response.headers);
  headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
