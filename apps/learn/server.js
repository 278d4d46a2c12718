// Production server: Express serves the built assets with long cache lifetimes and hands every
// other request to React Router with the client's address (for per-IP login rate limits).
import { readdirSync } from "node:fs";
import {
  createReadableStreamFromReadable,
  writeReadableStreamToWritable,
} from "@react-router/node";
import compression from "compression";
import express from "express";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy, set TRUST_PROXY (e.g. "loopback" or a hop count) so req.ip is the client's.
if (process.env.TRUST_PROXY) {
  const hops = Number(process.env.TRUST_PROXY);
  app.set("trust proxy", Number.isInteger(hops) ? hops : process.env.TRUST_PROXY);
}
app.use(compression());
app.use((_req, res, next) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  next();
});
// Fingerprinted by Vite: safe to cache forever, which matters on slow, metered links.
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
// The few files at the build's top level (favicon, service worker), by name: a catch-all static
// handler would look on disk for every page request first.
const rootFiles = new Set(
  readdirSync("build/client", { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${entry.name}`),
);
const serveRootFile = express.static("build/client", { maxAge: "1h", index: false });
app.use((req, res, next) => (rootFiles.has(req.path) ? serveRootFile(req, res, next) : next()));
// The workshop kit's script, worker and manifest (ADR 030): not fingerprinted, so revalidated.
app.use("/kit", express.static("build/client/kit", { maxAge: 0, index: false }));

const build = await import("./build/server/index.js");
// The app's own handler (app/lib/service-unavailable-handler.server.ts, reached through the
// entry module): React Router's, plus the 503 that a resource route's outage gets. The tests
// drive the same one. @react-router/express would hide the answer from it, so the few lines of
// Express glue it does are here instead.
const handleRequest = build.entry.module.createAppRequestHandler(
  build,
  process.env.NODE_ENV ?? "production",
);
app.all("*", async (req, res, next) => {
  try {
    const response = await handleRequest(toFetchRequest(req, res), {
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
    });
    await send(res, response);
  } catch (error) {
    next(error);
  }
});

/** As @react-router/express builds it: the host Express trusts, the body as a stream. */
function toFetchRequest(req, res) {
  const forwardedPort = req.app.enabled("trust proxy")
    ? req.get("X-Forwarded-Host")?.split(":")[1]
    : undefined;
  const port = [forwardedPort, req.get("host")?.split(":")[1]]
    .map((value) => Number.parseInt(value ?? "", 10))
    .find(Number.isSafeInteger);
  const hostname = req.hostname.split(/[\\/?#@]/)[0] || "localhost";
  const url = new URL(`${req.protocol}://${hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const withBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(withBody ? { body: createReadableStreamFromReadable(req), duplex: "half" } : {}),
  });
}

async function send(res, response) {
  if (res.destroyed || res.writableEnded) {
    await response.body?.cancel();
    return;
  }
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) res.append(name, value);
  if (!response.body) {
    res.end();
    return;
  }
  try {
    await writeReadableStreamToWritable(response.body, res);
  } catch (error) {
    if (!res.destroyed && !res.writableEnded) throw error;
  }
}

const server = app.listen(port, host, () => {
  console.log(`Peacelearn is serving on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
