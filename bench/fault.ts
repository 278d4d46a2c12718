// bench:fault — the load of bench:load against a private PostgreSQL cluster that is stopped and
// started again mid-run, twice: a fast shutdown (`pg_ctl stop -m fast`, down ~5 s) and a crash
// (SIGKILL to the postmaster and every backend, or `-m immediate` with BENCH_KILL_MODE=immediate,
// down ~10 s). Prints the errors before, during and after each outage (503s during an outage are
// expected; the app is being changed to answer 503 with Retry-After there), the time to recovery
// (first acknowledged write after the server accepts connections again), and the lost and
// duplicated acknowledged writes.
//
// The cluster is its own: Debian's initdb/pg_ctl (BENCH_PG_BIN) in a temp folder on a free loopback
// port, run as `postgres` when this runs as root — the shared server on 127.0.0.1:5432 is never
// touched. The script migrates and seeds it, starts the app against it, and tears everything down
// at the end, on failure and on Ctrl-C. Run on demand:
// `pnpm --filter @peacelearn/bench bench:fault [--users N] [--seconds T]` (default 50 users, 60 s;
// BENCH_FAST_OUTAGE_SECONDS, BENCH_KILL_OUTAGE_SECONDS, BENCH_SKIP_BUILD=1). Prints figures only.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildApp, prepareDatabase, startApp } from "./lib.mjs";
import type { Sample } from "./load-client";
import { freePort, guarded, loadSettings, numberOption } from "./load-options";
import { isAcknowledgedWrite, printAppLog, printRun, summarise } from "./load-report";
import { type LoadResult, runLoad } from "./load-traffic";
import { demoAccounts, printVerification, verifyWrites, withDb } from "./load-verify";
import { type Cluster, createCluster } from "./pg-cluster";

const settings = loadSettings({ seconds: 60 });
const fastOutage = numberOption("fast-outage", "BENCH_FAST_OUTAGE_SECONDS", 5, 0, 300);
const killOutage = numberOption("kill-outage", "BENCH_KILL_OUTAGE_SECONDS", 10, 0, 300);
const killMode = process.env.BENCH_KILL_MODE === "immediate" ? "immediate" : "kill";
if (settings.seconds < fastOutage + killOutage + 15) {
  throw new Error(
    `--seconds must leave room for both outages and some load around them (≥ ${fastOutage + killOutage + 15})`,
  );
}

type Round = {
  name: string;
  /** ms since the load's origin. */
  stoppedAt: number;
  /** When the stop command returned (the server is down). */
  downAt: number;
  /** When the server accepted connections again. */
  readyAt: number;
};

const logDir = mkdtempSync(join(tmpdir(), "peacelearn-fault-"));
const appLog = join(logDir, "app.log");
let cluster: Cluster | undefined;
let app: Awaited<ReturnType<typeof startApp>> | undefined;

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal.addEventListener("abort", done);
  });

/** Stops the server at `at` (ms since origin), keeps it down `downSeconds`, starts it again. */
async function outage(
  name: string,
  target: Cluster,
  at: number,
  downSeconds: number,
  how: () => Promise<void>,
  now: () => number,
  signal: AbortSignal,
): Promise<Round | null> {
  await wait(at - now(), signal);
  if (signal.aborted) return null;
  const stoppedAt = now();
  console.log(`fault: ${name} at +${(stoppedAt / 1000).toFixed(1)} s`);
  await how();
  const downAt = now();
  await wait(stoppedAt + downSeconds * 1000 - now(), signal);
  // Interrupted: the clean-up removes the cluster, no need to start it again.
  if (signal.aborted) return null;
  await target.start();
  const readyAt = now();
  console.log(`fault: PostgreSQL accepting connections again at +${(readyAt / 1000).toFixed(1)} s`);
  return { name, stoppedAt, downAt, readyAt };
}

type Phase = { name: string; from: number; to: number; outage: Round | null };

const failed = (sample: Sample) => typeof sample.outcome !== "number" || sample.outcome >= 500;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Before, during each outage, between and after. A request belongs to an outage when it was in
 * flight at any moment of it (from the stop command to the server accepting connections again):
 * a request that started just before the stop and was cut off by it is the outage's, not an
 * error of calm time. Every other request belongs to the phase it started in.
 */
function phasesOf(result: LoadResult, rounds: Round[]) {
  const end = Math.max(result.elapsedMs, ...result.samples.map((s) => s.end)) + 1;
  const phases: Phase[] = [];
  let from = 0;
  for (const [index, round] of rounds.entries()) {
    phases.push({
      name: index === 0 ? "before" : "between",
      from,
      to: round.stoppedAt,
      outage: null,
    });
    phases.push({
      name: `during ${round.name}`,
      from: round.stoppedAt,
      to: round.readyAt,
      outage: round,
    });
    from = round.readyAt;
  }
  phases.push({ name: "after", from, to: end, outage: null });
  const phaseOf = (sample: Sample): Phase => {
    const outage = phases.find(
      (phase) => phase.outage && sample.start < phase.to && sample.end >= phase.from,
    );
    return (
      outage ??
      phases.find((phase) => sample.start >= phase.from && sample.start < phase.to) ??
      (phases.at(-1) as Phase)
    );
  };
  const members = new Map<Phase, Sample[]>(phases.map((phase) => [phase, []]));
  for (const sample of result.samples) members.get(phaseOf(sample))?.push(sample);
  return { phases, members };
}

