// Peacelearn service worker: lessons a trainee has opened stay readable without a connection.
//
// - Course and lesson pages (HTML), which the server marks `Offline-Copy: keep; alias=…` (the
//   worker cannot tell them by their address: in discreet mode every address is `/n/<token>`):
//   network first, so progress and language are current; the cached copy — filed under both the
//   page's addresses, its real one and its neutral one — is used when the network fails, or when
//   it is so slow that waiting longer helps no one (the fresh copy still replaces the cached one).
// - Fingerprinted assets (/assets/*.css): cache first; their names change when their content does.
// - Any other same-origin navigation (GET): network only, never cached.
// - Discreet mode: every page says whether it is on (`Offline-Copy: …; discreet=1`); the worker
//   remembers the last answer, and while it is on the offline page lists saved pages under
//   neutral labels ("Saved page 1"), never their titles or real addresses.
// - When a navigation fails for want of a network and no copy is cached, an offline page
//   (status 503, self-contained, French or English after the browser's language) links to the
//   pages saved on this device and to the address asked for. A server's own answer, even a 404 or
//   a 500, always reaches the user as it is.
// - Signing out and quick exit empty the page cache: a shared phone must not show the last
//   person's lessons, and after a quick exit Back must find no copy of the page that was open.
// Registered by an inline script in app/root.tsx; plain ES2017, no build step.

const VERSION = "v3";
const PAGES = `peacelearn-pages-${VERSION}`;
const ASSETS = `peacelearn-assets-${VERSION}`;
/** One entry: whether discreet mode was on at the last page the server answered. */
const STATE = `peacelearn-state-${VERSION}`;
const DISCREET_KEY = "/__discreet";
/** How long to wait for the network before falling back to a cached page that exists. */
const NETWORK_TIMEOUT_MS = 6000;
/** Cache entries kept at most (each page is filed under two addresses); the oldest go first. */
const MAX_PAGES = 160;
const NEUTRAL_PREFIX = "/n/";

/**
 * `{ keep, alias, discreet }` from the server's `Offline-Copy` header: `discreet` is null when
 * the answer has none (not a page of ours), `alias` "" when it names no other address.
 */
function offlineCopy(response) {
  const header = response.headers.get("Offline-Copy") || "";
  const alias = /(?:^|;\s*)alias=(\/[^;\s]*)/.exec(header);
  return {
    keep: /(?:^|;\s*)keep(?:;|$)/.test(header),
    alias: alias ? alias[1] : "",
    discreet: header ? /(?:^|;\s*)discreet=1\b/.test(header) : null,
  };
}
const isCachedAsset = (url) => url.pathname.startsWith("/assets/") && url.pathname.endsWith(".css");

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([PAGES, ASSETS, STATE]);
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
    if (url.origin !== self.location.origin) continue;
    try {
      const response = await fetch(url.href, { credentials: "same-origin" });
      if (!response.ok || response.redirected) continue;
      const copy = offlineCopy(response);
      if (copy.discreet !== null) await rememberDiscreet(copy.discreet);
      if (!copy.keep) continue;
      const html = await response.clone().text();
      await keepPage(pages, url, copy, response);
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

  // Signing out and quick exit (which signs out too) empty the page cache.
  if (request.method === "POST" && (url.pathname === "/logout" || url.pathname === "/exit")) {
    event.waitUntil(caches.delete(PAGES));
    return;
  }
  if (request.method !== "GET") return;

  if (request.mode === "navigate") {
    event.respondWith(networkFirst(event, request, url));
  } else if (isCachedAsset(url)) {
    event.respondWith(cacheFirst(request));
  }
});

/** Cache key without the query string: one copy per page. */
const pageKey = (url) => `${url.origin}${url.pathname}`;

/** Files a page under its own address and the other one the server named. */
async function keepPage(cache, url, copy, response) {
  await cache.put(pageKey(url), response.clone());
  if (copy.alias) {
    await cache.put(`${url.origin}${copy.alias}`, response);
  }
  await trim(cache);
}

async function rememberDiscreet(discreet) {
  const state = await caches.open(STATE);
  await state.put(DISCREET_KEY, new Response(discreet ? "1" : "0"));
}

async function wasDiscreet() {
  const state = await caches.open(STATE);
  const answer = await state.match(DISCREET_KEY);
  return answer ? (await answer.text()) === "1" : false;
}

