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
export const ProgrammeRegionSchema = /* @__PURE__ */ z.enum(programmeRegionCodes);

/** ISO 3166-1 alpha-2 codes of the programme countries. */
export const countryCodes = ["LR", "GN", "SL", "NP", "LK", "BI", "CD", "RW", "UG", "GE"] as const;

/** A programme country, by its ISO 3166-1 alpha-2 code. */
export type CountryCode = (typeof countryCodes)[number];

/** Validates a {@link CountryCode} (upper case, as ISO 3166-1 writes it). */
export const CountryCodeSchema = /* @__PURE__ */ z.enum(countryCodes);

/** ISO 3166-1 alpha-3 codes of the programme countries, in the order of {@link countryCodes}. */
export const countryAlpha3Codes = [
  "LBR",
  "GIN",
  "SLE",
  "NPL",
  "LKA",
  "BDI",
  "COD",
  "RWA",
  "UGA",
  "GEO",
] as const;

/** The ISO 3166-1 alpha-3 code of a programme country. */
export type CountryAlpha3 = (typeof countryAlpha3Codes)[number];

/** UN M49 codes of the programme countries, in the order of {@link countryCodes}. */
export const countryM49Codes = [
  "430",
  "324",
  "694",
  "524",
  "144",
  "108",
  "180",
  "646",
  "800",
  "268",
] as const;

/** The UN M49 code of a programme country, as the three-digit string M49 writes. */
export type CountryM49 = (typeof countryM49Codes)[number];

/**
 * How a place is named inside a sentence: with its article (« la Guinée », « le Népal »,
 * "the Democratic Republic of the Congo") and after "in" (« en Guinée », « au Népal »,
 * « en République démocratique du Congo », "in the Democratic Republic of the Congo").
 * French takes « en » before feminine names and names starting with a vowel, « au » before other
 * masculine names (« au Sri Lanka », « en Ouganda »).
 */
export interface SentenceForms {
  /** The name with its definite article, as the subject or object of a sentence. */
  readonly withArticle: LocalizedText;
  /** "in …" / « en … », « au … »: where something happens. */
  readonly locative: LocalizedText;
}

/** A programme country. */
export interface Country extends SentenceForms {
  /** ISO 3166-1 alpha-2. */
  readonly alpha2: CountryCode;
  /** ISO 3166-1 alpha-3. */
  readonly alpha3: CountryAlpha3;
  /** UN M49 numeric code (equal to ISO 3166-1 numeric), as the three-digit string M49 uses. */
  readonly m49: CountryM49;
  /** Short name in English and French, as in a list or a table heading. */
  readonly name: LocalizedText;
  readonly region: ProgrammeRegion;
}

/**
 * The programme countries. Each entry has its literal codes: `countries.GN.alpha3` is typed `"GIN"`.
 *
 * Source: ISO 3166-1 (alpha-2, alpha-3, numeric) and UN Statistics Division, "Standard country or
 * area codes for statistical use (M49)". English short names follow ISO 3166-1 / M49 usage; French
 * names are the UN French short names (UNTERM), e.g. "Libéria", "République démocratique du Congo",
 * whose gender gives the article and preposition (UNTERM lists « la Guinée », « le Népal »…).
 */
