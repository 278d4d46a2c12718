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
// - Signing out and quick exit empty the page cache and the outbox: a shared phone must not show
//   the last person's lessons, and after a quick exit Back must find no copy of the page that
//   was open.
// - Offline writes (ADR 028): a lesson completion or check answers posted with no connection from
//   a page marked `Offline-Copy: …; write` go into an outbox in IndexedDB, one entry per
//   idempotency key (the lesson; the check's one-time token), and she reads, in the page's
//   language, that they are saved on this phone. They are sent again, oldest first, on the
//   'sync' event, and before any page is fetched while some wait; the server settles replays.
// - "Save this course on my phone": the page the server marks `Offline-Copy: pack` lists the
//   course's pages; the worker downloads them while writing its progress into that page.
// Registered by an inline script in app/root.tsx; plain ES2017, no build step.

const VERSION = "v3";
const PAGES = `peacelearn-pages-${VERSION}`;
const ASSETS = `peacelearn-assets-${VERSION}`;
/** One entry: whether discreet mode was on at the last page the server answered. */
const STATE = `peacelearn-state-${VERSION}`;
const DISCREET_KEY = "/__discreet";
/** The neutral address of sign-out, as discreet mode's pages name it ("" when it is off). */
const FORGET_KEY = "/__forget";
/** How long to wait for the network before falling back to a cached page that exists. */
const NETWORK_TIMEOUT_MS = 6000;
/** Cache entries kept at most (each page is filed under two addresses); the oldest go first. */
const MAX_PAGES = 160;
const NEUTRAL_PREFIX = "/n/";

/**
 * `{ keep, write, pack, alias, discreet }` from the server's `Offline-Copy` header: `discreet`
 * is null when the answer has none (not a page of ours), `alias` "" when it names no other address.
 */
function offlineCopy(response) {
  const header = response.headers.get("Offline-Copy") || "";
  const alias = /(?:^|;\s*)alias=(\/[^;\s]*)/.exec(header);
  return {
    keep: /(?:^|;\s*)keep(?:;|$)/.test(header),
    write: /(?:^|;\s*)write(?:;|$)/.test(header),
    pack: /(?:^|;\s*)pack(?:;|$)/.test(header),
    alias: alias ? alias[1] : "",
    discreet: header ? /(?:^|;\s*)discreet=1\b/.test(header) : null,
    forget: (/(?:^|;\s*)forget=(\/[^;\s]*)/.exec(header) || [])[1] || "",
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
      await flushOutbox();
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
      if (copy.discreet !== null) await rememberDiscreet(copy);
      if (!copy.keep) continue;
      await keepPageAndStyles(pages, assets, url, copy, response);
    } catch {
      // Offline already: nothing to warm up.
    }
  }
}

