// The workshop kit's service worker (ADR 030), loaded by /trainer/kit/sw.js so that its scope is
// /trainer/kit/ only. It keeps what the kit needs to open with no connection at all:
//
// - the kit's pages (HTML without any personal data): network first, the saved copy when the
//   network fails; a redirect (signed out) or an error is never saved over a good copy;
// - its script, manifest and icon (/kit/*): the saved copy at once, refreshed behind it;
// - the fingerprinted style sheets (/assets/*.css): saved copy first (their names change).
//
// The sync addresses (…/changes, …/commands) are never touched: kit.js sees their failures and
// keeps its records. The cache's name must not start with "peacelearn-": public/sw.js deletes
// those it does not know when it activates. Plain ES2017, no build step.

const CACHE = "kit-v1";

const isKitPage = (url) =>
  /^\/trainer\/kit\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith(".js");
const isStatic = (url) =>
  url.pathname.startsWith("/kit/") ||
  (url.pathname.startsWith("/assets/") && url.pathname.endsWith(".css"));

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("kit-") && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

async function kitPage(request, url) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) await cache.put(url.pathname, response.clone());
    return response;
  } catch (error) {
    const saved = await cache.match(url.pathname);
    if (saved) return saved;
    throw error;
  }
}

async function staticFile(event, url) {
  const cache = await caches.open(CACHE);
  const saved = await cache.match(event.request, { ignoreSearch: true });
  const fresh = fetch(event.request).then(async (response) => {
    if (response.ok) await cache.put(event.request, response.clone());
    return response;
  });
  if (!saved) return fresh;
  // Not fingerprinted: the next visit gets the new copy (a failure keeps the saved one).
  if (url.pathname.startsWith("/kit/")) event.waitUntil(fresh.catch(() => undefined));
  return saved;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && isKitPage(url)) event.respondWith(kitPage(request, url));
  else if (isStatic(url)) event.respondWith(staticFile(event, url));
});