export const countries = {
  LR: {
    alpha2: "LR",
    alpha3: "LBR",
    m49: "430",
    name: { en: "Liberia", fr: "Libéria" },
    withArticle: { en: "Liberia", fr: "le Libéria" },
    locative: { en: "in Liberia", fr: "au Libéria" },
    region: "west-africa",
  },
  GN: {
    alpha2: "GN",
    alpha3: "GIN",
    m49: "324",
    name: { en: "Guinea", fr: "Guinée" },
    withArticle: { en: "Guinea", fr: "la Guinée" },
    locative: { en: "in Guinea", fr: "en Guinée" },
    region: "west-africa",
  },
  SL: {
    alpha2: "SL",
    alpha3: "SLE",
    m49: "694",
    name: { en: "Sierra Leone", fr: "Sierra Leone" },
    withArticle: { en: "Sierra Leone", fr: "la Sierra Leone" },
    locative: { en: "in Sierra Leone", fr: "en Sierra Leone" },
    region: "west-africa",
  },
  NP: {
    alpha2: "NP",
    alpha3: "NPL",
    m49: "524",
    name: { en: "Nepal", fr: "Népal" },
    withArticle: { en: "Nepal", fr: "le Népal" },
    locative: { en: "in Nepal", fr: "au Népal" },
    region: "south-asia",
  },
  LK: {
    alpha2: "LK",
    alpha3: "LKA",
    m49: "144",
    name: { en: "Sri Lanka", fr: "Sri Lanka" },
    withArticle: { en: "Sri Lanka", fr: "le Sri Lanka" },
    locative: { en: "in Sri Lanka", fr: "au Sri Lanka" },
    region: "south-asia",
  },
  BI: {
    alpha2: "BI",
    alpha3: "BDI",
    m49: "108",
    name: { en: "Burundi", fr: "Burundi" },
    withArticle: { en: "Burundi", fr: "le Burundi" },
    locative: { en: "in Burundi", fr: "au Burundi" },
    region: "great-lakes",
  },
  CD: {
    alpha2: "CD",
    alpha3: "COD",
    m49: "180",
    name: { en: "Democratic Republic of the Congo", fr: "République démocratique du Congo" },
    withArticle: {
      en: "the Democratic Republic of the Congo",
      fr: "la République démocratique du Congo",
    },
    locative: {
      en: "in the Democratic Republic of the Congo",
      fr: "en République démocratique du Congo",
    },
    region: "great-lakes",
  },
  RW: {
    alpha2: "RW",
    alpha3: "RWA",
    m49: "646",
    name: { en: "Rwanda", fr: "Rwanda" },
    withArticle: { en: "Rwanda", fr: "le Rwanda" },
    locative: { en: "in Rwanda", fr: "au Rwanda" },
    region: "great-lakes",
  },
  UG: {
    alpha2: "UG",
    alpha3: "UGA",
    m49: "800",
    name: { en: "Uganda", fr: "Ouganda" },
    withArticle: { en: "Uganda", fr: "l'Ouganda" },
    locative: { en: "in Uganda", fr: "en Ouganda" },
    region: "great-lakes",
  },
  GE: {
    alpha2: "GE",
    alpha3: "GEO",
    m49: "268",
    name: { en: "Georgia", fr: "Géorgie" },
    withArticle: { en: "Georgia", fr: "la Géorgie" },
    locative: { en: "in Georgia", fr: "en Géorgie" },
    region: "south-caucasus",
  },
} as const satisfies Readonly<Record<CountryCode, Country>>;

/** ISO 3166-2 codes of the conflict contexts the programme reports on separately. */
export const conflictContextCodes = ["GE-AB"] as const;

/** A conflict context (a disputed territory), by its ISO 3166-2 subdivision code. */
export type ConflictContextCode = (typeof conflictContextCodes)[number];

/** Validates a {@link ConflictContextCode}. */
export const ConflictContextCodeSchema = /* @__PURE__ */ z.enum(conflictContextCodes);

/**
 * Audiences a conflict context can be named for:
 * - `neutral` — status-neutral name, the default everywhere (reports, dialogue across the divide).
 * - `un` — the form of the UN Secretary-General's reports, which attaches the territory to its
 *   internationally recognised state, for UN and donor reporting that requires it. The Security
 *   Council itself stopped using it in 2009, when the mandate of its observer mission in Georgia
 *   (UNOMIG) ended.
 * - `georgian-official` — the constitutional designation used by Georgian state institutions, for
 *   correspondence with them.
 * No audience ever gets a name that presents the territory as a sovereign state.
 */
export const conflictContextAudiences = ["neutral", "un", "georgian-official"] as const;

/** One of {@link conflictContextAudiences}. */
export type ConflictContextAudience = (typeof conflictContextAudiences)[number];

/** Validates a {@link ConflictContextAudience}. */
export const ConflictContextAudienceSchema = /* @__PURE__ */ z.enum(conflictContextAudiences);

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
  /** The names of {@link ConflictContext.names} inside a sentence, per audience. */
  readonly sentenceForms: Readonly<Record<ConflictContextAudience, SentenceForms>>;
}

/**
 * Conflict contexts. Abkhazia is ISO 3166-2 `GE-AB` (an autonomous republic in ISO 3166-2:GE).
 * It is never presented as a sovereign state, and never silently merged into Georgia: it is a
 * location of its own in every disaggregation, counted in the South Caucasus region.
 *
 * Names: "Abkhazia" / "Abkhazie" (neutral); "Abkhazia, Georgia" / "Abkhazie (Géorgie)", the form of
 * the UN Secretary-General's reports ("on the situation in Abkhazia, Georgia", to the Security
 * Council until UNOMIG's mandate ended in 2009, after which the Council no longer used it);
 * "Autonomous Republic of Abkhazia" / "République autonome d'Abkhazie", the designation in the
 * Constitution of Georgia.
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
    sentenceForms: {
      neutral: {
        withArticle: { en: "Abkhazia", fr: "l'Abkhazie" },
        locative: { en: "in Abkhazia", fr: "en Abkhazie" },
      },
      un: {
        withArticle: { en: "Abkhazia, Georgia", fr: "l'Abkhazie (Géorgie)" },
        locative: { en: "in Abkhazia, Georgia", fr: "en Abkhazie (Géorgie)" },
      },
      "georgian-official": {
        withArticle: {
          en: "the Autonomous Republic of Abkhazia",
          fr: "la République autonome d'Abkhazie",
        },
        locative: {
          en: "in the Autonomous Republic of Abkhazia",
          fr: "en République autonome d'Abkhazie",
        },
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
  options: {
    readonly audience?: ConflictContextAudience | undefined;
    readonly locale?: string | null | undefined;
  } = {},
): string {
  return localize(conflictContexts[code].names[options.audience ?? "neutral"], options.locale);
}

/** Where an activity or person is: a programme country or a conflict context. */
export const locationCodes: readonly [...typeof countryCodes, ...typeof conflictContextCodes] =
  /* @__PURE__ */ (() => [...countryCodes, ...conflictContextCodes] as const)();

