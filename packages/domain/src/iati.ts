// IATI codes for what this package describes, so an activity file can be written from it.

import type { DacSectorCode } from "./dac-sectors";
import type { DacGenderMarker } from "./frameworks";
import type { ProgrammeRegion } from "./geography";

/**
 * The IATI `policy-marker` for gender equality with its significance: vocabulary `1` (OECD DAC
 * CRS), code `1` ("Gender Equality" in the IATI PolicyMarker codelist), significance `0`, `1` or
 * `2` from the DAC gender equality policy marker score (IATI PolicySignificance codelist: not
 * targeted, significant objective, principal objective), as in
 * `<policy-marker vocabulary="1" code="1" significance="2" />`.
 *
 * Source: IATI Standard, codelists PolicyMarkerVocabulary, PolicyMarker and PolicySignificance
 * (replicated from the OECD DAC CRS codes).
 */
export interface IatiPolicyMarker {
  readonly vocabulary: "1";
  readonly code: "1";
  readonly significance: `${DacGenderMarker}`;
}

/** @example iatiGenderPolicyMarker(2) // { vocabulary: "1", code: "1", significance: "2" } */
export function iatiGenderPolicyMarker(marker: DacGenderMarker): IatiPolicyMarker {
  return { vocabulary: "1", code: "1", significance: `${marker}` };
}

/**
 * An IATI `sector` from a CRS purpose code: vocabulary `1`, "OECD DAC CRS Purpose Codes (5 digit)"
 * (IATI SectorVocabulary codelist), whose codes are the five-digit purpose codes themselves.
 */
export interface IatiSector {
  readonly vocabulary: "1";
  readonly code: DacSectorCode;
}

/** @example iatiSector("15220") // { vocabulary: "1", code: "15220" } */
export function iatiSector(code: DacSectorCode): IatiSector {
  return { vocabulary: "1", code };
}

/**
 * An IATI `recipient-region`: vocabulary `1` (OECD DAC regions, IATI Region codelist) or `2`
 * (UN M49 regions).
 */
export interface IatiRecipientRegion {
  readonly vocabulary: "1" | "2";
  readonly code: string;
}

/**
 * The IATI recipient regions of each programme region, where one is defined. In the OECD DAC
 * vocabulary, West Africa and the Great Lakes fall under 289 "South of Sahara, regional" and South
 * Asia under 679 "South Asia, regional"; no DAC regional code describes the South Caucasus, so it
 * has none (report the recipient country instead). In UN M49: 011 Western Africa, 034 Southern
 * Asia, 145 Western Asia (where M49 places Georgia), and 202 Sub-Saharan Africa for the Great
 * Lakes, whose countries M49 splits between Eastern and Middle Africa.
 *
 * Sources: IATI Region codelist (replicated from the OECD DAC CRS); UN Statistics Division,
 * Standard country or area codes for statistical use (M49).
 */
export const iatiRecipientRegions: Readonly<
  Record<
    ProgrammeRegion,
    { readonly dac: IatiRecipientRegion | null; readonly m49: IatiRecipientRegion }
  >
> = {
  "west-africa": { dac: { vocabulary: "1", code: "289" }, m49: { vocabulary: "2", code: "011" } },
  "south-asia": { dac: { vocabulary: "1", code: "679" }, m49: { vocabulary: "2", code: "034" } },
  "great-lakes": { dac: { vocabulary: "1", code: "289" }, m49: { vocabulary: "2", code: "202" } },
  "south-caucasus": { dac: null, m49: { vocabulary: "2", code: "145" } },
};
