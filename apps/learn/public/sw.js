// Peacelearn service worker: lessons a trainee has opened stay readable without a connection.
//
// - Course and lesson pages (HTML): network first, so progress and language are current; the
//   cached copy is used when the network fails, or when it is so slow that waiting longer helps
//   no one (the fresh copy still replaces the cached one when it arrives).
// - Fingerprinted assets (/assets/*.css): cache first; their names change when their content does.
// - Signing out empties the page cache: a shared phone must not show the last person's lessons.
// Registered by an inline script in app/root.tsx; plain ES2017, no build step.

const VERSION = "v1";
const PAGES = `peacelearn-pages-${VERSION}`;
const ASSETS = `peacelearn-assets-${VERSION}`;
/** How long to wait for the network before falling back to a cached page that exists. */
const NETWORK_TIMEOUT_MS = 6000;
/** Pages kept at most; the oldest go first. */
const MAX_PAGES = 80;

const isCoursePage = (url) => /^\/courses\/[^/]+(\/lessons\/[^/]+)?\/?$/.test(url.pathname);
const isCachedAsset = (url) => url.pathname.startsWith("/assets/") && url.pathname.endsWith(".css");

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([PAGES, ASSETS]);
      for (const key of await caches.keys()) {
        if (key.startsWith("peacelearn-") && !keep.has(key)) await caches.delete(key);
      }
      await self.clients.claim();
      await cacheOpenPages();
    })(),
  );
});

/**
 * The page that registered the worker loaded before it existed, so neither it nor its CSS is
 * cached yet: fetch them once now, or the very first lesson opened would not work offline.
 */
async function cacheOpenPages() {
  const pages = await caches.open(PAGES);
  const assets = await caches.open(ASSETS);
  const windows = await self.clients.matchAll({ type: "window" });
  for (const client of windows) {
    const url = new URL(client.url);
    if (url.origin !== self.location.origin || !isCoursePage(url)) continue;
    try {
      const response = await fetch(url.href, { credentials: "same-origin" });
      if (!response.ok || response.redirected) continue;
      const html = await response.clone().text();
      await pages.put(pageKey(url), response);
      for (const [, href] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
        const asset = new URL(href, url);
        if (isCachedAsset(asset) && !(await assets.match(asset.href))) await assets.add(asset.href);
      }
    } catch {
      // Offline already: nothing to warm up.
    }
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.method === "POST" && url.pathname === "/logout") {
    event.waitUntil(caches.delete(PAGES));
    return;
  }
  if (request.method !== "GET") return;

  if (request.mode === "navigate" && isCoursePage(url)) {
    event.respondWith(networkFirst(event, request, url));
  } else if (isCachedAsset(url)) {
    event.respondWith(cacheFirst(request));
  }
});

/** Cache key without the query string: one copy per page. */
const pageKey = (url) => `${url.origin}${url.pathname}`;

async function networkFirst(event, request, url) {
  const cache = await caches.open(PAGES);
  const cached = await cache.match(pageKey(url));
  const fromNetwork = fetch(request).then(async (response) => {
    // Only complete pages: not redirects to the login page, not errors.
    if (response.ok && response.type === "basic" && !response.redirected) {
      const copy = response.clone();
      event.waitUntil(cache.put(pageKey(url), copy).then(() => trim(cache)));
    }
    return response;
  });

  if (!cached) return fromNetwork;
  const fallback = fromNetwork.catch(() => cached);
  // Keep the download alive even if the cached copy is served first.
  event.waitUntil(fromNetwork.catch(() => undefined));
  let timer;
  const slow = new Promise((resolve) => {
    timer = setTimeout(() => resolve(cached), NETWORK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([fallback, slow]);
  } finally {
    clearTimeout(timer);
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function trim(cache) {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await cache.delete(key);
}