/** A {@link CountryCode} or a {@link ConflictContextCode}. */
export type LocationCode = CountryCode | ConflictContextCode;

/** Validates a {@link LocationCode}. */
export const LocationCodeSchema = /* @__PURE__ */ z.enum(locationCodes);

/** A programme region and its members. */
export interface ProgrammeRegionDefinition {
  readonly code: ProgrammeRegion;
  readonly name: LocalizedText;
  readonly countries: readonly CountryCode[];
  readonly conflictContexts: readonly ConflictContextCode[];
}

function regionDefinition(code: ProgrammeRegion, name: LocalizedText): ProgrammeRegionDefinition {
  return {
    code,
    name,
    countries: countryCodes.filter((country) => countries[country].region === code),
    conflictContexts: conflictContextCodes.filter(
      (context) => conflictContexts[context].region === code,
    ),
  };
}

/**
 * The programme's regions (its own grouping, not a UN M49 region) with their member countries and
 * conflict contexts, derived from {@link countries} and {@link conflictContexts}.
 */
export const programmeRegions: Readonly<Record<ProgrammeRegion, ProgrammeRegionDefinition>> = {
  "west-africa": /* @__PURE__ */ regionDefinition("west-africa", {
    en: "West Africa",
    fr: "Afrique de l'Ouest",
  }),
  "south-asia": /* @__PURE__ */ regionDefinition("south-asia", {
    en: "South Asia",
    fr: "Asie du Sud",
  }),
  "great-lakes": /* @__PURE__ */ regionDefinition("great-lakes", {
    en: "Great Lakes",
    fr: "Grands Lacs",
  }),
  "south-caucasus": /* @__PURE__ */ regionDefinition("south-caucasus", {
    en: "South Caucasus",
    fr: "Caucase du Sud",
  }),
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

/**
 * How {@link locationName} writes a name: alone (`"name"`, the default, for lists and tables), with
 * its article (`"withArticle"`: « la Guinée ») or after "in" (`"locative"`: « au Népal »).
 */
export type LocationNameForm = "name" | keyof SentenceForms;

/** Options of {@link locationName}. */
export interface LocationNameOptions {
  /** For a conflict context: whose naming convention to follow (default `neutral`). */
  readonly audience?: ConflictContextAudience | undefined;
  readonly locale?: string | null | undefined;
  readonly form?: LocationNameForm | undefined;
}

/**
 * The name of a location, as a report sentence needs it; conflict contexts take an audience
 * (default `neutral`).
 *
 * @example locationName("NP", { locale: "fr", form: "locative" }) // "au Népal"
 * @example locationName("CD", { locale: "fr", form: "locative" }) // "en République démocratique du Congo"
 * @example locationName("GE-AB", { audience: "un", locale: "fr", form: "locative" }) // "en Abkhazie (Géorgie)"
 */
export function locationName(location: LocationCode, options: LocationNameOptions = {}): string {
  const form = options.form ?? "name";
  if (isConflictContext(location)) {
    if (form === "name") return conflictContextName(location, options);
    const audience = options.audience ?? "neutral";
    return localize(conflictContexts[location].sentenceForms[audience][form], options.locale);
  }
  const country: Country = countries[location];
  return localize(country[form], options.locale);
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
export const InterventionLevelSchema = /* @__PURE__ */ z.enum(interventionLevels);

/** English and French labels for each {@link InterventionLevel}. */
export const interventionLevelLabels: Readonly<Record<InterventionLevel, LocalizedText>> = {
  household: { en: "Household", fr: "Ménage" },
  community: { en: "Community", fr: "Communauté" },
  national: { en: "National", fr: "National" },
  regional: { en: "Regional", fr: "Régional" },
  international: { en: "International", fr: "International" },
};
