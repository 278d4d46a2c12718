// One simulated browser of the load scripts (its cookie, its address, a time-out on every request)
// and what it records: a sample per request, and for every form post an entry in the ledger that
// load-verify.ts checks against the database afterwards.
import { performance } from "node:perf_hooks";

export type Outcome = number | "timeout" | "reset" | "refused" | "error";

export type Sample = {
  /** ms since the load started. */
  start: number;
  end: number;
  write: boolean;
  action: string;
  outcome: Outcome;
  /** A 503 that carried Retry-After. */
  retryAfter: boolean;
};

export type Account = { id: string; email: string };
export type TrainerAccount = Account & { cohortIds: string[] };

/** A form post and whether the app acknowledged it (303, or 200 for the attendance sheet). */
export type Post = { acknowledged: boolean; start: number; end: number };

export type Ledger = {
  runId: string;
  lessons: Array<Post & { userId: string; courseKey: string; lessonKey: string }>;
  /** One entry per post; a replay of the same form carries the same token. */
  attempts: Array<Post & { userId: string; token: string; attemptId: string | null }>;
  attendance: Array<Post & { sessionId: string; statuses: Record<string, string> }>;
  accompaniment: Array<Post & { marker: string; sessionId: string | null }>;
};

export const pick = <T>(items: readonly T[]): T | undefined =>
  items[Math.floor(Math.random() * items.length)];

/** Documentation addresses (RFC 5737), one per simulated client, for per-address login limits. */
export function clientAddress(index: number): string {
  const nets = ["198.51.100", "203.0.113", "192.0.2"];
  return `${nets[Math.floor(index / 250) % nets.length]}.${(index % 250) + 1}`;
}

function classify(error: unknown): Outcome {
  const name = (error as { name?: string }).name;
  if (name === "TimeoutError" || name === "AbortError") return "timeout";
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? "";
  if (code === "ECONNREFUSED") return "refused";
  if (
    code === "ECONNRESET" ||
    code === "EPIPE" ||
    code.startsWith("UND_ERR_SOCKET") ||
    /other side closed|socket hang up/i.test(cause?.message ?? "")
  ) {
    return "reset";
  }
  return "error";
}

/** One signed-in browser: its cookie, its address, and the samples it records. */
export class Client {
  constructor(
    readonly app: string,
    readonly account: Account,
    readonly address: string,
    private readonly cookie: string,
    private readonly options: { timeoutMs: number; origin: number },
    private readonly samples: Sample[],
  ) {}

  private now() {
    return performance.now() - this.options.origin;
  }

  async request(
    action: string,
    path: string,
    body?: URLSearchParams,
  ): Promise<{ outcome: Outcome; html: string; location: string | null; sample: Sample }> {
    const write = body !== undefined;
    const headers: Record<string, string> = {
      cookie: this.cookie,
      "x-forwarded-for": this.address,
      accept: "text/html",
    };
    if (write) {
      headers.origin = this.app;
      headers["content-type"] = "application/x-www-form-urlencoded";
    }
    const start = this.now();
    let outcome: Outcome;
    let html = "";
    let location: string | null = null;
    let retryAfter = false;
    try {
      const response = await fetch(`${this.app}${path}`, {
        method: write ? "POST" : "GET",
        headers,
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      location = response.headers.get("location");
      retryAfter = response.headers.has("retry-after");
      html = await response.text();
      outcome = response.status;
    } catch (error) {
      outcome = classify(error);
    }
    const sample = { start, end: this.now(), write, action, outcome, retryAfter };
    this.samples.push(sample);
    return { outcome, html, location, sample };
  }
}

export const acknowledged = (outcome: Outcome, ok: number[]) =>
  typeof outcome === "number" && ok.includes(outcome);

/** Waits `ms`, or less when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal) {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done);
  });
}
