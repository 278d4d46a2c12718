import { z } from "zod";
import type { LocalizedText } from "./locale";
import { localize } from "./locale";

/** Programme regions, each grouping the countries where the programme works. */
export const programmeRegionCodes = [
  "west-africa",
  "south-asia",
  "great-lakes",
  "south-caucasus",
] as const;

/** One of {@link programmeRegionCodes}. */
export type ProgrammeRegion = (typeof programmeRegionCodes)[number];

/** Validates a {@link ProgrammeRegion}. */
export const ProgrammeRegionSchema = z.enum(programmeRegionCodes);

/** ISO 3166-1 alpha-2 codes of the programme countries. */
export const countryCodes = ["LR", "GN", "SL", "NP", "LK", "BI", "CD", "RW", "UG", "GE"] as const;

/** A programme country, by its ISO 3166-1 alpha-2 code. */
export type CountryCode = (typeof countryCodes)[number];

/** Validates a {@link CountryCode} (upper case, as ISO 3166-1 writes it). */
export const CountryCodeSchema = z.enum(countryCodes);

/** A programme country. */
export interface Country {
  /** ISO 3166-1 alpha-2. */
  readonly alpha2: CountryCode;
  /** ISO 3166-1 alpha-3. */
  readonly alpha3: string;
  /** UN M49 numeric code (equal to ISO 3166-1 numeric), as the three-digit string M49 uses. */
  readonly m49: string;
  /** Short name in English and French. */
  readonly name: LocalizedText;
  readonly region: ProgrammeRegion;
}

/**
 * The programme countries.
 *
 * Source: ISO 3166-1 (alpha-2, alpha-3, numeric) and UN Statistics Division, "Standard country or
 * area codes for statistical use (M49)". English short names follow ISO 3166-1 / M49 usage; French
 * names are the UN French short names (UNTERM), e.g. "Libéria", "République démocratique du Congo".
 */
export const countries: Readonly<Record<CountryCode, Country>> = {
  LR: {
    alpha2: "LR",
    alpha3: "LBR",
    m49: "430",
    name: { en: "Liberia", fr: "Libéria" },
    region: "west-africa",
  },
  GN: {
    alpha2: "GN",
    alpha3: "GIN",
    m49: "324",
    name: { en: "Guinea", fr: "Guinée" },
    region: "west-africa",
  },
  SL: {
    alpha2: "SL",
    alpha3: "SLE",
    m49: "694",
    name: { en: "Sierra Leone", fr: "Sierra Leone" },
    region: "west-africa",
  },
  NP: {
    alpha2: "NP",
    alpha3: "NPL",
    m49: "524",
    name: { en: "Nepal", fr: "Népal" },
    region: "south-asia",
  },
  LK: {
    alpha2: "LK",
    alpha3: "LKA",
    m49: "144",
    name: { en: "Sri Lanka", fr: "Sri Lanka" },
    region: "south-asia",
  },
  BI: {
    alpha2: "BI",
    alpha3: "BDI",
    m49: "108",
    name: { en: "Burundi", fr: "Burundi" },
    region: "great-lakes",
  },
  CD: {
    alpha2: "CD",
    alpha3: "COD",
    m49: "180",
    name: { en: "Democratic Republic of the Congo", fr: "République démocratique du Congo" },
    region: "great-lakes",
  },
  RW: {
    alpha2: "RW",
    alpha3: "RWA",
    m49: "646",
    name: { en: "Rwanda", fr: "Rwanda" },
    region: "great-lakes",
  },
  UG: {
    alpha2: "UG",
    alpha3: "UGA",
    m49: "800",
    name: { en: "Uganda", fr: "Ouganda" },
    region: "great-lakes",
  },
  GE: {
    alpha2: "GE",
    alpha3: "GEO",
    m49: "268",
    name: { en: "Georgia", fr: "Géorgie" },
    region: "south-caucasus",
  },
};

/** ISO 3166-2 codes of the conflict contexts the programme reports on separately. */
export const conflictContextCodes = ["GE-AB"] as const;

/** A conflict context (a disputed territory), by its ISO 3166-2 subdivision code. */
export type ConflictContextCode = (typeof conflictContextCodes)[number];

/** Validates a {@link ConflictContextCode}. */
export const ConflictContextCodeSchema = z.enum(conflictContextCodes);

/**
 * Audiences a conflict context can be named for:
 * - `neutral` — status-neutral name, the default everywhere (reports, dialogue across the divide).
 * - `un` — the UN Security Council and Secretariat form that attaches the territory to its
 *   internationally recognised state, for UN and donor reporting that requires it.
 * - `georgian-official` — the constitutional designation used by Georgian state institutions, for
 *   correspondence with them.
 * No audience ever gets a name that presents the territory as a sovereign state.
 */
export const conflictContextAudiences = ["neutral", "un", "georgian-official"] as const;

/** One of {@link conflictContextAudiences}. */
export type ConflictContextAudience = (typeof conflictContextAudiences)[number];

/** Validates a {@link ConflictContextAudience}. */
export const ConflictContextAudienceSchema = z.enum(conflictContextAudiences);

/** A territory whose status is disputed, reported as a location of its own. */
export interface ConflictContext {
  /** ISO 3166-2 subdivision code. */
  readonly code: ConflictContextCode;
  /** The internationally recognised state (ISO 3166-1 alpha-2) the ISO code sits under. */
  readonly parent: CountryCode;
  readonly disputed: true;
  readonly region: ProgrammeRegion;
  /** Display names per audience; `neutral` is the default. */
  readonly names: Readonly<Record<ConflictContextAudience, LocalizedText>>;
}

