#!/usr/bin/env node
// Programme report at scale: seeds a fresh PostgreSQL database with 10k then 100k trainees (users,
// cohorts with markers and workshops, enrolments, ~16 lesson-progress rows, ~3 check attempts,
// 4 attendance records and some accompaniment sessions each), then times the /reports page's own
// report function — called directly — for every measure, on the default cut and a finer one, next
// to a hand-written SQL aggregate of the same measure and cut (and checks the published cells
// against it). Prints size, report ms, SQL ms, their ratio, the growth 10k→100k and whether the
// issue's targets are met. Run on demand: `pnpm --filter @peacelearn/bench bench:report-scale`
// (DATABASE_URL names the server; default postgresql://postgres@127.0.0.1:5432; BENCH_SIZES,
// BENCH_RUNS and BENCH_MEASURES narrow a run). The database it creates is dropped at the end, and
// the whole run is bounded to 10 minutes.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const here = dirname(fileURLToPath(import.meta.url));
const server = new URL(process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres");
const admin = new URL(server);
admin.pathname = "/postgres";
const bench = new URL(server);
bench.pathname = `/peacelearn_bench_report_${process.pid}`;
const database = bench.pathname.slice(1);
const limitMs = Number(process.env.BENCH_LIMIT_SECONDS ?? 570) * 1000;

async function dropDatabase() {
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

const child = spawn(
  join(here, "node_modules", ".bin", "tsx"),
  ["--conditions=@peacelearn/source", join(here, "report-scale-run.ts")],
  {
    cwd: here,
    stdio: "inherit",
    detached: true,
    env: {
      ...process.env,
      BENCH_ADMIN_URL: admin.toString(),
      BENCH_DATABASE_URL: bench.toString(),
    },
  },
);
const stop = (signal) => {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
};
const timer = setTimeout(() => {
  console.error(`report-scale: over ${limitMs / 1000} s, stopping`);
  stop("SIGKILL");
}, limitMs);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop("SIGKILL"));

const code = await new Promise((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))));
clearTimeout(timer);
if (process.env.BENCH_KEEP_DATABASE) console.log(`report-scale: kept ${bench} (drop it yourself)`);
else {
  await dropDatabase();
  console.log(`report-scale: dropped ${database}`);
}
process.exit(code);
