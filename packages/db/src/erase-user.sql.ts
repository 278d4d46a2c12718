import { z } from "zod";
import { definePreparedQuery } from "./prepared-query";

/** The user to erase, row-locked: a concurrent erasure (or login) of the same user waits. */
export const lockUserForErasure = definePreparedQuery({
  name: "erase_user_lock",
  params: z.tuple([z.string()]),
  row: z.object({
    email: z.string(),
    displayName: z.string(),
    organisation: z.string().nullable(),
    erased: z.boolean(),
  }),
  sql: `SELECT "email"::text AS "email", "displayName", "organisation",
      "erasedAt" IS NOT NULL AS "erased"
    FROM "User" WHERE "id" = $1 FOR UPDATE`,
});

/** Throttling buckets whose key contains the e-mail address, in any case. */
export const deleteBucketsNaming = definePreparedQuery({
  name: "erase_user_delete_buckets",
  params: z.tuple([z.string()]),
  row: z.object({}),
  sql: `DELETE FROM "RateLimitBucket" WHERE position(lower($1) in lower("key")) > 0`,
});

/** One page of audit events with metadata, by id after `$1` (see `scrubAuditMetadata`). */
export const auditMetadataPage = definePreparedQuery({
  name: "erase_user_audit_metadata_page",
  params: z.tuple([z.string(), z.number().int()]),
  row: z.object({ id: z.string(), metadata: z.json() }),
  sql: `SELECT "id", "metadata" FROM "AuditEvent"
    WHERE "metadata" IS NOT NULL AND "id" > $1 ORDER BY "id" LIMIT $2`,
});