function phaseTable(result: LoadResult, rounds: Round[]) {
  const { phases, members } = phasesOf(result, rounds);
  console.log("\nerrors by phase (an outage owns every request in flight during it):");
  console.log(
    `  ${"phase".padEnd(22)} ${"window s".padEnd(13)} ${"req".padStart(6)} ${"req/s".padStart(6)} ` +
      `${"503".padStart(5)} ${"5xx".padStart(5)} ${"reset".padStart(5)} ${"t/o".padStart(5)} ` +
      `${"fail".padStart(5)} ${"4xx".padStart(5)} ${"acked".padStart(6)}`,
  );
  let unexpected = 0;
  const byAction = new Map<string, number>();
  for (const phase of phases) {
    const samples = members.get(phase) ?? [];
    const s = summarise(samples);
    const window = Math.max(0.001, (phase.to - phase.from) / 1000);
    unexpected += phase.outage ? s.errors - s.unavailable : s.errors;
    if (!phase.outage) {
      for (const sample of samples.filter(failed)) {
        byAction.set(sample.action, (byAction.get(sample.action) ?? 0) + 1);
      }
    }
    console.log(
      `  ${phase.name.padEnd(22)} ${`${(phase.from / 1000).toFixed(1)}–${(phase.to / 1000).toFixed(1)}`.padEnd(13)} ` +
        `${String(s.requests).padStart(6)} ${(s.requests / window).toFixed(0).padStart(6)} ` +
        `${String(s.unavailable).padStart(5)} ${String(s.otherServerErrors).padStart(5)} ` +
        `${String(s.resets).padStart(5)} ${String(s.timeouts).padStart(5)} ` +
        `${String(s.otherFailures).padStart(5)} ${String(s.clientErrors).padStart(5)} ` +
        `${String(s.acknowledgedWrites).padStart(6)}`,
    );
  }
  console.log(`  unexpected errors (anything but a 503 during an outage): ${unexpected}`);
  if (byAction.size > 0) {
    console.log(
      `  errors outside the outages, by action: ${[...byAction]
        .sort((a, b) => b[1] - a[1])
        .map(([action, count]) => `${action} ${count}`)
        .join(", ")}`,
    );
  }

  console.log("\nrecovery:");
  for (const [index, round] of rounds.entries()) {
    const calm = members.get(phases[2 * index + 2] as Phase) ?? [];
    const firstWrite = result.samples
      .filter((s) => isAcknowledgedWrite(s) && s.end >= round.readyAt)
      .sort((a, b) => a.end - b.end)[0];
    const failures = calm.filter(failed).sort((a, b) => b.end - a.end);
    const lastFailure = failures[0];
    console.log(
      `  ${round.name}: server down ${seconds(round.readyAt - round.stoppedAt)} ` +
        `(stop took ${seconds(round.downAt - round.stoppedAt)}); first acknowledged write ` +
        (firstWrite
          ? `${seconds(firstWrite.end - round.readyAt)} after PostgreSQL was back ` +
            `(${seconds(firstWrite.end - round.stoppedAt)} after the stop)`
          : "never") +
        `; errors after it was back: ${failures.length}` +
        (lastFailure ? ` (last at +${seconds(lastFailure.end - round.readyAt)})` : ""),
    );
  }
}

await guarded(
  settings.seconds + 900,
  async (signal) => {
    buildApp({ floor: false });
    cluster = await createCluster();
    await cluster.start();
    console.log(`fault: private PostgreSQL cluster on 127.0.0.1:${cluster.port} in ${cluster.dir}`);
    await cluster.createDatabase("peacelearn");
    const database = { DATABASE_URL: cluster.url("peacelearn") };
    prepareDatabase(database);
    const accounts = await withDb(database, demoAccounts);
    app = await startApp({
      port: await freePort(),
      database,
      extraEnv: { TRUST_PROXY: "loopback" },
      logFile: appLog,
    });
    console.log(
      `fault: ${settings.users} users (${settings.trainers} of them trainers) for ${settings.seconds} s ` +
        `on ${app.url}; fast stop for ${fastOutage} s at ${(settings.seconds * 0.2).toFixed(0)} s, ` +
        `${killMode === "kill" ? "kill -9" : "immediate stop"} for ${killOutage} s at ${(settings.seconds * 0.5).toFixed(0)} s`,
    );
    const origin = performance.now();
    const now = () => performance.now() - origin;
    const target = cluster;
    const schedule = async () => {
      const rounds: Round[] = [];
      const fast = await outage(
        "fast stop",
        target,
        settings.seconds * 200,
        fastOutage,
        () => target.stop("fast"),
        now,
        signal,
      );
      if (fast) rounds.push(fast);
      const crash = await outage(
        killMode === "kill" ? "kill -9" : "immediate stop",
        target,
        settings.seconds * 500,
        killOutage,
        () => (killMode === "kill" ? target.kill() : target.stop("immediate")),
        now,
        signal,
      );
      if (crash) rounds.push(crash);
      return rounds;
    };
    const [result, rounds] = await Promise.all([
      runLoad({
        app: app.url,
        trainees: accounts.trainees,
        trainers: accounts.trainers,
        users: settings.users - settings.trainers,
        trainerUsers: settings.trainers,
        seconds: settings.seconds,
        thinkMs: settings.thinkMs,
        timeoutMs: settings.timeoutMs,
        signal,
        origin,
      }),
      schedule(),
    ]);
    await app.stop();
    app = undefined;
    if (signal.aborted) return;
    printRun(
      `fault: ${result.users} trainees and ${result.trainers} trainers, private PostgreSQL cluster`,
      result.samples,
      result.elapsedMs,
    );
    phaseTable(result, rounds);
    const report = await withDb(database, (db) => verifyWrites(db, result.ledger));
    printVerification(report);
    printAppLog(readFileSync(appLog, "utf8"));
  },
  async () => {
    await app?.stop();
    await cluster?.destroy();
    if (process.env.BENCH_KEEP_LOGS) console.log(`app log kept in ${appLog}`);
    else rmSync(logDir, { recursive: true, force: true });
  },
);
