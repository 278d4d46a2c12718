import { z } from "zod";
import { definePreparedQuery } from "./prepared-query";

/**
 * Takes the transaction-scoped advisory lock named `$1` (hashed to a key): writers that must not
 * interleave — two curriculum imports, two demo seeds — queue on it until the transaction ends.
 */
export const advisoryTransactionLock = definePreparedQuery({
  name: "advisory_transaction_lock",
  params: z.tuple([z.string()]),
  row: z.object({}),
  sql: `SELECT true AS "locked" FROM pg_advisory_xact_lock(hashtext($1))`,
});
