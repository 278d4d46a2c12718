// Matchers for what a loader or action answers, so tests say `toRedirectTo("/login")` and
// `toHaveStatus(404)` instead of casting to Response. Registered by ./setup.ts.
import { expect } from "vitest";

/** What a route hands back or throws: a Response, React Router's `data()`, or a test's `{ status }`. */
type DataWithResponseInit = {
  type: "DataWithResponseInit";
  data: unknown;
  init: ResponseInit | null;
};

function isDataWithResponseInit(value: unknown): value is DataWithResponseInit {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { type?: unknown }).type === "DataWithResponseInit"
  );
}

/** The HTTP status a route outcome stands for, or undefined when it is none of the known shapes. */
function statusOf(outcome: unknown): number | undefined {
  if (outcome instanceof Response) return outcome.status;
  if (isDataWithResponseInit(outcome)) return outcome.init?.status ?? 200;
  if (typeof outcome === "object" && outcome !== null) {
    const status = (outcome as { status?: unknown }).status;
    if (typeof status === "number") return status;
  }
  return undefined;
}

/** The headers of an outcome that carries them as `{ status, headers }` (auth-fixtures' `answer`). */
function headersOf(outcome: unknown): Headers | undefined {
  if (typeof outcome !== "object" || outcome === null) return undefined;
  const headers = (outcome as { headers?: unknown }).headers;
  return headers instanceof Headers ? headers : undefined;
}

/** The `Location` of a redirect outcome (null when it is not a redirect). */
export function locationOf(outcome: unknown): string | null {
  const headers =
    outcome instanceof Response
      ? outcome.headers
      : isDataWithResponseInit(outcome)
        ? new Headers(outcome.init?.headers)
        : headersOf(outcome);
  const status = statusOf(outcome);
  if (!headers || status === undefined || status < 300 || status > 399) return null;
  return headers.get("Location");
}

function describe(outcome: unknown): string {
  const status = statusOf(outcome);
  if (status === undefined) return `not a route outcome (${typeof outcome})`;
  const location = locationOf(outcome);
  return location === null ? `status ${status}` : `status ${status} to ${location}`;
}

expect.extend({
  toRedirectTo(received: unknown, expected: string | RegExp) {
    const location = locationOf(received);
    const pass =
      location !== null &&
      (typeof expected === "string" ? location === expected : expected.test(location));
    return {
      pass,
      message: () =>
        `expected ${describe(received)} ${this.isNot ? "not " : ""}to redirect to ${String(expected)}`,
      actual: location,
      expected,
    };
  },
  toHaveStatus(received: unknown, expected: number) {
    const status = statusOf(received);
    return {
      pass: status === expected,
      message: () =>
        `expected ${describe(received)} ${this.isNot ? "not " : ""}to have status ${expected}`,
      actual: status,
      expected,
    };
  },
});

interface RouteOutcomeMatchers<R = unknown> {
  /** A 3xx Response (or `data()` with a 3xx init) whose Location is `path` (or matches it). */
  toRedirectTo(path: string | RegExp): R;
  /** A Response, `data()` result or callRoute outcome with this HTTP status. */
  toHaveStatus(status: number): R;
}

declare module "vitest" {
  // biome-ignore lint/suspicious/noExplicitAny: vitest's own declaration uses `any` here.
  interface Matchers<T = any> extends RouteOutcomeMatchers<T> {}
}
