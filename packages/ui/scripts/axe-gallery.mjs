// Runs axe-core on every story of the built gallery (storybook-static) in Debian's Chromium and
// exits non-zero on any violation. Usage: pnpm build-gallery && pnpm test:gallery
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("../storybook-static/", import.meta.url));
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(join(root, "index.json"))) {
  console.error("No built gallery: run `pnpm build-gallery` first.");
  process.exit(1);
}
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

const types = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".png": "image/png",
};
const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
  const file = normalize(join(root, path === "/" ? "index.html" : path));
  if (!file.startsWith(root) || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
  response.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

const index = JSON.parse(readFileSync(join(root, "index.json"), "utf8"));
const stories = Object.values(index.entries).filter((entry) => entry.type === "story");

const browser = await chromium.launch({
  executablePath,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
let failures = 0;
let cleanStories = 0;
try {
  const page = await browser.newPage();
  for (const story of stories) {
    await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
    await page.waitForFunction(
      () =>
        document.body.classList.contains("sb-show-main") ||
        document.body.classList.contains("sb-show-errordisplay"),
      undefined,
      { timeout: 15_000 },
    );
    if (await page.evaluate(() => document.body.classList.contains("sb-show-errordisplay"))) {
      failures += 1;
      console.log(`✗ ${story.id}: the story threw while rendering`);
      continue;
    }
    // Let React Aria's effects (focus, portals) settle.
    await page.waitForTimeout(100);
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      // Storybook's own hidden error/preparing panels are not part of the story.
      const result = await window.axe.run(
        {
          exclude: [
            [".sb-errordisplay"],
            [".sb-preparing-story"],
            [".sb-preparing-docs"],
            ["#storybook-docs"],
          ],
        },
        { resultTypes: ["violations"] },
      );
      return result.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(" ")),
      }));
    });
    if (violations.length === 0) {
      cleanStories += 1;
      console.log(`✓ ${story.id}`);
    } else {
      failures += violations.length;
      for (const v of violations)
        console.log(`✗ ${story.id}: ${v.id} — ${v.help}\n    ${v.nodes.join("\n    ")}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`\naxe: ${failures} violation(s) across ${stories.length} stories`);
console.log(`${cleanStories} passed, ${stories.length - cleanStories} failed`);
process.exit(failures === 0 ? 0 : 1);
