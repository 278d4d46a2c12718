import { z } from "zod";
import type { LocalizedText } from "./locale";

/**
 * Age-band schemes, each cited only to what could be confirmed:
 * - `sadd` — the sex- and age-disaggregated data brackets 0–5, 6–12, 13–17, 18–49, 50–59, 60–69,
 *   70–79, 80+ that humanitarian SADD practice commonly uses. No published standard fixing these
 *   exact cut-points could be confirmed (earlier versions attributed them to the Humanitarian
 *   Inclusion Standards, the Sphere Handbook and the IASC Gender Handbook; that was not checked):
 *   compare with the donor's own bands before reporting.
 * - `sendai` — 0–14, 15–64, 65+: the UN's broad age groups (children, working age, older
 *   persons). The scheme keeps its name for compatibility; that UNDRR's Sendai Framework
 *   monitoring guidance prescribes exactly these bands could not be confirmed.
 * - `youth` — youth as persons aged 18–29 (UNSCR 2250 (2015), which defines the term so), with
 *   `under-18` and `30+` so that everyone still lands in exactly one band.
 * - `child-adult` — under 18 / 18 and over (Convention on the Rights of the Child, art. 1: a child
 *   is a person below 18); the scheme behind "women, men, girls and boys".
 * - `ocha` — children 0–17, adults 18–59, older persons 60+, the three groups in which OCHA's
 *   humanitarian needs overviews and response plans break down people in need and targeted.
 * - `adult` — for programmes that train adults: youth 18–29 (UNSCR 2250, as `youth`), then
 *   30–44, 45–59 and 60+, with `under-18` so that everyone still lands in exactly one band. The
 *   cut-points past 29 are this package's own choice (three bands of about 15 years; none of the
 *   schemes above splits adult life), not a standard's.
 */
export const ageBandSchemes = ["sadd", "sendai", "youth", "child-adult", "ocha", "adult"] as const;

/** One of {@link ageBandSchemes}. */
export type AgeBandScheme = (typeof ageBandSchemes)[number];

/** Validates an {@link AgeBandScheme}. */
export const AgeBandSchemeSchema = /* @__PURE__ */ z.enum(ageBandSchemes);

/** A band of completed years of age, both ends inclusive; `maxAge: null` means open-ended. */
export interface AgeBandDefinition {
  readonly code: string;
  readonly minAge: number;
  readonly maxAge: number | null;
}

/** The band for a person whose birth year is not known. Every scheme has it. */
export const unknownAgeBand = "unknown";

// Sources are listed on `ageBandSchemes` above.
const definitions = {
  sadd: [
    { code: "0-5", minAge: 0, maxAge: 5 },
    { code: "6-12", minAge: 6, maxAge: 12 },
    { code: "13-17", minAge: 13, maxAge: 17 },
    { code: "18-49", minAge: 18, maxAge: 49 },
    { code: "50-59", minAge: 50, maxAge: 59 },
    { code: "60-69", minAge: 60, maxAge: 69 },
    { code: "70-79", minAge: 70, maxAge: 79 },
    { code: "80+", minAge: 80, maxAge: null },
  ],
  sendai: [
    { code: "0-14", minAge: 0, maxAge: 14 },
    { code: "15-64", minAge: 15, maxAge: 64 },
    { code: "65+", minAge: 65, maxAge: null },
  ],
  youth: [
    { code: "under-18", minAge: 0, maxAge: 17 },
    { code: "18-29", minAge: 18, maxAge: 29 },
    { code: "30+", minAge: 30, maxAge: null },
  ],
  "child-adult": [
    { code: "under-18", minAge: 0, maxAge: 17 },
    { code: "18+", minAge: 18, maxAge: null },
  ],
  ocha: [
    { code: "0-17", minAge: 0, maxAge: 17 },
    { code: "18-59", minAge: 18, maxAge: 59 },
    { code: "60+", minAge: 60, maxAge: null },
  ],
  adult: [
    { code: "under-18", minAge: 0, maxAge: 17 },
    { code: "18-29", minAge: 18, maxAge: 29 },
    { code: "30-44", minAge: 30, maxAge: 44 },
    { code: "45-59", minAge: 45, maxAge: 59 },
    { code: "60+", minAge: 60, maxAge: null },
  ],
} as const satisfies Record<AgeBandScheme, readonly AgeBandDefinition[]>;

/** The bands of each scheme, youngest first; together they cover every age from 0 exactly once. */
export const ageBands: {
  readonly [S in AgeBandScheme]: (typeof definitions)[S];
} = definitions;

