import { definePreparedQuery, timestampParam } from "@peacelearn/db";
import { z } from "zod";

/**
 * Takes one use of invite `$1` if it is still usable at `$2`: one conditional UPDATE, so two
 * people racing for the last use cannot both get in. A row back means the use was taken.
 */
export const takeInviteUse = definePreparedQuery({
  name: "invite_take_use",
  params: z.tuple([z.string(), timestampParam]),
  row: z.object({ id: z.string() }),
  sql: `UPDATE "CohortInvite" SET "useCount" = "useCount" + 1
    WHERE "id" = $1 AND "revokedAt" IS NULL AND "expiresAt" > $2::timestamp
      AND ("maxUses" IS NULL OR "useCount" < "maxUses")
    RETURNING "id"`,
});
