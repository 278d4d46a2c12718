// Shared by the benchmarks: build (unless BENCH_SKIP_BUILD), a fresh demo database, the app
// and the framework floor served side by side, a signed-in demo session, autocannon runs and the
// table they print. Each benchmark picks its own ports, so two can run at once. The load and
// fault scripts use the building blocks (buildApp, benchDatabase, prepareDatabase, startApp).
import { execFileSync, spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

export const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, "..");
// BENCH_APP_DIR: run an app built elsewhere (e.g. a snapshot of a commit, with BENCH_SKIP_BUILD).
export const learn = process.env.BENCH_APP_DIR ?? join(root, "apps", "learn");
// A tool from the nearest package that installs it (tsx is the app's, turbo the root's).
const bin = (name) =>
  [learn, here, root]
    .map((dir) => join(dir, "node_modules", ".bin", name))
    .find((path) => existsSync(path)) ?? name;
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH}`,
};
export const seconds = Number(process.env.BENCH_SECONDS ?? 10);
export const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
export const DEMO_PASSWORD = "peace-demo-2026";

function sh(command, args, cwd, extraEnv = {}) {
  execFileSync(command, args, { cwd, stdio: "inherit", env: { ...env, ...extraEnv } });
}

export async function waitFor(url) {
  for (let i = 0; i < 240; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${url} never answered`);
}

function start(command, args, cwd, extraEnv, stdio = ["ignore", "ignore", "inherit"]) {
  return spawn(command, args, { cwd, stdio, env: { ...env, ...extraEnv } });
}

/** Stops a child process and waits for it to exit (SIGKILL after `graceMs`). */
export function stopChild(child, graceMs = 15_000) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill();
  });
}

/**
 * A throw-away database on the PostgreSQL server at `serverUrl`; `drop()` removes it (even while
 * the app still holds connections).
 */
export async function freshServerDatabase(serverUrl) {
  const { default: pg } = await import("pg");
  const name = `peacelearn_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Builds the app (and the floor unless `floor: false`), unless BENCH_SKIP_BUILD is set. */
export function buildApp({ floor = true } = {}) {
  if (process.env.BENCH_SKIP_BUILD) return;
  const filters = [
    "--filter=@peacelearn/learn...",
    ...(floor ? ["--filter=@peacelearn/bench"] : []),
  ];
  sh(bin("turbo"), ["run", "build", ...filters], root);
}

/**
 * The database the benchmark's app will use: embedded PGlite in a temp folder, or with
 * BENCH_SERVER=postgresql://… a fresh database on that server. Returns the environment that
 * points the app at it and `drop()`, which removes it (call it once the app has exited).
 */
export async function benchDatabase() {
  if (process.env.BENCH_SERVER) {
    const server = await freshServerDatabase(process.env.BENCH_SERVER);
    return { env: { DATABASE_URL: server.url }, kind: "PostgreSQL server", drop: server.drop };
  }
  const parent = mkdtempSync(join(tmpdir(), "peacelearn-bench-"));
  const drop = async () => rmSync(parent, { recursive: true, force: true });
  return { env: { PGLITE_DIR: join(parent, "pglite") }, kind: "embedded PGlite", drop };
}

/** Migrates the database `database` (env) points at, imports the courses and seeds the demo data. */
export function prepareDatabase(database) {
  sh(bin("tsx"), ["--conditions=@peacelearn/source", "scripts/prepare-db.ts"], learn, database);
}

/**
 * Starts the built app (apps/learn/server.js, production mode) on 127.0.0.1:`port` against
 * `database` (env) and waits until it answers. Its stderr goes to ours, or with `logFile` its
 * stdout and stderr go to that file. Returns its base URL, the child and `stop()`.
 */
export async function startApp({ port, database, extraEnv = {}, logFile }) {
  const log = logFile ? openSync(logFile, "a") : undefined;
  const child = start(
    "node",
    ["server.js"],
    learn,
    { ...database, ...extraEnv, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" },
    log === undefined ? undefined : ["ignore", log, log],
  );
  if (log !== undefined) closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((_, reject) =>
    child.once("exit", (code, signal) =>
      reject(new Error(`the app exited before answering (${signal ?? code})`)),
    ),
  );
  exited.catch(() => {});
  try {
    await Promise.race([waitFor(`${url}/`), exited]);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { url, child, stop: () => stopChild(child) };
}

/**
 * Builds (unless BENCH_SKIP_BUILD is set), prepares a throw-away demo database — embedded PGlite,
 * or with BENCH_SERVER=postgresql://… a fresh database on that PostgreSQL server, the production
 * set-up — starts the app on
 * `appPort` and the floor on `floorPort`, runs `body({ app, floor })` with their base URLs and
 * stops both servers whatever happens.
 */
export async function withServers({ appPort, floorPort }, body) {
  const children = [];
  let database;
  try {
    buildApp();
    database = await benchDatabase();
    console.log(`database: ${database.kind}`);
    prepareDatabase(database.env);
    const app = await startApp({ port: appPort, database: database.env });
    children.push(app.child);
    children.push(start("node", ["floor/server.mjs"], here, { PORT: String(floorPort) }));
    const floor = `http://127.0.0.1:${floorPort}`;
    await waitFor(`${floor}/`);
    return await body({ app: app.url, floor });
  } finally {
    // Wait for the servers to exit before dropping their database, or in-flight requests log
    // the forced disconnection as errors.
    await Promise.all(children.map((child) => stopChild(child)));
    await database?.drop();
  }
}

