// Options shared by the load and fault scripts (flag or environment variable, flag first), a free
// loopback port, and clean-up that also runs on Ctrl-C and on an overall time limit.
import { createServer } from "node:net";

function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index === -1) return undefined;
  const arg = args[index] as string;
  return arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[index + 1];
}

export function numberOption(
  name: string,
  envName: string,
  fallback: number,
  min: number,
  max: number,
) {
  const raw = flag(name) ?? process.env[envName];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`--${name} / ${envName} must be a number from ${min} to ${max} (got ${raw})`);
  }
  return value;
}

export type LoadSettings = {
  users: number;
  trainers: number;
  seconds: number;
  thinkMs: number;
  timeoutMs: number;
};

/** `--users` (BENCH_USERS), `--seconds` (BENCH_SECONDS), `--trainers`, `--think-ms`, `--timeout-ms`. */
export function loadSettings(defaults: { seconds: number }): LoadSettings {
  const users = numberOption("users", "BENCH_USERS", 50, 1, 2000);
  return {
    users,
    // Trainers are part of the N users: one in 25, at least one.
    trainers: numberOption(
      "trainers",
      "BENCH_TRAINERS",
      Math.max(1, Math.round(users / 25)),
      0,
      10,
    ),
    seconds: numberOption("seconds", "BENCH_SECONDS", defaults.seconds, 1, 3600),
    thinkMs: numberOption("think-ms", "BENCH_THINK_MS", 200, 0, 60_000),
    timeoutMs: numberOption("timeout-ms", "BENCH_TIMEOUT_MS", 10_000, 100, 120_000),
  };
}

/** A TCP port nobody listens on at the moment, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

/**
 * Runs `main(signal)` and then `cleanUp()`, also when the run fails, on Ctrl-C / SIGTERM (the
 * signal aborts, so the load winds down) and after `limitSeconds` (then the process exits once
 * the clean-up is done, or after 60 s more whatever happens).
 */
export async function guarded(
  limitSeconds: number,
  main: (signal: AbortSignal) => Promise<void>,
  cleanUp: () => Promise<void>,
) {
  const controller = new AbortController();
  let stopping = false;
  const stop = (why: string) => {
    if (stopping) {
      console.error(`${why} again: exiting now`);
      process.exit(130);
    }
    stopping = true;
    console.error(`\n${why}: stopping the load and cleaning up…`);
    controller.abort();
    setTimeout(() => {
      console.error("clean-up took over 60 s: exiting");
      process.exit(1);
    }, 60_000).unref();
  };
  const onSignal = (signal: NodeJS.Signals) => stop(signal);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const limit = setTimeout(() => stop(`over ${limitSeconds} s`), limitSeconds * 1000);
  let failed = false;
  try {
    await main(controller.signal);
  } catch (error) {
    failed = true;
    console.error(error);
  } finally {
    clearTimeout(limit);
    try {
      await cleanUp();
    } catch (error) {
      failed = true;
      console.error("clean-up failed:", error);
    }
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  // The figures are the output; only a broken run (not slow figures) exits non-zero.
  process.exit(failed || controller.signal.aborted ? 1 : 0);
}