/** A band code of one scheme, or `"unknown"`. */
export type AgeBandOf<S extends AgeBandScheme> =
  | (typeof definitions)[S][number]["code"]
  | typeof unknownAgeBand;

/** Any age-band code of any scheme, or `"unknown"`. */
export type AgeBand = AgeBandOf<AgeBandScheme>;

/** Every age-band code of every scheme (once each), then `"unknown"`. */
export const ageBandCodes: readonly AgeBand[] = /* @__PURE__ */ everyAgeBandCode();

function everyAgeBandCode(): AgeBand[] {
  return [...new Set<AgeBand>(ageBandSchemes.flatMap((scheme) => ageBandCodesOf(scheme)))];
}

/** Validates any {@link AgeBand} code; use {@link ageBandSchemaFor} to accept one scheme only. */
export const AgeBandSchema = /* @__PURE__ */ z.enum(ageBandCodes as [AgeBand, ...AgeBand[]]);

/** The band codes of one scheme followed by `"unknown"`. */
export function ageBandCodesOf<S extends AgeBandScheme>(scheme: S): readonly AgeBandOf<S>[] {
  const bands: readonly AgeBandDefinition[] = definitions[scheme];
  return [...bands.map((band) => band.code), unknownAgeBand] as AgeBandOf<S>[];
}

/** A zod schema accepting the band codes of one scheme and `"unknown"`. */
export function ageBandSchemaFor<S extends AgeBandScheme>(scheme: S) {
  return z.enum(ageBandCodesOf(scheme) as [AgeBandOf<S>, ...AgeBandOf<S>[]]);
}

/** The oldest age `ageBandOf` accepts; older means the birth year is a typing error. */
export const maxPlausibleAge = 130;

/** When to compute the age: a date (its UTC calendar year is used) or a calendar year. */
export type AsOf = Date | number;

/** Options of {@link ageBandOf}. */
export interface AgeBandOptions<S extends AgeBandScheme> {
  /** Reference date or year, e.g. the last day of the reporting period. */
  readonly asOf: AsOf;
  readonly scheme: S;
}

/** The calendar year of an {@link AsOf}; throws a `RangeError` for an invalid date or year. */
export function yearOf(asOf: AsOf): number {
  const year = asOf instanceof Date ? asOf.getUTCFullYear() : asOf;
  if (!Number.isInteger(year)) throw new RangeError(`asOf must be a valid date or integer year`);
  return year;
}

/**
 * The age a person reaches during the year of `asOf`: `year(asOf) − birthYear`.
 *
 * Only the birth year is stored, so the exact age on a given day is unknowable; like registration
 * systems that record an unknown birthday as 1 January, the person is counted at the age they reach
 * that year. Someone born in 2008 is 18 for the whole of 2026.
 *
 * @throws RangeError when the birth year is not an integer, lies after `asOf`, or gives an age above
 * {@link maxPlausibleAge} — those are data errors, not unknown ages.
 */
export function ageInYear(birthYear: number, asOf: AsOf): number {
  const year = yearOf(asOf);
  if (!Number.isInteger(birthYear))
    throw new RangeError(`Birth year ${birthYear} is not an integer`);
  const age = year - birthYear;
  if (age < 0) throw new RangeError(`Birth year ${birthYear} is after ${year}`);
  if (age > maxPlausibleAge) {
    throw new RangeError(`Birth year ${birthYear} gives an age above ${maxPlausibleAge}`);
  }
  return age;
}

/**
 * The age band of a person born in `birthYear`, computed at `asOf` (see {@link ageInYear}).
 * A missing birth year gives `"unknown"`; an impossible one throws, because silently filing a typo
 * under "unknown" would hide it.
 *
 * @example ageBandOf(2000, { asOf: 2026, scheme: "youth" }) // "18-29"
 * @example ageBandOf(null, { asOf: new Date(), scheme: "sadd" }) // "unknown"
 * @throws RangeError for a future, non-integer or implausibly old birth year, or an invalid `asOf`.
 */
