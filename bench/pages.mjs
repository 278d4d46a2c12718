#!/usr/bin/env node
// Requests per second and p99 latency of the lesson page and the course page under 50 concurrent
// connections, next to the framework floor (a bare React Router page served the same way) in the
// same run. Run on demand: `pnpm --filter @peacelearn/bench bench:pages` (builds what it needs).
// Prints a table and the ratio to the floor; the targets are ≥ 0.5× the floor and p99 < 100 ms.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const learn = join(root, "apps", "learn");
const bin = (name) => join(root, "node_modules", ".bin", name);
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH}`,
};
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

function sh(command, args, cwd, extraEnv = {}) {
  execFileSync(command, args, { cwd, stdio: "inherit", env: { ...env, ...extraEnv } });
}

async function waitFor(url) {
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

function start(command, args, cwd, extraEnv) {
  const child = spawn(command, args, {
    cwd,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...env, ...extraEnv },
  });
  return child;
}

function run(url, headers = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, headers }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

const children = [];
try {
  if (!process.env.BENCH_SKIP_BUILD) {
    sh(
      bin("turbo"),
      ["run", "build", "--filter=@peacelearn/learn...", "--filter=@peacelearn/bench"],
      root,
    );
  }
  const pgliteDir = join(mkdtempSync(join(tmpdir(), "peacelearn-bench-")), "pglite");
  sh(bin("tsx"), ["--conditions=development", "scripts/prepare-db.ts"], learn, {
    PGLITE_DIR: pgliteDir,
  });

  children.push(
    start("node", ["server.js"], learn, {
      PGLITE_DIR: pgliteDir,
      PORT: "4610",
      HOST: "127.0.0.1",
      NODE_ENV: "production",
    }),
  );
  children.push(start("node", ["floor/server.mjs"], here, { PORT: "4611" }));
  await waitFor("http://127.0.0.1:4610/");
  await waitFor("http://127.0.0.1:4611/");

  // A demo trainee's session, and the first lesson of the first course they can open.
  const login = await fetch("http://127.0.0.1:4610/login", {
    method: "POST",
    redirect: "manual",
    headers: {
      Origin: "http://127.0.0.1:4610",
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      email: process.env.BENCH_EMAIL ?? "musu.pewee@demo.peacelearn.example",
      password: "peace-demo-2026",
    }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
  if (!cookie.includes("=") || cookie.endsWith("="))
    throw new Error(`login failed (${login.status})`);
  const headers = { cookie };
  const catalogue = await (await fetch("http://127.0.0.1:4610/courses", { headers })).text();
  const coursePath = /href="(\/courses\/[a-z0-9-]+)"/.exec(catalogue)?.[1];
  if (!coursePath) throw new Error("no course on /courses");
  const course = await (await fetch(`http://127.0.0.1:4610${coursePath}`, { headers })).text();
  const lessonPath = new RegExp(`href="(${coursePath}/lessons/[a-z0-9-]+)"`).exec(course)?.[1];
  if (!lessonPath) throw new Error(`no lesson link on ${coursePath}`);

  const targets = [
    ["framework floor (bare React Router page)", "http://127.0.0.1:4611/", {}],
    [`course page ${coursePath}`, `http://127.0.0.1:4610${coursePath}`, headers],
    [`lesson page ${lessonPath}`, `http://127.0.0.1:4610${lessonPath}`, headers],
  ];
  // Warm up caches (rendered Markdown, prepared statements) before measuring.
  for (const [, url, h] of targets) for (let i = 0; i < 20; i++) await fetch(url, { headers: h });

  const rows = [];
  for (const [name, url, h] of targets) {
    const result = await run(url, h);
    const non2xx = result.non2xx + result.errors;
    rows.push({ name, rps: result.requests.average, p99: result.latency.p99, non2xx });
  }
  const floor = rows[0].rps;
  console.log(
    `\n${connections} connections, ${seconds} s each, on ${process.platform} ${process.arch}, Node ${process.version}`,
  );
  console.log(
    "page".padEnd(62),
    "req/s".padStart(8),
    "p99 ms".padStart(8),
    "× floor".padStart(8),
    "errors".padStart(7),
  );
  for (const row of rows) {
    console.log(
      row.name.padEnd(62),
      row.rps.toFixed(0).padStart(8),
      String(row.p99).padStart(8),
      (row.rps / floor).toFixed(2).padStart(8),
      String(row.non2xx).padStart(7),
    );
  }
  const pages = rows.slice(1);
  const ok = pages.every((r) => r.rps >= 0.5 * floor && r.p99 < 100 && r.non2xx === 0);
  console.log(`\ntargets (≥ 0.5× floor, p99 < 100 ms, no errors): ${ok ? "met" : "NOT met"}`);
} finally {
  for (const child of children) child.kill();
}
