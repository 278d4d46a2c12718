import { definePreparedQuery } from "@peacelearn/db";
import { z } from "zod";

/**
 * Row-locks every administrator and user `$1` until the transaction ends, so two role changes
 * that each leave one administrator cannot both succeed.
 */
export const lockAdminsAndUser = definePreparedQuery({
  name: "admin_lock_admins_and_user",
  params: z.tuple([z.string()]),
  row: z.object({ id: z.string() }),
  sql: `SELECT "id" FROM "User" WHERE 'admin' = ANY("roles") OR "id" = $1 FOR UPDATE`,
});