/**
 * Conflict contexts. Abkhazia is ISO 3166-2 `GE-AB` (an autonomous republic in ISO 3166-2:GE).
 * It is never presented as a sovereign state, and never silently merged into Georgia: it is a
 * location of its own in every disaggregation, counted in the South Caucasus region.
 *
 * Names: "Abkhazia" / "Abkhazie" (neutral); "Abkhazia, Georgia" / "Abkhazie (Géorgie)", the form of
 * UN Security Council documents (e.g. the Secretary-General's reports "on the situation in
 * Abkhazia, Georgia"); "Autonomous Republic of Abkhazia" / "République autonome d'Abkhazie", the
 * designation in the Constitution of Georgia.
 */
export const conflictContexts: Readonly<Record<ConflictContextCode, ConflictContext>> = {
  "GE-AB": {
    code: "GE-AB",
    parent: "GE",
    disputed: true,
    region: "south-caucasus",
    names: {
      neutral: { en: "Abkhazia", fr: "Abkhazie" },
      un: { en: "Abkhazia, Georgia", fr: "Abkhazie (Géorgie)" },
      "georgian-official": {
        en: "Autonomous Republic of Abkhazia",
        fr: "République autonome d'Abkhazie",
      },
    },
  },
};

/**
 * The name of a conflict context for an audience (default `neutral`) and locale (default English).
 *
 * @example conflictContextName("GE-AB", { audience: "un", locale: "fr" }) // "Abkhazie (Géorgie)"
 */
export function conflictContextName(
  code: ConflictContextCode,
  options: { audience?: ConflictContextAudience; locale?: string } = {},
): string {
  return localize(conflictContexts[code].names[options.audience ?? "neutral"], options.locale);
}

/** Where an activity or person is: a programme country or a conflict context. */
export const locationCodes = [...countryCodes, ...conflictContextCodes] as const;

/** A {@link CountryCode} or a {@link ConflictContextCode}. */
export type LocationCode = CountryCode | ConflictContextCode;

/** Validates a {@link LocationCode}. */
export const LocationCodeSchema = z.enum(locationCodes);

/** A programme region and its members. */
export interface ProgrammeRegionDefinition {
  readonly code: ProgrammeRegion;
  readonly name: LocalizedText;
  readonly countries: readonly CountryCode[];
  readonly conflictContexts: readonly ConflictContextCode[];
}

function membersOf(region: ProgrammeRegion) {
  return {
    countries: countryCodes.filter((code) => countries[code].region === region),
    conflictContexts: conflictContextCodes.filter(
      (code) => conflictContexts[code].region === region,
    ),
  };
}

/**
 * The programme's regions (its own grouping, not a UN M49 region) with their member countries and
 * conflict contexts, derived from {@link countries} and {@link conflictContexts}.
 */
export const programmeRegions: Readonly<Record<ProgrammeRegion, ProgrammeRegionDefinition>> = {
  "west-africa": {
    code: "west-africa",
    name: { en: "West Africa", fr: "Afrique de l'Ouest" },
    ...membersOf("west-africa"),
  },
  "south-asia": {
    code: "south-asia",
    name: { en: "South Asia", fr: "Asie du Sud" },
    ...membersOf("south-asia"),
  },
  "great-lakes": {
    code: "great-lakes",
    name: { en: "Great Lakes", fr: "Grands Lacs" },
    ...membersOf("great-lakes"),
  },
  "south-caucasus": {
    code: "south-caucasus",
    name: { en: "South Caucasus", fr: "Caucase du Sud" },
    ...membersOf("south-caucasus"),
  },
};

/** Whether a location is a conflict context rather than a country. */
export function isConflictContext(location: LocationCode): location is ConflictContextCode {
  return (conflictContextCodes as readonly string[]).includes(location);
}

/**
 * The programme region of a country or conflict context. Abkhazia gives `"south-caucasus"` while
 * staying a location of its own.
 */
export function regionOf(location: LocationCode): ProgrammeRegion {
  return isConflictContext(location)
    ? conflictContexts[location].region
    : countries[location].region;
}

/** The name of a location; conflict contexts take an audience (default `neutral`). */
export function locationName(
  location: LocationCode,
  options: { audience?: ConflictContextAudience; locale?: string } = {},
): string {
  return isConflictContext(location)
    ? conflictContextName(location, options)
    : localize(countries[location].name, options.locale);
}

/** Levels at which the programme intervenes, from the household to the international. */
export const interventionLevels = [
  "household",
  "community",
  "national",
  "regional",
  "international",
] as const;

/** One of {@link interventionLevels}. */
export type InterventionLevel = (typeof interventionLevels)[number];

/** Validates an {@link InterventionLevel}. */
export const InterventionLevelSchema = z.enum(interventionLevels);

/** English and French labels for each {@link InterventionLevel}. */
export const interventionLevelLabels: Readonly<Record<InterventionLevel, LocalizedText>> = {
  household: { en: "Household", fr: "Ménage" },
  community: { en: "Community", fr: "Communauté" },
  national: { en: "National", fr: "National" },
  regional: { en: "Regional", fr: "Régional" },
  international: { en: "International", fr: "International" },
};
