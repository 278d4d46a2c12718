// bench:load — N signed-in demo users (default 50: trainees, and one trainer in 25) doing a mix of
// reads and writes against the built app for T seconds (default 30): the learning dashboard,
// course and lesson pages, lesson completions, knowledge-check submissions with the form's
// idempotency token (some sent twice), attendance sheets and accompaniment sessions — all real
// form posts with an Origin header. Prints answers by status, errors (503 apart from other 5xx,
// resets, time-outs), p50/p99 and throughput, then checks in the database that every
// acknowledged write is there exactly once: "lost writes: N, duplicated: N".
//
// Run on demand: `pnpm --filter @peacelearn/bench bench:load [--users N] [--seconds T]`
// (BENCH_USERS, BENCH_SECONDS, BENCH_THINK_MS, BENCH_TIMEOUT_MS; BENCH_SKIP_BUILD=1 reuses the
// current build; BENCH_SERVER=postgresql://… uses a fresh database on that server instead of
// embedded PGlite). It prints figures and never fails on them; traffic stays on 127.0.0.1.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { benchDatabase, buildApp, prepareDatabase, startApp } from "./lib.mjs";
import { freePort, guarded, loadSettings } from "./load-options";
import { printAppLog, printRun } from "./load-report";
import { runLoad } from "./load-traffic";
import { demoAccounts, printVerification, verifyWrites, withDb } from "./load-verify";

const settings = loadSettings({ seconds: 30 });
const logDir = mkdtempSync(join(tmpdir(), "peacelearn-load-"));
const appLog = join(logDir, "app.log");
let database: Awaited<ReturnType<typeof benchDatabase>> | undefined;
let app: Awaited<ReturnType<typeof startApp>> | undefined;

await guarded(
  settings.seconds + 600,
  async (signal) => {
    buildApp({ floor: false });
    database = await benchDatabase();
    console.log(`database: ${database.kind}`);
    prepareDatabase(database.env);
    const accounts = await withDb(database.env, demoAccounts);
    const port = await freePort();
    // Each simulated person has an address of their own (X-Forwarded-For from loopback), so the
    // per-address login limit sees a training room, not one client signing in 50 times.
    app = await startApp({
      port,
      database: database.env,
      extraEnv: { TRUST_PROXY: "loopback" },
      logFile: appLog,
    });
    console.log(
      `load: ${settings.users} users (${settings.trainers} of them trainers) for ${settings.seconds} s ` +
        `on ${app.url}, think time ~${settings.thinkMs} ms, time-out ${settings.timeoutMs} ms`,
    );
    const result = await runLoad({
      app: app.url,
      trainees: accounts.trainees,
      trainers: accounts.trainers,
      users: settings.users - settings.trainers,
      trainerUsers: settings.trainers,
      seconds: settings.seconds,
      thinkMs: settings.thinkMs,
      timeoutMs: settings.timeoutMs,
      signal,
      origin: performance.now(),
    });
    // Stop the app before reading the database: nothing is in flight any more, and the embedded
    // database can only be opened by one process.
    await app.stop();
    app = undefined;
    printRun(
      `load: ${result.users} trainees and ${result.trainers} trainers, ${database.kind}`,
      result.samples,
      result.elapsedMs,
    );
    const report = await withDb(database.env, (db) => verifyWrites(db, result.ledger));
    printVerification(report);
    printAppLog(readFileSync(appLog, "utf8"));
  },
  async () => {
    await app?.stop();
    await database?.drop();
    if (process.env.BENCH_KEEP_LOGS) console.log(`app log kept in ${appLog}`);
    else rmSync(logDir, { recursive: true, force: true });
  },
);
