import type { MappedError } from "@prisma/driver-adapter-utils";

type PostgresErrorFields = {
  code: string;
  message: string;
  detail?: string | undefined;
  column?: string | undefined;
  constraint?: string | undefined;
};

/**
 * The SQLSTATE → Prisma error-kind mapping of @prisma/adapter-pg 6.19 (its `mapDriverError`),
 * for adapters that pass raw PostgreSQL errors through. The Prisma client turns these kinds into
 * P2002 (unique), P2003 (foreign key) and P2011 (not null). Returns undefined when there is no
 * specific kind, so the caller keeps the generic "postgres" error.
 */
export function mapPostgresError(error: PostgresErrorFields): MappedError | undefined {
  const keyFields = error.detail
    ?.match(/Key \(([^)]+)\)/)
    ?.at(1)
    ?.split(", ");
  switch (error.code) {
    case "23505":
      return {
        kind: "UniqueConstraintViolation",
        constraint: keyFields ? { fields: keyFields } : undefined,
      };
    case "23502":
      return {
        kind: "NullConstraintViolation",
        constraint: error.column
          ? { fields: [error.column] }
          : keyFields
            ? { fields: keyFields }
            : undefined,
      };
    // PostgreSQL 17 (PGlite) reports ON DELETE RESTRICT as restrict_violation; 15 as 23503.
    case "23001":
    case "23503": {
      const index = error.constraint ?? constraintInMessage(error.message);
      return {
        kind: "ForeignKeyConstraintViolation",
        constraint: error.column ? { fields: [error.column] } : index ? { index } : undefined,
      };
    }
    case "22001":
      return { kind: "LengthMismatch", column: error.column };
    case "22003":
      return { kind: "ValueOutOfRange", cause: error.message };
    case "40001":
      return { kind: "TransactionWriteConflict" };
    default:
      return undefined;
  }
}

function constraintInMessage(message: string): string | undefined {
  return message.match(/constraint "([^"]+)"/)?.[1];
}
