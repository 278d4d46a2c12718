import {
  ActivityTypeSchema,
  AgeBandSchemeSchema,
  type DacGenderMarker,
  DacSectorCodeSchema,
  defaultMinCellSize,
  disaggregationDimensions,
} from "@peacelearn/domain";
import { z } from "zod";

/** What a report counts. Each is disaggregated on its own; see report.server.ts for definitions. */
export const reportMeasures = [
  "enrolments",
  "completions",
  "passRates",
  "attendance",
  "accompaniment",
] as const;
export type ReportMeasure = (typeof reportMeasures)[number];

/** Thresholds a staff member may pick: never below the domain's default (5). */
export const minCellSizeChoices = [defaultMinCellSize, 10, 20] as const;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

// Query strings come from a GET form, so anything odd falls back to a default instead of failing:
// a report link that has gone stale still opens.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The GET parameters shared by /reports, /reports/export.csv and /reports/iati.json. */
const ReportQuerySchema = z.object({
  measure: z.enum(reportMeasures).catch("enrolments"),
  by: z.array(z.enum(disaggregationDimensions)).catch([]),
  from: optional(isoDate),
  to: optional(isoDate),
  activityType: optional(ActivityTypeSchema),
  dacSector: optional(DacSectorCodeSchema),
  dacGenderMarker: optional(
    z.coerce
      .number()
      .int()
      .refine((n): n is DacGenderMarker => n === 0 || n === 1 || n === 2),
  ),
  ageScheme: AgeBandSchemeSchema.catch("sadd"),
  minCellSize: z.coerce.number().int().min(defaultMinCellSize).max(100).catch(defaultMinCellSize),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

/**
 * The cut /reports opens with: sex × age band × programme region, the disaggregation donors ask
 * for first (SADD by region). It stays quick at programme scale — a few hundred cells — while
 * finer cuts (location, activity type) are a click away.
 */
export const defaultReportDimensions = ["gender", "ageBand", "region"] as const;

/**
 * Reads the query string of a report URL (repeated `by` for the dimensions). A bare URL (the first
 * visit) gets {@link defaultReportDimensions}; a submitted form always carries `measure`, so
 * unticking every dimension still gives the total alone.
 */
export function parseReportQuery(search: URLSearchParams): ReportQuery {
  const single = (name: string) => search.get(name) || undefined;
  const bare = !search.has("measure") && !search.has("by");
  const by = bare ? [...defaultReportDimensions] : [...new Set(search.getAll("by"))];
  const query = ReportQuerySchema.parse({
    measure: single("measure"),
    by,
    from: single("from"),
    to: single("to"),
    activityType: single("activityType"),
    dacSector: single("dacSector"),
    dacGenderMarker: single("dacGenderMarker"),
    ageScheme: single("ageScheme"),
    minCellSize: single("minCellSize"),
  });
  // Keep the dimensions in the domain's order, so URLs that differ only in order give one table.
  return {
    ...query,
    by: disaggregationDimensions.filter((dimension) => query.by.includes(dimension)),
  };
}

/** The query string for a report (used by the export links, so they carry the same cut). */
export function reportSearch(query: ReportQuery, overrides: Partial<ReportQuery> = {}): string {
  const merged = { ...query, ...overrides };
  const params = new URLSearchParams();
  params.set("measure", merged.measure);
  for (const dimension of merged.by) params.append("by", dimension);
  if (merged.from) params.set("from", merged.from);
  if (merged.to) params.set("to", merged.to);
  if (merged.activityType) params.set("activityType", merged.activityType);
  if (merged.dacSector) params.set("dacSector", merged.dacSector);
  if (merged.dacGenderMarker !== undefined)
    params.set("dacGenderMarker", String(merged.dacGenderMarker));
  params.set("ageScheme", merged.ageScheme);
  params.set("minCellSize", String(merged.minCellSize));
  return params.toString();
}
