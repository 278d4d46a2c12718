#!/usr/bin/env node
// What offline writes cost a trainee on 2G (docs/decisions/028-offline-writes.md): the lesson
// page as she first opens it (HTML, CSS, scripts: the only script is the inline registration of
// the service worker), the worker itself, one write sent again by the worker, and "Save this
// course on my phone" (the same requests the worker makes, one after another). Chromium (Debian's,
// CHROMIUM_PATH) through the DevTools protocol's network emulation; prints a table.
// Run on demand: `node bench/offline-2g.mjs` (builds the app unless BENCH_SKIP_BUILD is set).
import { createRequire } from "node:module";
import { join } from "node:path";
import { benchDatabase, buildApp, learn, prepareDatabase, startApp } from "./lib.mjs";

// Playwright is the app's (its browser tests); the benchmark borrows it rather than install it twice.
const { chromium } = createRequire(join(learn, "package.json"))("@playwright/test");

/** "Regular 2G" of Chrome's DevTools presets: 300 ms latency, 250 kbit/s down, 50 kbit/s up. */
const TWO_G = {
  offline: false,
  latency: 300,
  downloadThroughput: (250 * 1024) / 8,
  uploadThroughput: (50 * 1024) / 8,
};
const COURSE = process.env.BENCH_COURSE ?? "wps-in-practice";
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

buildApp({ floor: false });
const database = await benchDatabase();
prepareDatabase(database.env);
const app = await startApp({
  port: Number(process.env.BENCH_PORT ?? 4620),
  database: database.env,
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking"],
});
try {
  // A fresh trainee, signed up at full speed; the measures start from an empty browser cache.
  const setup = await browser.newContext({ baseURL: app.url, serviceWorkers: "block" });
  const signUp = await setup.newPage();
  await signUp.goto("/signup");
  await signUp.getByLabel("Email address").fill(`bench-2g-${Date.now()}@example.org`);
  await signUp.getByLabel("Your name").fill("Bench Trainee");
  await signUp.locator("#signup-password").fill("a slow road to the district office");
  await signUp.getByLabel("Repeat the password").fill("a slow road to the district office");
  await signUp.getByRole("button", { name: "Create my account" }).click();
  await signUp.waitForURL((url) => !url.pathname.startsWith("/signup"));
  await signUp.goto(`/courses/${COURSE}/offline`);
  const packPaths = await signUp
    .locator('a[data-pack="page"]')
    .evaluateAll((links) => links.map((link) => new URL(link.href).pathname));
  const lessonPath = packPaths.find((path) => path.includes("/lessons/"));
  const signedIn = await setup.storageState();
  await setup.close();

  const context = await browser.newContext({ baseURL: app.url, storageState: signedIn });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", TWO_G);
  const transferred = new Map();
  cdp.on("Network.loadingFinished", ({ requestId, encodedDataLength }) =>
    transferred.set(requestId, encodedDataLength),
  );
  const types = new Map();
  cdp.on("Network.responseReceived", ({ requestId, type }) => types.set(requestId, type));

  // 1. The lesson page, first visit: everything it downloads, and when it is readable (load).
  const started = Date.now();
  await page.goto(lessonPath, { waitUntil: "load" });
  const lessonTime = Date.now() - started;
  const byType = { Document: 0, Stylesheet: 0, Script: 0, other: 0 };
  for (const [id, bytes] of transferred) {
    const type = types.get(id);
    byType[type in byType ? type : "other"] += bytes;
  }
  const inlineScript = await page.evaluate(() =>
    [...document.scripts].reduce((sum, script) => sum + (script.src ? 0 : script.text.length), 0),
  );
  const externalScripts = await page.evaluate(
    () => [...document.scripts].filter((script) => script.src).length,
  );

  // 2. The worker: registered after `load` and an idle moment, so never in the page's way.
  const workerStart = Date.now();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 120_000,
  });
  const workerTime = Date.now() - workerStart;
  const worker = await page.evaluate(async () => {
    const started = performance.now();
    const response = await fetch("/sw.js", { cache: "no-store" });
    const body = await response.arrayBuffer();
    const entry = performance.getEntriesByName(response.url).at(-1);
    return {
      raw: body.byteLength,
      transfer: entry?.transferSize ?? 0,
      ms: performance.now() - started,
    };
  });

  // 3. One write sent again, exactly as the worker sends it (no redirect followed).
  const replay = await page.evaluate(async (path) => {
    const started = performance.now();
    const response = await fetch(path, {
      method: "POST",
      body: "intent=complete",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Offline-Replay": "1" },
      redirect: "manual",
    });
    return { status: response.status, ms: performance.now() - started };
  }, lessonPath);

  // 4. "Save this course on my phone": the worker's requests, one after another.
  const pack = await page.evaluate(async (paths) => {
    const started = performance.now();
    let bytes = 0;
    for (const path of paths) {
      const response = await fetch(path, { headers: { "Offline-Pack": "1" }, cache: "no-store" });
      await response.arrayBuffer();
      bytes += performance.getEntriesByName(response.url).at(-1)?.transferSize ?? 0;
    }
    return { pages: paths.length, bytes, ms: performance.now() - started };
  }, packPaths);

  console.log(`2G: ${TWO_G.latency} ms latency, 250 kbit/s down, 50 kbit/s up; course ${COURSE}`);
  console.table({
    "lesson page, first visit (to load)": {
      bytes: kB(Object.values(byType).reduce((a, b) => a + b, 0)),
      time: s(lessonTime),
      detail: `HTML ${kB(byType.Document)}, CSS ${kB(byType.Stylesheet)}, script files ${externalScripts}, inline script ${inlineScript} B`,
    },
    "service worker (sw.js)": {
      bytes: kB(worker.transfer),
      time: s(worker.ms),
      detail: `${kB(worker.raw)} uncompressed; active ${s(workerTime)} after load`,
    },
    "one offline write sent again": {
      bytes: `${"intent=complete".length} B of form`,
      time: s(replay.ms),
      detail: `answer ${replay.status}, no body`,
    },
    "save the whole course": {
      bytes: kB(pack.bytes),
      time: s(pack.ms),
      detail: `${pack.pages} pages`,
    },
  });
  await context.close();
} finally {
  await browser.close();
  await app.stop();
  await database.drop();
}
