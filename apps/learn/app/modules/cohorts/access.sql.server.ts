import { definePreparedQuery } from "@peacelearn/db";
import { z } from "zod";

/** A cohort, and whether the user `$2` trains it: every cohort page asks it (ADR 009). */
export const cohortAccess = definePreparedQuery({
  name: "cohort_access",
  params: z.tuple([z.string(), z.string()]),
  row: z.object({
    id: z.string(),
    name: z.string(),
    courseId: z.string(),
    isTrainer: z.boolean(),
  }),
  sql: `SELECT c."id", c."name", c."courseId",
          EXISTS (SELECT 1 FROM "CohortTrainer" t
                  WHERE t."cohortId" = c."id" AND t."userId" = $2) AS "isTrainer"
   FROM "Cohort" c
   WHERE c."id" = $1`,
});
