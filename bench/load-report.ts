// Figures of a load run: answers by status, errors by kind (503 apart from other 5xx), latency
// percentiles and throughput, for the whole run or a window of it.
import { availableParallelism, loadavg } from "node:os";
import type { Outcome, Sample } from "./load-client";

export type Summary = {
  requests: number;
  byStatus: Map<Outcome, number>;
  unavailable: number;
  unavailableWithoutRetryAfter: number;
  otherServerErrors: number;
  resets: number;
  timeouts: number;
  otherFailures: number;
  /** 5xx of any kind, resets, time-outs and refused or failed connections. */
  errors: number;
  /** 4xx answers to the script's well-formed requests (a form the script misread, a 403…). */
  clientErrors: number;
  writes: number;
  acknowledgedWrites: number;
  p50: number;
  p99: number;
  writeP99: number;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

export const isAcknowledgedWrite = (sample: Sample) =>
  sample.write && (sample.outcome === 303 || sample.outcome === 200);

export function summarise(samples: Sample[]): Summary {
  const byStatus = new Map<Outcome, number>();
  let unavailable = 0;
  let unavailableWithoutRetryAfter = 0;
  let otherServerErrors = 0;
  let resets = 0;
  let timeouts = 0;
  let otherFailures = 0;
  let clientErrors = 0;
  let writes = 0;
  let acknowledgedWrites = 0;
  for (const sample of samples) {
    byStatus.set(sample.outcome, (byStatus.get(sample.outcome) ?? 0) + 1);
    if (sample.write) writes += 1;
    if (isAcknowledgedWrite(sample)) acknowledgedWrites += 1;
    const outcome = sample.outcome;
    if (outcome === 503) {
      unavailable += 1;
      if (!sample.retryAfter) unavailableWithoutRetryAfter += 1;
    } else if (typeof outcome === "number" && outcome >= 500) otherServerErrors += 1;
    else if (typeof outcome === "number" && outcome >= 400) clientErrors += 1;
    else if (outcome === "reset") resets += 1;
    else if (outcome === "timeout") timeouts += 1;
    else if (typeof outcome !== "number") otherFailures += 1;
  }
  const latencies = samples.map((s) => s.end - s.start).sort((a, b) => a - b);
  const writeLatencies = samples
    .filter((s) => s.write)
    .map((s) => s.end - s.start)
    .sort((a, b) => a - b);
  return {
    requests: samples.length,
    byStatus,
    unavailable,
    unavailableWithoutRetryAfter,
    otherServerErrors,
    resets,
    timeouts,
    otherFailures,
    errors: unavailable + otherServerErrors + resets + timeouts + otherFailures,
    clientErrors,
    writes,
    acknowledgedWrites,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    writeP99: percentile(writeLatencies, 99),
  };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

export function statusLine(summary: Summary): string {
  const order = (o: Outcome) => (typeof o === "number" ? o : 1000);
  return [...summary.byStatus]
    .sort(([a], [b]) => order(a) - order(b) || String(a).localeCompare(String(b)))
    .map(([outcome, count]) => `${outcome}: ${count}`)
    .join(", ");
}

export function errorLine(summary: Summary): string {
  return (
    `503: ${summary.unavailable} (${summary.unavailableWithoutRetryAfter} without Retry-After), ` +
    `other 5xx: ${summary.otherServerErrors}, resets: ${summary.resets}, ` +
    `time-outs: ${summary.timeouts}, other failures: ${summary.otherFailures}, ` +
    `4xx: ${summary.clientErrors}`
  );
}

/** The whole run: answers, errors, latency and throughput, with the machine's load average. */
export function printRun(title: string, samples: Sample[], elapsedMs: number) {
  const summary = summarise(samples);
  const seconds = elapsedMs / 1000;
  const [one, five] = loadavg();
  console.log(`\n${title}`);
  console.log(
    `  ${process.platform} ${process.arch}, ${availableParallelism()} cores, Node ${process.version}, ` +
      `load average ${one?.toFixed(2)} (1 min) ${five?.toFixed(2)} (5 min)`,
  );
  console.log(`  requests: ${summary.requests} in ${seconds.toFixed(1)} s`);
  console.log(`  answers by status: ${statusLine(summary)}`);
  console.log(`  errors: ${summary.errors} — ${errorLine(summary)}`);
  console.log(
    `  latency: p50 ${ms(summary.p50)}, p99 ${ms(summary.p99)} (posts: p99 ${ms(summary.writeP99)})`,
  );
  console.log(
    `  throughput: ${(summary.requests / seconds).toFixed(1)} req/s, ` +
      `${(summary.acknowledgedWrites / seconds).toFixed(1)} acknowledged writes/s ` +
      `(${summary.acknowledgedWrites} of ${summary.writes} posts)`,
  );
  const actions = new Map<string, Sample[]>();
  for (const sample of samples) {
    const group = actions.get(sample.action) ?? [];
    group.push(sample);
    actions.set(sample.action, group);
  }
  console.log(
    `\n  ${"action".padEnd(24)} ${"count".padStart(6)} ${"p50".padStart(7)} ${"p99".padStart(7)}  answers`,
  );
  for (const [action, group] of [...actions].sort(([a], [b]) => a.localeCompare(b))) {
    const s = summarise(group);
    console.log(
      `  ${action.padEnd(24)} ${String(s.requests).padStart(6)} ${ms(s.p50).padStart(7)} ${ms(s.p99).padStart(7)}  ${statusLine(s)}`,
    );
  }
  return summary;
}

/** What the app wrote to its log during the run: the most frequent error messages. */
export function printAppLog(log: string) {
  const messages = new Map<string, number>();
  for (const line of log.split("\n")) {
    // First lines of errors, not their stack frames.
    if (!/error/i.test(line) || /^\s+at /.test(line)) continue;
    const message = line.trim().slice(0, 140);
    messages.set(message, (messages.get(message) ?? 0) + 1);
  }
  const total = [...messages.values()].reduce((sum, count) => sum + count, 0);
  console.log(`app log: ${total} error lines`);
  for (const [message, count] of [...messages].sort((a, b) => b[1] - a[1]).slice(0, 4)) {
    console.log(`  ${String(count).padStart(5)}× ${message}`);
  }
}
