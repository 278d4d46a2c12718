import { definePreparedQuery, epochMsColumn } from "@peacelearn/db";
import { z } from "zod";

/** The session behind a stored id, with its user: every signed-in page asks it (ADR 009). */
export const sessionWithUser = definePreparedQuery({
  name: "session_with_user",
  params: z.tuple([z.string()]),
  row: z.object({
    expiresAt: epochMsColumn,
    lastUsedAt: epochMsColumn,
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    preferredLocale: z.string(),
    closed: z.boolean(),
    shared: z.boolean(),
  }),
  sql: `SELECT (extract(epoch FROM s."expiresAt") * 1000)::float8 AS "expiresAt",
          (extract(epoch FROM s."lastUsedAt") * 1000)::float8 AS "lastUsedAt",
          u."id", u."email"::text AS "email", u."displayName", u."roles"::text[] AS "roles",
          u."preferredLocale", (u."erasedAt" IS NOT NULL OR u."deactivatedAt" IS NOT NULL) AS "closed", s."shared"
   FROM "Session" s JOIN "User" u ON u."id" = s."userId"
   WHERE s."id" = $1`,
});
