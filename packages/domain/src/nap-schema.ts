import { z } from "zod";
import {
  ConflictContextAudienceSchema,
  ConflictContextCodeSchema,
  CountryCodeSchema,
  InterventionLevelSchema,
} from "./geography";
import { WpsPillarSchema } from "./wps-pillars";

// The schemas of the National Action Plan (NAP) dataset. Every fact in it is either sourced (at
// least one source: address, title, the day it was read) or explicitly not verified, with the
// reason and the sources that were consulted without settling it. A bare value is not accepted.

/** The version of the shape of the NAP dataset; it changes when {@link NapDatasetSchema} does. */
export const napSchemaVersion = 1;

const isoDay = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * A calendar day written as ISO 8601 (`YYYY-MM-DD`), checked to exist: `2023-02-30` is refused.
 */
export const IsoDaySchema = /* @__PURE__ */ z.string().refine((text) => {
  if (!isoDay.test(text)) return false;
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}, "a calendar day as YYYY-MM-DD");

/**
 * A date known to the year (`2019`), the month (`2019-11`) or the day (`2019-11-25`): sources
 * often give a plan's adoption or period only to the year.
 */
export const PartialDateSchema = /* @__PURE__ */ z.union([
  z.string().regex(/^\d{4}$/, "a year as YYYY"),
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month as YYYY-MM"),
  IsoDaySchema,
]);

/** A date known to the year, the month or the day. */
export type PartialDate = z.infer<typeof PartialDateSchema>;

/** Where a fact was read: the page or document actually consulted, its title and the day read. */
export const NapSourceSchema = /* @__PURE__ */ z.object({
  url: z.url({ protocol: /^https?$/ }),
  title: z.string().min(1),
  /** The day the page was read, ISO 8601. */
  accessed: IsoDaySchema,
});

/** One source of a fact. */
export type NapSource = z.infer<typeof NapSourceSchema>;

/**
 * A fact of the dataset, either `sourced` (with at least one source and, optionally, a note such
 * as a disagreement between sources) or `not-verified` (with the reason, and the sources that were
 * consulted without settling it — possibly none).
 */
export function napFactSchema<Value extends z.ZodType>(value: Value) {
  return z.discriminatedUnion("status", [
    z.object({
      status: z.literal("sourced"),
      value,
      sources: z.array(NapSourceSchema).min(1),
      note: z.string().min(1).optional(),
    }),
    z.object({
      status: z.literal("not-verified"),
      reason: z.string().min(1),
      consulted: z.array(NapSourceSchema),
    }),
  ]);
}

/**
 * A fact whose value is sourced, or an explicit statement that it was not verified: what
 * {@link napFactSchema} accepts.
 */
export type NapFact<Value> =
  | { status: "sourced"; value: Value; sources: NapSource[]; note?: string | undefined }
  | { status: "not-verified"; reason: string; consulted: NapSource[] };

/** An objective a plan sets under one of its pillars, in the plan's own words. */
export const NapObjectiveSchema = /* @__PURE__ */ z.object({
  /** Stable identifier, `<plan id>.p<pillar>.o<objective>`, e.g. `RW-2.p1.o1`. */
  id: z.string().regex(/^[A-Z]{2}-\d+\.p\d+\.o\d+$/),
  /** The objective as the plan (or the source quoting it) words it. */
  text: z.string().min(1),
  /**
   * The intervention levels the objective's wording names ("at local levels", "regional and
   * international"); absent when it names none. The package's reading, not the plan's coding.
   */
  levels: z.array(InterventionLevelSchema).min(1).optional(),
});

/** One objective of a plan. */
export type NapObjective = z.infer<typeof NapObjectiveSchema>;

/**
 * How a plan pillar was mapped onto the generic pillars: `named` when the plan pillar's own name
 * is (or contains) the generic pillar's name; `interpreted` when this package read its wording.
 */
export const NapPillarMappingSchema = /* @__PURE__ */ z.enum(["named", "interpreted"]);

/** A pillar (axis, priority area, goal) of a plan, mapped onto the generic WPS pillars. */
export const NapPillarSchema = /* @__PURE__ */ z.object({
  /** Stable identifier, `<plan id>.p<n>`, e.g. `LR-2.p3`. */
  id: z.string().regex(/^[A-Z]{2}-\d+\.p\d+$/),
  /** The pillar as the plan (or the source quoting it) names it, in the plan's language. */
  name: z.string().min(1),
  /** The generic pillars it serves; empty for coordination, financing or monitoring pillars. */
  genericPillars: z.array(WpsPillarSchema),
  mapping: NapPillarMappingSchema,
  /** Its objectives where the source lists them; empty when it does not. */
  objectives: z.array(NapObjectiveSchema),
});