/** Keeps a page and the stylesheets it links to (which are kept once: their names change). */
async function keepPageAndStyles(pages, assets, url, copy, response) {
  const html = await response.clone().text();
  await keepPage(pages, url, copy, response);
  for (const [, href] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
    const asset = new URL(href, url);
    if (isCachedAsset(asset) && !(await assets.match(asset.href))) await assets.add(asset.href);
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  // Signing out and quick exit (which signs out too) empty the page cache and the outbox.
  if (request.method === "POST" && (url.pathname === "/logout" || url.pathname === "/exit")) {
    event.waitUntil(Promise.all([caches.delete(PAGES), clearOutbox()]));
    return;
  }
  // …also at the neutral address of sign-out that discreet mode's pages named.
  if (request.method === "POST" && url.pathname.startsWith(NEUTRAL_PREFIX)) {
    event.waitUntil(forgetAtSignOut(url));
  }
  if (request.method === "POST" && request.mode === "navigate") {
    event.respondWith(postOrKeep(event, request, url));
    return;
  }
  if (request.method !== "GET") return;

  if (request.mode === "navigate") {
    event.respondWith(sendWaitingThen(() => networkFirst(event, request, url)));
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

async function rememberDiscreet({ discreet, forget }) {
  const state = await caches.open(STATE);
  await state.put(DISCREET_KEY, new Response(discreet ? "1" : "0"));
  await state.put(FORGET_KEY, new Response(forget));
}

async function forgetAtSignOut(url) {
  const answer = await (await caches.open(STATE)).match(FORGET_KEY);
  if (answer && (await answer.text()) === url.pathname) {
    await Promise.all([caches.delete(PAGES), clearOutbox()]);
  }
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
    if (copy.discreet !== null) event.waitUntil(rememberDiscreet(copy));
    const complete = response.ok && response.type === "basic" && !response.redirected;
    if (copy.pack && complete) return savePack(event, url, response);
    // Only complete pages the server marked: not redirects to the login page, not errors.
    if (copy.keep && complete) {
      event.waitUntil(keepPage(cache, url, copy, response.clone()));
    }
    return response;
  });

  // fetch() rejects only when no answer came at all: an error page from the server resolves.
  if (!cached) return fromNetwork.catch(() => offlinePage(url));
  const fallback = fromNetwork.catch(() => servedCopy(cached));
  // Keep the download alive even if the cached copy is served first.
  event.waitUntil(fromNetwork.catch(() => undefined));
  let timer;
  const slow = new Promise((resolve) => {
    timer = setTimeout(() => resolve(servedCopy(cached)), NETWORK_TIMEOUT_MS);
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
    keptTitle: "Saved on this phone",
    keptLesson:
      "This lesson is marked as completed on this phone. It will be sent when you are online.",
    keptCheck:
      "Your answers are saved on this phone. They will be sent, and your result shown, when you are online.",
    waiting: (n) =>
      n === 1
        ? "1 answer is waiting on this phone to be sent."
        : `${n} answers are waiting on this phone to be sent.`,
    continue: "Continue",
    packSaving: (n) => `Saving ${n} pages on this phone…`,
    packPage: (i, n) => `Page ${i} of ${n} saved.`,
    packPageFailed: (i, n) => `Page ${i} of ${n} could not be saved.`,
    packDone: (n) =>
      `Done: this course is saved on this phone (${n} pages). You can read it, and mark lessons and checks, without a connection.`,
    packIncomplete: (saved, n) =>
      `Only ${saved} of ${n} pages could be saved. Open this page again when the connection is better.`,
  },
  fr: {
    title: "Vous êtes hors ligne",
    lead: "Cette page n’a pas pu être chargée : il n’y a pas de connexion.",
    retry: "Réessayer d’ouvrir cette page",
    saved: "Pages enregistrées sur cet appareil",
    savedLead: "Ces pages peuvent être lues sans connexion :",
    none: "Aucune page n’est encore enregistrée sur cet appareil. Les leçons ouvertes avec une connexion pourront ensuite être lues hors ligne.",
    savedPage: "Page enregistrée",
    keptTitle: "Enregistré sur ce téléphone",
    keptLesson:
      "Cette leçon est marquée comme terminée sur ce téléphone. Ce sera envoyé dès que vous serez en ligne.",
    keptCheck:
      "Vos réponses sont enregistrées sur ce téléphone. Elles seront envoyées, et votre résultat affiché, dès que vous serez en ligne.",
    waiting: (n) =>
      n === 1
        ? "1 réponse attend sur ce téléphone d’être envoyée."
        : `${n} réponses attendent sur ce téléphone d’être envoyées.`,
    continue: "Continuer",
    packSaving: (n) => `Enregistrement de ${n} pages sur ce téléphone…`,
    packPage: (i, n) => `Page ${i} sur ${n} enregistrée.`,
    packPageFailed: (i, n) => `La page ${i} sur ${n} n’a pas pu être enregistrée.`,
    packDone: (n) =>
      `C’est fait : ce cours est enregistré sur ce téléphone (${n} pages). Vous pouvez le lire, et valider leçons et tests, sans connexion.`,
    packIncomplete: (saved, n) =>
      `Seules ${saved} pages sur ${n} ont pu être enregistrées. Rouvrez cette page quand la connexion sera meilleure.`,
  },
};
/** The worker's words in the language of a page of ours (its `<html lang>`). */
const textFor = (html) => OFFLINE_TEXT[/<html[^>]*\slang="fr/i.test(html) ? "fr" : "en"];

/** The page for a navigation that got no answer and has no cached copy. */
async function offlinePage(url) {
  const locale = /^fr\b/i.test(self.navigator.language || "") ? "fr" : "en";
  const text = OFFLINE_TEXT[locale];
  const body = `<p>${text.lead}</p>
<p><a href="${escapeHtml(url.pathname + url.search)}">${text.retry}</a></p>
${await savedPagesSection(text)}`;
  return workerPage(locale, text.title, body, 503);
}

/** "Pages saved on this device" and their links (neutral labels in discreet mode). */
async function savedPagesSection(text) {
  const saved = await savedPages(await wasDiscreet(), text.savedPage);
  const list = saved.length
    ? `<p>${text.savedLead}</p>\n<ul>${saved
        .map(({ href, title }) => `<li><a href="${escapeHtml(href)}">${escapeHtml(title)}</a></li>`)
        .join("")}</ul>`
    : `<p>${text.none}</p>`;
  return `<h2>${text.saved}</h2>\n${list}`;
}

/** A self-contained page of the worker's own (no site name: see OFFLINE_TEXT). */
function workerPage(locale, title, body, status) {
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
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
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`;
  return new Response(html, {
    status,
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

// ---- Offline writes: the outbox (docs/decisions/028-offline-writes.md) ----

const OUTBOX_DB = "peacelearn-outbox";
const OUTBOX = "writes";
/** A form posted offline is a few fields; anything larger is not one of ours. */
const MAX_KEPT_BODY = 16 * 1024;

function openOutbox() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(OUTBOX_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(OUTBOX, { keyPath: "key" });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

/** Runs `work(store)` in one transaction; resolves with its request's result when it commits. */
async function outbox(mode, work) {
  const db = await openOutbox();
  try {
    return await new Promise((resolve, reject) => {
      const transaction = db.transaction(OUTBOX, mode);
      const request = work(transaction.objectStore(OUTBOX));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

const waitingWrites = () => outbox("readonly", (store) => store.getAll());
const countWaiting = () => outbox("readonly", (store) => store.count()).catch(() => 0);
const clearOutbox = () => outbox("readwrite", (store) => store.clear()).catch(() => undefined);

/**
 * A form posted with no connection. Kept when it is one the server settles by a key — a lesson
 * completion (one per lesson) or check answers (one per form token) — from a page the server
 * marked `write`; anything else gets the offline page, as before.
 */
async function postOrKeep(event, request, url) {
  const copy = request.clone();
  try {
    const response = await fetch(request);
    event.waitUntil(flushOutbox());
    return response;
  } catch {
    const kept = await keepWrite(url, copy).catch(() => null);
    if (!kept) return offlinePage(url);
    return keptPage(kept);
  }
}

async function keepWrite(url, request) {
  const cached = await (await caches.open(PAGES)).match(pageKey(url));
  if (!cached || !offlineCopy(cached).write) return null;
  const body = await request.text();
  if (body.length > MAX_KEPT_BODY) return null;
  const fields = new URLSearchParams(body);
  const token = fields.get("token");
  const kind = token ? "check" : fields.get("intent") === "complete" ? "lesson" : null;
  if (!kind) return null;
  const alias = offlineCopy(cached).alias;
  // One lesson, whichever of its two addresses the form was posted to.
  const page = url.pathname.startsWith(NEUTRAL_PREFIX) && alias ? alias : url.pathname;
  const html = await cached.text();
  const next = /<nav\b[^>]*\sdata-next="([^"]*)"/.exec(html);
  const entry = {
    key: kind === "check" ? `check:${token}` : `lesson:${page}`,
    kind,
    url: url.pathname + url.search,
    body,
    keptAt: Date.now(),
  };
  // The first copy of a key wins, as on the server: a second tap changes nothing.
  await outbox("readwrite", (store) => store.add(entry)).catch((error) => {
    if (error?.name !== "ConstraintError") throw error;
  });
  if (self.registration.sync) {
    await self.registration.sync.register("outbox").catch(() => undefined);
  }
  return {
    kind,
    text: textFor(html),
    next: next ? decodeEntities(next[1]) : "",
    waiting: await countWaiting(),
  };
}

/** "Saved on this phone, will be sent when you are online", in the page's language. */
async function keptPage({ kind, text, next, waiting }) {
  const locale = text === OFFLINE_TEXT.fr ? "fr" : "en";
  const onward =
    kind === "lesson" && next.startsWith("/")
      ? `<p><a href="${escapeHtml(next)}">${text.continue} <span aria-hidden="true">→</span></a></p>`
      : "";
  const body = `<p role="status">${kind === "lesson" ? text.keptLesson : text.keptCheck}</p>
<p>${text.waiting(waiting)}</p>
${onward}
${await savedPagesSection(text)}`;
  return workerPage(locale, text.keptTitle, body, 202);
}

self.addEventListener("sync", (event) => {
  if (event.tag !== "outbox") return;
  // A rejection asks the browser to try again later (with its own back-off).
  event.waitUntil(
    flushOutbox().then((sent) => {
      if (!sent) throw new Error("outbox: still waiting");
    }),
  );
});

let flushing = null;

/** Sends what waits, one at a time; true when nothing is left. One flush at a time. */
function flushOutbox() {
  if (!flushing) {
    flushing = replayWrites()
      .catch(() => false)
      .finally(() => {
        flushing = null;
      });
  }
  return flushing;
}

async function replayWrites() {
  const writes = (await waitingWrites()).sort((a, b) => a.keptAt - b.keptAt);
  for (const write of writes) {
    let response;
    try {
      response = await fetch(write.url, {
        method: "POST",
        body: write.body,
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Offline-Replay": "1",
        },
        credentials: "same-origin",
        redirect: "manual",
        cache: "no-store",
      });
    } catch {
      return false; // Still no connection: the rest wait, in order.
    }
    const outcome = response.headers.get("Offline-Replay");
    // Signed out, or the server is unwell: keep it for later.
    if (outcome === "signed-out" || response.status === 0 || response.status >= 500) return false;
    // Sent — or answered with an error the server will give every time (a stale form, a lesson
    // gone from the course): either way, sending it again would change nothing.
    await outbox("readwrite", (store) => store.delete(write.key));
  }
  return true;
}

/** Before a page is fetched, what waits is sent (so the page shows it), for a bounded time. */
async function sendWaitingThen(fetchPage) {
  if ((await countWaiting()) > 0) {
    let timer;
    const patience = new Promise((resolve) => {
      timer = setTimeout(resolve, NETWORK_TIMEOUT_MS);
    });
    await Promise.race([flushOutbox(), patience]);
    clearTimeout(timer);
  }
  return fetchPage();
}

/**
 * A cached page as served offline: a check's form gets a fresh one-time token (the cached one
 * may have been used already, and two offline attempts must not share one), and, while writes
 * wait, the page says so at the top of its main content.
 */
async function servedCopy(cached) {
  const waiting = await countWaiting();
  if (!offlineCopy(cached).write && waiting === 0) return cached;
  let html = await cached.clone().text();
  html = html.replace(
    /(<input type="hidden" name="token" value=")[a-z2-7]{32}(")/g,
    (_, before, after) => `${before}${newAttemptToken()}${after}`,
  );
  if (waiting > 0) {
    html = html.replace(
      /<main\b[^>]*>/,
      (main) =>
        `${main}<p role="status" class="mx-auto max-w-3xl"><strong>${textFor(html).waiting(waiting)}</strong></p>`,
    );
  }
  return new Response(html, { status: cached.status, headers: decodedHeaders(cached) });
}

/** 160 random bits in lower-case base32, the form of the server's attempt tokens. */
function newAttemptToken() {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (byte) => alphabet[byte & 31]).join("");
}

// ---- "Save this course on my phone" ----

/**
 * The server's pack page, with its progress paragraph replaced, as the pages download, by one
 * line per page and a last line saying what happened: the page streams, so she reads progress
 * without any page script. Pages are fetched one at a time (a 2G link gains nothing from more).
 */
function savePack(event, url, response) {
  const encoder = new TextEncoder();
  let finished;
  event.waitUntil(
    new Promise((resolve) => {
      finished = resolve;
    }),
  );
  const body = new ReadableStream({
    async start(controller) {
      const write = (text) => controller.enqueue(encoder.encode(text));
      try {
        const html = await response.text();
        const text = textFor(html);
        const progress = /<div data-pack="progress"[^>]*>[\s\S]*?<\/div>/.exec(html);
        const links = [...html.matchAll(/<a\b[^>]*\bdata-pack="page"[^>]*>/g)]
          .map((tag) => /\shref="([^"]*)"/.exec(tag[0]))
          .filter(Boolean)
          .map((href) => new URL(decodeEntities(href[1]), url));
        if (!progress) {
          write(html);
          return;
        }
        write(html.slice(0, progress.index));
        write(
          `${progress[0].replace(/>[\s\S]*$/, ">")}<p>${text.packSaving(links.length)}</p><ol>`,
        );
        const pages = await caches.open(PAGES);
        const assets = await caches.open(ASSETS);
        let saved = 0;
        for (const [index, link] of links.entries()) {
          const ok = await savePackPage(pages, assets, link);
          if (ok) saved += 1;
          write(`<li>${(ok ? text.packPage : text.packPageFailed)(index + 1, links.length)}</li>`);
        }
        const result =
          saved === links.length ? text.packDone(saved) : text.packIncomplete(saved, links.length);
        write(`</ol><p role="status"><strong>${result}</strong></p></div>`);
        write(html.slice(progress.index + progress[0].length));
      } catch {
        // The connection dropped while the page itself was read: what was written stays.
      } finally {
        controller.close();
        finished();
      }
    },
  });
  return new Response(body, { status: response.status, headers: decodedHeaders(response) });
}

/** A response's headers for its text rewritten: no longer its length, nor compressed. */
function decodedHeaders(response) {
  const headers = new Headers(response.headers);
  headers.delete("Content-Length");
  headers.delete("Content-Encoding");
  return headers;
}

async function savePackPage(pages, assets, url) {
  try {
    const response = await fetch(url.href, {
      credentials: "same-origin",
      headers: { "Offline-Pack": "1" },
    });
    const copy = offlineCopy(response);
    if (!response.ok || response.redirected || !copy.keep) return false;
    await keepPageAndStyles(pages, assets, url, copy, response);
    return true;
  } catch {
    return false;
  }
}
