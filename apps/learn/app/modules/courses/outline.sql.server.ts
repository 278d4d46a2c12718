import { definePreparedQuery } from "@peacelearn/db";
import { z } from "zod";

/** The version of all course content (ContentVersion, bumped by triggers on every content write). */
export const contentVersion = definePreparedQuery({
  name: "content_version",
  row: z.object({ version: z.string() }),
  sql: `SELECT "version"::text AS "version" FROM "ContentVersion" WHERE "id" = 1`,
});
