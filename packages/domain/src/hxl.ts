// HXL (Humanitarian Exchange Language) hashtags for the columns of a disaggregated table, so that
// a CSV export can be read by HDX and HXL tools.
import type { AgeBand } from "./age";
import type { DisaggregationDimension } from "./disaggregation-dimensions";
import type { Gender } from "./gender";

/**
 * The HXL hashtag of each disaggregation column of a long table (one row per cell).
 *
 * - `location` → `#loc+code`, `region` → `#region+code`, `activityType` → `#activity+type+code`:
 *   hashtags and attributes of the HXL 1.1 core dictionary (`#loc` any general location; `#region`
 *   a cross-national region; `#activity` a programme or activity). The location values are this
 *   package's codes (ISO 3166-1 alpha-2, ISO 3166-2 for Abkhazia), not the ISO alpha-3 that a
 *   `#country` column implies by default, which has no code for Abkhazia.
 * - `gender` → `#gender+code` and `ageBand` → `#age+range`: the core dictionary has no column
 *   hashtag for sex or age (it marks them with attributes on counts, see
 *   {@link hxlSexAttributes}); these are the tags HDX's own standardised datasets use.
 * - `disability` → `#disability+code`: not in the core dictionary either; HXL allows such
 *   extension hashtags.
 *
 * Source: HXL Standard 1.1, hashtag and attribute dictionary; HDX HAPI column tags.
 */
export const hxlHashtags: Readonly<Record<DisaggregationDimension, string>> = {
  gender: "#gender+code",
  ageBand: "#age+range",
  location: "#loc+code",
  region: "#region+code",
  activityType: "#activity+type+code",
  disability: "#disability+code",
};

/** The count column of a table of people reached: HXL core `#reached`. */
export const hxlCountHashtag = "#reached";

/**
 * HXL core sex attributes for a wide table (`#reached+f`, `#reached+m`): `+f` female, `+m` male.
 * Other genders have no core attribute and stay in the long table.
 */
export const hxlSexAttributes: Readonly<Partial<Record<Gender, string>>> = {
  woman: "+f",
  man: "+m",
};

/**
 * HXL core age attributes for the bands of the `ocha` scheme: `+children`, `+adults`, `+elderly`
 * (the core dictionary leaves their exact ranges open; add `+age0_17`-style attributes where the
 * range matters).
 */
export const hxlAgeAttributes: Readonly<Partial<Record<AgeBand, string>>> = {
  "0-17": "+children",
  "18-59": "+adults",
  "60+": "+elderly",
};

/**
 * The HXL hashtag line of a long table with the given columns then a count column, e.g. for a
 * CSV export: `hxlTagRow(["gender", "location"])` gives `["#gender+code", "#loc+code", "#reached"]`.
 */
export function hxlTagRow(by: readonly DisaggregationDimension[]): string[] {
  return [...by.map((dimension) => hxlHashtags[dimension]), hxlCountHashtag];
}
