import { curriculumLocales } from "@peacelearn/curriculum/vocabulary";
import { programmeRegionCodes } from "@peacelearn/domain";
import { z } from "zod";

// Languages course content is written in are the curriculum's (not the UI's: a course may exist
// in English only).

/**
 * The catalogue's GET filters. A filter the page does not offer (a hand-edited URL, a region
 * removed since a link was shared) means "any", never an error page.
 */
const CatalogueFilterSchema = z.object({
  language: z.enum(curriculumLocales).optional().catch(undefined),
  region: z.enum(programmeRegionCodes).optional().catch(undefined),
  /** Words to find in a course's title or summary, in any of its languages. */
  q: z
    .string()
    .transform((value) => value.trim().replace(/\s+/g, " ").slice(0, 100))
    .optional()
    .catch(undefined),
});

export type CatalogueFilter = z.infer<typeof CatalogueFilterSchema>;

export function parseCatalogueFilter(searchParams: URLSearchParams): CatalogueFilter {
  return CatalogueFilterSchema.parse({
    language: searchParams.get("language") || undefined,
    region: searchParams.get("region") || undefined,
    q: searchParams.get("q")?.trim() || undefined,
  });
}

/** The enrol and complete buttons post an intent; anything else is a 400, not a 500. */
export const CourseIntentSchema = z.object({
  intent: z.literal("enrol", { error: "courses:errors.unknownAction" }),
});

export const LessonIntentSchema = z.object({
  intent: z.literal("complete", { error: "courses:errors.unknownAction" }),
});
