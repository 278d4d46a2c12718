import {
  ActivityTypeSchema,
  type AgeBandScheme,
  AgeBandSchemeSchema,
  type DacGenderMarker,
  DacSectorCodeSchema,
  type DisaggregationDimension,
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

/**
 * The two tiers a report is published in (ADR 024): `formal` — a fixed family of cuts over fixed
 * periods, protected as one system, exact, the only tier exported; `exploration` — any cut, any
 * window, any filter, every figure perturbed with the cell-key method, shown on screen only.
 */
export const reportTiers = ["formal", "exploration"] as const;
export type ReportTier = (typeof reportTiers)[number];

/**
 * The programme's one threshold: counts from 1 to 4 are never published. Readers no longer pick
 * it — a table at 5 beside the same table at 10 differences (ADR 024).
 */
export const formalMinCellSize = defaultMinCellSize;

/**
 * The one age scheme of formal tables: the domain's adult bands (18–29, 30–44, 45–59, 60+, and
 * under-18 for completeness). The programme trains adults, so the humanitarian SADD brackets
 * left six of their nine rows (0–5, 6–12, 13–17, 60–69, 70–79, 80+) empty in the demo (ADR 026).
 */
export const formalAgeScheme: AgeBandScheme = "adult";

/**
 * The formal family: the cuts published for every measure and every fixed period, all protected
 * together. Region beside location is in (Abkhazia stays its own location and is protected
 * against South Caucasus − Georgia); activity type and the cohort markers are not dimensions of
 * the family, so they belong to exploration.
 */
export const formalCuts = {
  total: [],
  gender: ["gender"],
  ageBand: ["ageBand"],
  location: ["location"],
  region: ["region"],
  "gender-ageBand": ["gender", "ageBand"],
  "gender-location": ["gender", "location"],
  "gender-region": ["gender", "region"],
  "location-region": ["location", "region"],
} as const satisfies Record<string, readonly DisaggregationDimension[]>;
export type FormalCutId = keyof typeof formalCuts;
export const formalCutIds = Object.keys(formalCuts) as FormalCutId[];

/** The cut formal reports open with: sex × age band, what donors ask for first. */
const defaultFormalCut: FormalCutId = "gender-ageBand";

/** The formal cut with exactly these dimensions (in the domain's order), if there is one. */
export function formalCutOf(by: readonly DisaggregationDimension[]): FormalCutId | undefined {
  return formalCutIds.find(
    (id) =>
      formalCuts[id].length === by.length &&
      formalCuts[id].every((d: DisaggregationDimension) => by.includes(d)),
  );
}

/** A fixed period: a year (`2026`), a quarter (`2026-Q2`) or a month (`2026-05`). */
export type ReportPeriod = string;
const ReportPeriodSchema = z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/);

/** Every fixed period of these years: each year, then its quarters, then its months. */
export function periodsOf(years: readonly number[]): ReportPeriod[] {
  return years.flatMap((year) => [
    String(year),
    ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`),
    ...Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, "0")}`),
  ]);
}

/** A period's first and last days (inclusive, ISO). */
export function periodDays(period: ReportPeriod): { start: string; end: string } {
  const year = Number(period.slice(0, 4));
  const [first, last] = period.includes("-Q")
    ? [(Number(period.slice(6)) - 1) * 3, (Number(period.slice(6)) - 1) * 3 + 2]
    : period.length === 7
      ? [Number(period.slice(5)) - 1, Number(period.slice(5)) - 1]
      : [0, 11];
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  return {
    start: iso(new Date(Date.UTC(year, first, 1))),
    end: iso(new Date(Date.UTC(year, last + 1, 0))),
  };
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

// Query strings come from a GET form, so anything odd falls back to a default instead of failing:
// a report link that has gone stale still opens.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The GET parameters shared by /reports, /reports/export.csv and /reports/iati.json. */
const ReportQuerySchema = z.object({
  tier: z.enum(reportTiers).catch("formal"),
  measure: z.enum(reportMeasures).catch("enrolments"),
  /** Formal tier: the period shown (default: the latest year with data). */
  period: optional(ReportPeriodSchema),
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
  /** Exploration only: formal tables use {@link formalAgeScheme}. */
  ageScheme: AgeBandSchemeSchema.catch(formalAgeScheme),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

/** The cut /reports opens with: the formal family's sex × age band. */
const defaultReportDimensions = formalCuts[defaultFormalCut];

/**
 * Reads the query string of a report URL (repeated `by` for the dimensions). A bare URL (the first
 * visit) gets {@link defaultReportDimensions}; a submitted form always carries `measure`, so
 * unticking every dimension still gives the total alone.
 */
export function parseReportQuery(search: URLSearchParams): ReportQuery {
  const single = (name: string) => search.get(name) || undefined;
  const bare = !search.has("measure") && !search.has("by") && !search.has("cut");
  const by = bare ? [...defaultReportDimensions] : [...new Set(search.getAll("by"))];
  const query = ReportQuerySchema.parse({
    tier: single("tier"),
    measure: single("measure"),
    period: single("period"),
    by,
    from: single("from"),
    to: single("to"),
    activityType: single("activityType"),
    dacSector: single("dacSector"),
    dacGenderMarker: single("dacGenderMarker"),
    ageScheme: single("ageScheme"),
  });
  // Keep the dimensions in the domain's order, so URLs that differ only in order give one table.
  const ordered = disaggregationDimensions.filter((dimension) => query.by.includes(dimension));
  if (query.tier === "exploration") return { ...query, by: ordered };
  // A formal report is a table of the family, for its scheme, with no filter and no window. The
  // page's form names the cut (`cut`); links name its dimensions (`by`).
  const named = single("cut");
  const cut =
    named && Object.hasOwn(formalCuts, named)
      ? (named as FormalCutId)
      : (formalCutOf(ordered) ?? defaultFormalCut);
  return {
    tier: "formal",
    measure: query.measure,
    by: [...formalCuts[cut]],
    ...(query.period ? { period: query.period } : {}),
    ageScheme: formalAgeScheme,
  };
}

/** The query string for a report (used by the export links, so they carry the same cut). */
export function reportSearch(query: ReportQuery, overrides: Partial<ReportQuery> = {}): string {
  const merged = { ...query, ...overrides };
  const params = new URLSearchParams();
  params.set("tier", merged.tier);
  params.set("measure", merged.measure);
  if (merged.tier === "formal") {
    for (const dimension of merged.by) params.append("by", dimension);
    if (merged.period) params.set("period", merged.period);
    return params.toString();
  }
  for (const dimension of merged.by) params.append("by", dimension);
  if (merged.from) params.set("from", merged.from);
  if (merged.to) params.set("to", merged.to);
  if (merged.activityType) params.set("activityType", merged.activityType);
  if (merged.dacSector) params.set("dacSector", merged.dacSector);
  if (merged.dacGenderMarker !== undefined)
    params.set("dacGenderMarker", String(merged.dacGenderMarker));
  params.set("ageScheme", merged.ageScheme);
  return params.toString();
}

/** The formal report a link asks for, whatever tier it names: what the exports publish. */
export function formalQuery(search: URLSearchParams): ReportQuery {
  const formal = new URLSearchParams(search);
  formal.set("tier", "formal");
  return parseReportQuery(formal);
}