/**
 * Signs a demo account in through the login form; returns the `cookie` header to send.
 * `headers` are added to the login request (e.g. the X-Forwarded-For of a simulated client).
 */
export async function signIn(app, email, headers = {}) {
  const login = await fetch(`${app}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, Origin: app, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
  if (!cookie.includes("=") || cookie.endsWith("=")) {
    throw new Error(`login of ${email} failed (${login.status})`);
  }
  return { cookie };
}

function run(url, headers) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, headers }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/**
 * Warms every target up (caches, prepared statements), then measures them one after another.
 * `targets`: [name, url, headers][]; the first one is the floor the others are compared with.
 */
export async function measure(targets) {
  for (const [, url, headers] of targets) {
    for (let i = 0; i < 20; i++) {
      const response = await fetch(url, { headers, redirect: "manual" });
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      await response.arrayBuffer();
    }
  }
  const rows = [];
  for (const [name, url, headers] of targets) {
    const loadBefore = loadavg()[0];
    const result = await run(url, headers);
    rows.push({
      name,
      rps: result.requests.average,
      p99: result.latency.p99,
      non2xx: result.non2xx + result.errors,
      load: loadBefore,
    });
  }
  return rows;
}

/** Prints the table; returns whether every non-floor row met ≥ 0.5× floor, p99 < 100 ms, no errors. */
export function report(rows) {
  const floor = rows[0].rps;
  const [one, five] = loadavg();
  console.log(
    `\n${connections} connections, ${seconds} s each, on ${process.platform} ${process.arch}, Node ${process.version}, ` +
      `load average ${one.toFixed(2)} (1 min) ${five.toFixed(2)} (5 min)`,
  );
  console.log(
    "page".padEnd(62),
    "req/s".padStart(8),
    "p99 ms".padStart(8),
    "× floor".padStart(8),
    "errors".padStart(7),
    "load".padStart(6),
  );
  for (const row of rows) {
    console.log(
      row.name.padEnd(62),
      row.rps.toFixed(0).padStart(8),
      String(row.p99).padStart(8),
      (row.rps / floor).toFixed(2).padStart(8),
      String(row.non2xx).padStart(7),
      row.load.toFixed(2).padStart(6),
    );
  }
  const ok = rows.slice(1).every((r) => r.rps >= 0.5 * floor && r.p99 < 100 && r.non2xx === 0);
  console.log(`\ntargets (≥ 0.5× floor, p99 < 100 ms, no errors): ${ok ? "met" : "NOT met"}`);
  return ok;
}
