import {
  type ActivityType,
  activityTypeLabels,
  activityTypes,
  type Theme,
  themeLabels,
  themes,
} from "./activities";
import {
  type AgeBand,
  type AgeBandScheme,
  ageBandCodes,
  ageBandLabels,
  ageBandSchemeLabels,
  ageBandSchemes,
  unknownAgeBandLabel,
} from "./age";
import {
  type DacSectorCode,
  type DacSectorGroup,
  dacSectorCodes,
  dacSectorGroupCodes,
  dacSectorGroups,
  dacSectors,
} from "./dac-sectors";
import {
  type DisabilityStatus,
  disabilityStatuses,
  disabilityStatusLabels,
  unknownDisabilityLabel,
  type WashingtonGroupAnswer,
  type WashingtonGroupDomain,
  washingtonGroupAnswerLabels,
  washingtonGroupAnswers,
  washingtonGroupDomainLabels,
  washingtonGroupDomains,
} from "./disability";
import {
  type DisaggregationDimension,
  disaggregationDimensions,
  unknownCategory,
} from "./disaggregation-dimensions";
import {
  type DacGenderMarker,
  dacGenderMarker,
  dacGenderMarkerCodes,
  type IascGamApproach,
  type IascGamPhase,
  type IascGenderAgeMarker,
  iascGamApproaches,
  iascGamApproachLabels,
  iascGamPhaseLabels,
  iascGamPhases,
  iascGenderAgeMarker,
  iascGenderAgeMarkerCodes,
  type WpsResolution,
  wpsResolutionCodes,
  wpsResolutions,
  type YpsResolution,
  ypsResolutionCodes,
  ypsResolutions,
} from "./frameworks";
import {
  type Gender,
  genderLabels,
  genders,
  notRecordedGenderLabel,
  type WomenMenGirlsBoysGroup,
  womenMenGirlsBoysGroups,
  womenMenGirlsBoysLabels,
} from "./gender";
import {
  type ConflictContextCode,
  type CountryCode,
  conflictContextCodes,
  conflictContexts,
  countries,
  countryCodes,
  type InterventionLevel,
  interventionLevelLabels,
  interventionLevels,
  type LocationCode,
  locationCodes,
  type ProgrammeRegion,
  programmeRegionCodes,
  programmeRegions,
} from "./geography";
import { type Locale, type LocalizedText, locales, localize } from "./locale";
import { type WpsPillar, wpsPillarLabels, wpsPillars } from "./wps-pillars";

/** Each labelled vocabulary and the type of its codes. */
export interface Vocabularies {
  gender: Gender;
  womenMenGirlsBoysGroup: WomenMenGirlsBoysGroup;
  ageBand: AgeBand;
  ageBandScheme: AgeBandScheme;
  country: CountryCode;
  conflictContext: ConflictContextCode;
  location: LocationCode;
  programmeRegion: ProgrammeRegion;
  interventionLevel: InterventionLevel;
  activityType: ActivityType;
  theme: Theme;
  wpsResolution: WpsResolution;
  ypsResolution: YpsResolution;
  wpsPillar: WpsPillar;
  dacGenderMarker: DacGenderMarker;
  iascGenderAgeMarker: IascGenderAgeMarker;
  iascGamApproach: IascGamApproach;
  iascGamPhase: IascGamPhase;
  dacSector: DacSectorCode;
  dacSectorGroup: DacSectorGroup;
  disaggregationDimension: DisaggregationDimension;
  disability: DisabilityStatus;
  washingtonGroupDomain: WashingtonGroupDomain;
  washingtonGroupAnswer: WashingtonGroupAnswer;
  locale: Locale;
}

/** The name of a labelled vocabulary, e.g. `"activityType"`. */
export type Vocabulary = keyof Vocabularies;

/** Every code of every labelled vocabulary, in display order (for selects, legends and tests). */
export const vocabularyCodes: { readonly [V in Vocabulary]: readonly Vocabularies[V][] } = {
  gender: genders,
  womenMenGirlsBoysGroup: womenMenGirlsBoysGroups,
  ageBand: ageBandCodes,
  ageBandScheme: ageBandSchemes,
  country: countryCodes,
  conflictContext: conflictContextCodes,
  location: locationCodes,
  programmeRegion: programmeRegionCodes,
  interventionLevel: interventionLevels,
  activityType: activityTypes,
  theme: themes,
  wpsResolution: wpsResolutionCodes,
  ypsResolution: ypsResolutionCodes,
  wpsPillar: wpsPillars,
  dacGenderMarker: dacGenderMarkerCodes,
  iascGenderAgeMarker: iascGenderAgeMarkerCodes,
  iascGamApproach: iascGamApproaches,
  iascGamPhase: iascGamPhases,
  dacSector: dacSectorCodes,
  dacSectorGroup: dacSectorGroupCodes,
  disaggregationDimension: disaggregationDimensions,
  disability: disabilityStatuses,
  washingtonGroupDomain: washingtonGroupDomains,
  washingtonGroupAnswer: washingtonGroupAnswers,
  locale: locales,
};

