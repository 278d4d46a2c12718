import { Prisma } from "./generated/prisma/client";

/**
 * Whether `error` is a unique-constraint violation (Prisma P2002), optionally on a given column —
 * the same on PGlite and on a PostgreSQL server. Use it to turn "already exists" into a form
 * error (`isUniqueViolation(error, "email")`) or to make a resubmission idempotent.
 */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002")
    return false;
  if (column === undefined) return true;
  return violatedColumns(error).includes(column);
}

function violatedColumns(error: Prisma.PrismaClientKnownRequestError): string[] {
  const meta = error.meta as
    | { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } } }
    | undefined;
  const fields = meta?.driverAdapterError?.cause?.constraint?.fields ?? meta?.target;
  if (!Array.isArray(fields)) return [];
  return fields.map((field) => String(field).replace(/^"|"$/g, ""));
}
