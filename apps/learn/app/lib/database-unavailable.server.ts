import { DatabaseUnreachableError } from "@peacelearn/db";

/**
 * Whether `error` means the database could not be reached or dropped the connection — the server
 * is down, restarting, recovering from a crash, or out of connections — rather than refusing
 * what was asked. Such a request may succeed a moment later, so it is answered 503 with
 * `Retry-After` (see entry.server.tsx), never 500.
 *
 * Each rule below was seen against a private PostgreSQL 15 cluster stopped, restarted, killed
 * and frozen under @prisma/adapter-pg 6.19 and node-postgres 8.23 (the raw prepared-query path),
 * or against a closed PGlite instance; the errors arrive in several wrappings:
 *
 * - Prisma `PrismaClientKnownRequestError` with `code` P1001 ("Can't reach database server",
 *   connection refused), or P2010 ("Raw query failed") whose `meta.driverAdapterError.cause` is
 *   `{ kind: "postgres", code: "57P01" }` (`pg_ctl stop -m fast`, `pg_terminate_backend`);
 * - a bare `DriverAdapterError` whose `cause` is `{ kind: "postgres", code }`: 57P01 on the
 *   pool's idle connection right after a restart, 57P03 "the database system is shutting down" /
 *   "… is in recovery mode" (after a crash);
 * - node-postgres errors: `DatabaseError` with a SQLSTATE `code` (57P01, 57P03), a socket error
 *   with `code` ECONNREFUSED, or a plain `Error` without a code: "Connection terminated
 *   unexpectedly" (server killed mid-query), "Connection terminated due to connection timeout"
 *   (postmaster frozen), "Client has encountered a connection error and is not queryable";
 * - `DatabaseUnreachableError` from `createDb` when the app starts while the server is down;
 * - `Error("PGlite is closed")` from the embedded database once it has been closed.
 *
 * The other codes are their documented neighbours: SQLSTATE class 08 (connection exceptions,
 * except 08P01, a protocol violation — a bug, not an outage), 57P02 (crash of another backend),
 * 57P05 (idle session timeout), 53300 (too many connections); Prisma P1002, P1008, P1017, P2024,
 * P2037; and the socket errors adapter-pg maps to the same kinds. P2028, "Transaction API error",
 * is an interactive transaction that could not start in time, expired (a stalled connection) or
 * whose connection broke around COMMIT ("Transaction already closed: A rollback cannot be
 * executed on a committed transaction", met as a 500 by bench:fault during a fast stop): its work
 * was rolled back, or is settled on a retry by the request's idempotency key.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return someCause(error, isUnavailableNode);
}

const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "57P05", "53300"]);
const UNAVAILABLE_PRISMA_CODES = new Set([
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "P2028",
  "P2037",
]);
const UNAVAILABLE_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
/** Driver-adapter error kinds (Prisma maps them to P1001, P1017, P1008, P2037). */
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
/** Errors node-postgres, pg-pool and PGlite raise without any code. */
const UNAVAILABLE_MESSAGES = new Set([
  "Connection terminated unexpectedly",
  "Connection terminated due to connection timeout",
  "timeout exceeded when trying to connect",
  "timeout expired",
  "Client has encountered a connection error and is not queryable",
  "PGlite is closed",
]);

function isUnavailableNode(node: object): boolean {
  if (node instanceof DatabaseUnreachableError) return true;
  const { code, errorCode, kind, message } = node as Record<string, unknown>;
  // The same error from another copy of @peacelearn/db (a bundle): its stable code.
  if (code === "database-unreachable") return true;
  for (const value of [code, errorCode]) {
    if (typeof value !== "string") continue;
    if (UNAVAILABLE_SQLSTATES.has(value) || UNAVAILABLE_PRISMA_CODES.has(value)) return true;
    if (UNAVAILABLE_SOCKET_CODES.has(value)) return true;
    if (/^08[0-9A-Z]{3}$/.test(value) && value !== "08P01") return true;
  }
  if (typeof kind === "string" && UNAVAILABLE_KINDS.has(kind)) return true;
  return code === undefined && typeof message === "string" && UNAVAILABLE_MESSAGES.has(message);
}

/**
 * Walks an error and what it wraps — `cause`, Prisma's `meta.driverAdapterError`, an
 * `AggregateError`'s `errors` (a host with several addresses) — a bounded number of steps.
 */
function someCause(error: unknown, test: (node: object) => boolean): boolean {
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length > 0 && seen.size < 32) {
    const node = queue.shift();
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    if (test(node)) return true;
    const { cause, meta, errors } = node as { cause?: unknown; meta?: unknown; errors?: unknown };
    queue.push(cause);
    if (typeof meta === "object" && meta !== null) {
      queue.push((meta as { driverAdapterError?: unknown }).driverAdapterError);
    }
    if (Array.isArray(errors)) queue.push(...errors.slice(0, 8));
  }
  return false;
}
