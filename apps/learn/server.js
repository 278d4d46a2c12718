// Production server: Express serves the built assets with long cache lifetimes and hands every
// other request to React Router with the client's address (for per-IP login rate limits).
import { readdirSync } from "node:fs";
import { createRequestHandler } from "@react-router/express";
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

const build = await import("./build/server/index.js");
app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV ?? "production",
    getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
  }),
);

const server = app.listen(port, host, () => {
  console.log(`Peacelearn is serving on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