const resolutionLabel = (code: string, year: number): LocalizedText => ({
  en: `UNSCR ${code} (${year})`,
  fr: `Résolution ${code} (${year}) du Conseil de sécurité`,
});

const mapValues = <K extends string | number, T>(
  record: Readonly<Record<K, T>>,
  pick: (value: T) => LocalizedText,
): Record<string, LocalizedText> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, pick(value as T)]));

const countryNames = /* @__PURE__ */ mapValues(countries, (country) => country.name);
// The neutral name is the default everywhere; see `conflictContextName` for other audiences.
const conflictContextNames = /* @__PURE__ */ mapValues(
  conflictContexts,
  (context) => context.names.neutral,
);

const tables: { readonly [V in Vocabulary]: Readonly<Record<string, LocalizedText>> } = {
  gender: genderLabels,
  womenMenGirlsBoysGroup: womenMenGirlsBoysLabels,
  ageBand: ageBandLabels,
  ageBandScheme: ageBandSchemeLabels,
  country: countryNames,
  conflictContext: conflictContextNames,
  location: /* @__PURE__ */ Object.assign({}, countryNames, conflictContextNames),
  programmeRegion: /* @__PURE__ */ mapValues(programmeRegions, (region) => region.name),
  interventionLevel: interventionLevelLabels,
  activityType: activityTypeLabels,
  theme: themeLabels,
  wpsResolution: /* @__PURE__ */ mapValues(wpsResolutions, (r) => resolutionLabel(r.code, r.year)),
  ypsResolution: /* @__PURE__ */ mapValues(ypsResolutions, (r) => resolutionLabel(r.code, r.year)),
  wpsPillar: wpsPillarLabels,
  dacGenderMarker: /* @__PURE__ */ mapValues(dacGenderMarker, (value) => value.name),
  iascGenderAgeMarker: /* @__PURE__ */ mapValues(iascGenderAgeMarker, (value) => value.name),
  iascGamApproach: iascGamApproachLabels,
  iascGamPhase: iascGamPhaseLabels,
  dacSector: /* @__PURE__ */ mapValues(dacSectors, (sector) => sector.name),
  dacSectorGroup: /* @__PURE__ */ mapValues(dacSectorGroups, (group) => group.name),
  disaggregationDimension: {
    gender: { en: "Gender", fr: "Genre" },
    ageBand: { en: "Age band", fr: "Tranche d'âge" },
    location: { en: "Location", fr: "Lieu" },
    region: { en: "Programme region", fr: "Région du programme" },
    activityType: { en: "Activity type", fr: "Type d'activité" },
    disability: { en: "Disability", fr: "Handicap" },
  },
  disability: disabilityStatusLabels,
  washingtonGroupDomain: washingtonGroupDomainLabels,
  washingtonGroupAnswer: washingtonGroupAnswerLabels,
  locale: { en: { en: "English", fr: "Anglais" }, fr: { en: "French", fr: "Français" } },
};

/**
 * The label of a code in English or French; any other locale falls back to English.
 * Conflict contexts get their neutral name (see `conflictContextName` for other audiences).
 *
 * @example label("activityType", "accompaniment", "fr") // "Accompagnement"
 * @example label("country", "CD", "fr") // "République démocratique du Congo"
 * @throws RangeError for a code that is not in the vocabulary.
 */
export function label<V extends Vocabulary>(
  vocabulary: V,
  code: Vocabularies[V],
  locale?: string | null,
): string {
  const text = tables[vocabulary]?.[String(code)];
  if (!text) throw new RangeError(`No ${vocabulary} labelled ${String(code)}`);
  return localize(text, locale);
}

const unknownLabels: Readonly<Record<DisaggregationDimension, LocalizedText>> = {
  // Variables rather than `genderLabels["not-recorded"]`: a bundler cannot drop a property read.
  gender: notRecordedGenderLabel,
  ageBand: unknownAgeBandLabel,
  location: { en: "Location not recorded", fr: "Lieu non renseigné" },
  region: { en: "Region not recorded", fr: "Région non renseignée" },
  activityType: { en: "Activity type not recorded", fr: "Type d'activité non renseigné" },
  disability: unknownDisabilityLabel,
};

/**
 * The label of a category in a disaggregation key, `"unknown"` included.
 *
 * @example labelCategory("location", "unknown", "fr") // "Lieu non renseigné"
 */
export function labelCategory(
  dimension: DisaggregationDimension,
  value: string,
  locale?: string | null,
): string {
  if (value === unknownCategory) return localize(unknownLabels[dimension], locale);
  const vocabulary: Vocabulary = dimension === "region" ? "programmeRegion" : dimension;
  const text = tables[vocabulary][value];
  if (!text) throw new RangeError(`No ${dimension} category labelled ${value}`);
  return localize(text, locale);
}