export function ageBandOf<S extends AgeBandScheme>(
  birthYear: number | null | undefined,
  options: AgeBandOptions<S>,
): AgeBandOf<S> {
  // A plain lookup rather than the zod schema, so that this function alone pulls in no zod.
  if (!(ageBandSchemes as readonly string[]).includes(options.scheme)) {
    throw new RangeError(`Unknown age-band scheme ${String(options.scheme)}`);
  }
  if (birthYear == null) {
    yearOf(options.asOf);
    return unknownAgeBand;
  }
  const age = ageInYear(birthYear, options.asOf);
  const bands: readonly AgeBandDefinition[] = definitions[options.scheme];
  const band = bands.find((b) => age >= b.minAge && (b.maxAge === null || age <= b.maxAge));
  // Unreachable: every scheme starts at 0 and ends open-ended (checked by the tests).
  if (!band) throw new RangeError(`No ${options.scheme} band for age ${age}`);
  return band.code as AgeBandOf<S>;
}

/**
 * Whether everyone in a band is under 18: `true`, `false`, or `null` when the band straddles 18
 * (Sendai's 15–64) or is `"unknown"`.
 */
export function isUnder18Band(scheme: AgeBandScheme, band: string): boolean | null {
  const bands: readonly AgeBandDefinition[] = definitions[scheme];
  const found = bands.find((b) => b.code === band);
  if (!found) return null;
  if (found.maxAge !== null && found.maxAge < 18) return true;
  if (found.minAge >= 18) return false;
  return null;
}

/**
 * A zod schema for a birth year that is plausible at `asOf` (same rule as {@link ageBandOf}).
 * Birth year is optional wherever it is collected; wrap with `.nullish()`.
 */
export function birthYearSchema(asOf: AsOf) {
  const year = yearOf(asOf);
  return z
    .number()
    .int()
    .min(year - maxPlausibleAge)
    .max(year);
}

/** The label of the `"unknown"` band, also that of a missing age in a table. @internal */
export const unknownAgeBandLabel: LocalizedText = { en: "Age unknown", fr: "Âge inconnu" };

const labels: Readonly<Record<AgeBand, LocalizedText>> = {
  "0-5": { en: "0–5 years", fr: "0 à 5 ans" },
  "6-12": { en: "6–12 years", fr: "6 à 12 ans" },
  "13-17": { en: "13–17 years", fr: "13 à 17 ans" },
  "18-49": { en: "18–49 years", fr: "18 à 49 ans" },
  "50-59": { en: "50–59 years", fr: "50 à 59 ans" },
  "60-69": { en: "60–69 years", fr: "60 à 69 ans" },
  "70-79": { en: "70–79 years", fr: "70 à 79 ans" },
  "80+": { en: "80 years and over", fr: "80 ans et plus" },
  "0-14": { en: "0–14 years", fr: "0 à 14 ans" },
  "15-64": { en: "15–64 years", fr: "15 à 64 ans" },
  "65+": { en: "65 years and over", fr: "65 ans et plus" },
  "under-18": { en: "Under 18", fr: "Moins de 18 ans" },
  "18-29": { en: "18–29 years", fr: "18 à 29 ans" },
  "30+": { en: "30 years and over", fr: "30 ans et plus" },
  "18+": { en: "18 years and over", fr: "18 ans et plus" },
  "0-17": { en: "0–17 years", fr: "0 à 17 ans" },
  "18-59": { en: "18–59 years", fr: "18 à 59 ans" },
  "60+": { en: "60 years and over", fr: "60 ans et plus" },
  "30-44": { en: "30–44 years", fr: "30 à 44 ans" },
  "45-59": { en: "45–59 years", fr: "45 à 59 ans" },
  unknown: unknownAgeBandLabel,
};

/** English and French labels for every {@link AgeBand}. */
export const ageBandLabels = labels;

/** English and French names of the {@link ageBandSchemes}. */
export const ageBandSchemeLabels: Readonly<Record<AgeBandScheme, LocalizedText>> = {
  sadd: {
    en: "Humanitarian age bands (SADD)",
    fr: "Tranches d'âge humanitaires (données ventilées par sexe et par âge)",
  },
  sendai: { en: "Sendai Framework age groups", fr: "Groupes d'âge du Cadre de Sendai" },
  youth: { en: "Youth (UNSCR 2250)", fr: "Jeunes (résolution 2250 du Conseil de sécurité)" },
  "child-adult": { en: "Children and adults", fr: "Enfants et adultes" },
  ocha: {
    en: "OCHA age groups (children, adults, older persons)",
    fr: "Groupes d'âge d'OCHA (enfants, adultes, personnes âgées)",
  },
  adult: {
    en: "Adult age bands (18–29, 30–44, 45–59, 60+)",
    fr: "Tranches d'âge adultes (18-29, 30-44, 45-59, 60 et plus)",
  },
};