async function networkFirst(event, request, url) {
  const cache = await caches.open(PAGES);
  const cached = await cache.match(pageKey(url));
  const fromNetwork = fetch(request).then(async (response) => {
    const copy = offlineCopy(response);
    if (copy.discreet !== null) event.waitUntil(rememberDiscreet(copy.discreet));
    // Only complete pages the server marked: not redirects to the login page, not errors.
    if (copy.keep && response.ok && response.type === "basic" && !response.redirected) {
      event.waitUntil(keepPage(cache, url, copy, response.clone()));
    }
    return response;
  });

  // fetch() rejects only when no answer came at all: an error page from the server resolves.
  if (!cached) return fromNetwork.catch(() => offlinePage(url));
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

const OFFLINE_TEXT = {
  en: {
    // No site name anywhere: in discreet mode a tab must not say what the site is.
    title: "You are offline",
    lead: "This page could not be loaded: there is no connection.",
    retry: "Try this page again",
    saved: "Pages saved on this device",
    savedLead: "These pages can be read without a connection:",
    none: "No page has been saved on this device yet. Lessons you open while connected can then be read offline.",
    savedPage: "Saved page",
  },
  fr: {
    title: "Vous êtes hors ligne",
    lead: "Cette page n’a pas pu être chargée : il n’y a pas de connexion.",
    retry: "Réessayer d’ouvrir cette page",
    saved: "Pages enregistrées sur cet appareil",
    savedLead: "Ces pages peuvent être lues sans connexion :",
    none: "Aucune page n’est encore enregistrée sur cet appareil. Les leçons ouvertes avec une connexion pourront ensuite être lues hors ligne.",
    savedPage: "Page enregistrée",
  },
};

/** The page for a navigation that got no answer and has no cached copy. */
async function offlinePage(url) {
  const locale = /^fr\b/i.test(self.navigator.language || "") ? "fr" : "en";
  const text = OFFLINE_TEXT[locale];
  const saved = await savedPages(await wasDiscreet(), text.savedPage);
  const list = saved.length
    ? `<p>${text.savedLead}</p>\n<ul>${saved
        .map(({ href, title }) => `<li><a href="${escapeHtml(href)}">${escapeHtml(title)}</a></li>`)
        .join("")}</ul>`
    : `<p>${text.none}</p>`;
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title}</title>
<style>
body{margin:0;font-family:system-ui,sans-serif;line-height:1.5;color:#1f2328;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.75rem;margin:0 0 .5rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem}
a{color:#0b5394}
a:focus-visible{outline:3px solid #0b5394;outline-offset:2px}
li+li{margin-top:.5rem}
</style>
</head>
<body>
<main>
<h1>${text.title}</h1>
<p>${text.lead}</p>
<p><a href="${escapeHtml(url.pathname + url.search)}">${text.retry}</a></p>
<h2>${text.saved}</h2>
${list}
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * The cached pages, most recently saved first: each page once, by its real address and the title
 * of its cached HTML — or, in discreet mode, by its neutral address and "Saved page N".
 */
async function savedPages(discreet, savedPage) {
  const cache = await caches.open(PAGES);
  const requests = (await cache.keys())
    .reverse()
    .filter((request) => new URL(request.url).pathname.startsWith(NEUTRAL_PREFIX) === discreet);
  return Promise.all(
    requests.map(async (request, index) => {
      const href = new URL(request.url).pathname;
      if (discreet) return { href, title: `${savedPage} ${index + 1}` };
      const response = await cache.match(request);
      return { href, title: (response && (await readTitle(response))) || href };
    }),
  );
}

/** The text of the first <title>, reading only as much of the page as it takes to find it. */
async function readTitle(response) {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let head = "";
  try {
    while (head.length < 64 * 1024) {
      const { done, value } = await reader.read();
      if (done) break;
      head += decoder.decode(value, { stream: true });
      const match = /<title(?:\s[^>]*)?>([^<]*)<\/title>/i.exec(head);
      if (match) return decodeEntities(match[1]).replace(/\s+/g, " ").trim();
    }
  } catch {
    // An unreadable copy still gets listed, under its address.
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return "";
}

const NAMED_ENTITIES = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
  ["nbsp", "\u00a0"],
]);

/** The title as text: the cached HTML has it escaped, and it is escaped again when written out. */
const decodeEntities = (html) =>
  html.replace(/&(#[0-9]+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name) => {
    if (name[0] !== "#") {
      const character = NAMED_ENTITIES.get(name.toLowerCase());
      return character === undefined ? entity : character;
    }
    const code =
      name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });

const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
