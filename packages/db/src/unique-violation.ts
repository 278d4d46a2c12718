import type { Prisma } from "./generated/prisma/client";

type KnownRequestError = Pick<Prisma.PrismaClientKnownRequestError, "code" | "meta">;

/**
 * Whether `error` is a unique-constraint violation (Prisma P2002), optionally on a given column —
 * the same on PGlite and on a PostgreSQL server. Use it to turn "already exists" into a form
 * error (`isUniqueViolation(error, "email")`) or to make a resubmission idempotent.
 */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  if (!isKnownRequestError(error) || error.code !== "P2002") return false;
  if (column === undefined) return true;
  return violatedColumns(error).includes(column);
}

/**
 * Recognised by shape, not `instanceof`: @prisma/client ships its runtime twice (runtime/client.js
 * for Node's `require` and `node` condition, runtime/client.mjs for `import` elsewhere), so an
 * error thrown by one copy is not an instance of the other's class once a bundler or test runner
 * resolves them differently.
 */
function isKnownRequestError(error: unknown): error is KnownRequestError {
  if (typeof error !== "object" || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === "PrismaClientKnownRequestError" && typeof code === "string";
}

function violatedColumns(error: KnownRequestError): string[] {
  const meta = error.meta as
    | { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } } }
    | undefined;
  const fields = meta?.driverAdapterError?.cause?.constraint?.fields ?? meta?.target;
  if (!Array.isArray(fields)) return [];
  return fields.map((field) => String(field).replace(/^"|"$/g, ""));
}