/** One pillar of a plan. */
export type NapPillar = z.infer<typeof NapPillarSchema>;

/** The years (or months, or days) a plan covers, as the plan or its sources state them. */
export const NapPeriodSchema = /* @__PURE__ */ z.object({
  from: PartialDateSchema,
  /** `null` when the plan sets no end (the DRC's first plan). */
  to: PartialDateSchema.nullable(),
});

/** The period a plan covers. */
export type NapPeriod = z.infer<typeof NapPeriodSchema>;

/**
 * A provision of a plan that concerns a conflict context the domain models (Abkhazia, `GE-AB`),
 * recorded in the plan's own wording. The wording belongs to the audience whose register it is
 * (`georgian-official` for the Government of Georgia's "occupied territories"); anything the
 * programme displays names the context through `conflictContextName` for the reader's audience.
 */
export const NapConflictContextProvisionSchema = /* @__PURE__ */ z.object({
  /** The conflict contexts of the domain the provision concerns. */
  contexts: z.array(ConflictContextCodeSchema).min(1),
  /** Whose register the wording is. */
  wordingAudience: ConflictContextAudienceSchema,
  /** The plan's own words, quoted with the source they were read in. */
  wording: napFactSchema(z.string().min(1)),
  /**
   * What else the wording covers that the domain does not model as a context of its own, e.g.
   * the Tskhinvali region / South Ossetia, also an "occupied territory" in the plan's words.
   */
  alsoCovers: z.string().min(1).optional(),
  /** The plan pillar the provision sits under, by its id; absent when the source does not say. */
  pillar: z
    .string()
    .regex(/^[A-Z]{2}-\d+\.p\d+$/)
    .optional(),
});

/** A provision about a conflict context. */
export type NapConflictContextProvision = z.infer<typeof NapConflictContextProvisionSchema>;

/** One National Action Plan on women, peace and security of a programme country. */
export const NationalActionPlanSchema = /* @__PURE__ */ z.object({
  /** Stable identifier, `<country>-<edition>`, e.g. `GE-3` for Georgia's third plan. */
  id: z.string().regex(/^[A-Z]{2}-\d+$/),
  country: CountryCodeSchema,
  /** 1 for the first plan, 2 for the second (second generation, phase II)… */
  edition: z.number().int().min(1),
  title: napFactSchema(z.string().min(1)),
  period: napFactSchema(NapPeriodSchema),
  /** A later end the government set after adoption (an extension), when there is one. */
  extendedTo: napFactSchema(PartialDateSchema).optional(),
  adopted: napFactSchema(PartialDateSchema),
  leadInstitution: napFactSchema(z.string().min(1)),
  pillars: napFactSchema(z.array(NapPillarSchema).min(1)),
  conflictContextProvisions: z.array(NapConflictContextProvisionSchema).optional(),
});

/** One National Action Plan. */
export type NationalActionPlan = z.infer<typeof NationalActionPlanSchema>;

/** What the dataset knows of one country's plans, including what it could not find. */
export const CountryNapsSchema = /* @__PURE__ */ z.object({
  country: CountryCodeSchema,
  /** Its plans, oldest first; empty when none was found. */
  plans: z.array(NationalActionPlanSchema),
  /**
   * What was looked for and not found (a later plan, a plan in preparation), as a sourced fact
   * or an explicit not-verified statement.
   */
  coverage: napFactSchema(z.string().min(1)),
});

/** One country's entry in the dataset. */
export type CountryNaps = z.infer<typeof CountryNapsSchema>;

/** The whole dataset: its versions and one entry per programme country. */
export const NapDatasetSchema = /* @__PURE__ */ z.object({
  schemaVersion: z.literal(napSchemaVersion),
  /** The day the dataset was last researched, ISO 8601; no source is read later than it. */
  datasetVersion: IsoDaySchema,
  countries: z.array(CountryNapsSchema),
});

/** The NAP dataset. */
export type NapDataset = z.infer<typeof NapDatasetSchema>;
