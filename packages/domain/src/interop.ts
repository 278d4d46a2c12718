// What other systems send, mapped to this package's codes: sex codes from registration tools,
// KoboToolbox or DHIS2 exports, French forms; country codes in any ISO form or case.
import { z } from "zod";
import { ActivityTypeSchema } from "./activities";
import { DisabilityStatusSchema } from "./disability";
import type { DisaggregationRecord } from "./disaggregation-dimensions";
import type { Gender } from "./gender";
import {
  conflictContextCodes,
  countries,
  countryCodes,
  type LocationCode,
  locationCodes,
} from "./geography";

// Lower-cased, trimmed, accents kept: « femme » and "FEMALE" both arrive here.
const externalGenders: Readonly<Record<string, Gender>> = {
  f: "woman",
  female: "woman",
  woman: "woman",
  women: "woman",
  girl: "woman",
  femme: "woman",
  féminin: "woman",
  feminin: "woman",
  fille: "woman",
  m: "man",
  male: "man",
  man: "man",
  men: "man",
  boy: "man",
  homme: "man",
  h: "man",
  masculin: "man",
  garçon: "man",
  garcon: "man",
  x: "another-gender",
  other: "another-gender",
  "another-gender": "another-gender",
  "non-binary": "another-gender",
  nonbinary: "another-gender",
  autre: "another-gender",
  "prefer-not-to-say": "prefer-not-to-say",
  "prefer not to say": "prefer-not-to-say",
  declined: "prefer-not-to-say",
  refused: "prefer-not-to-say",
  "préfère ne pas répondre": "prefer-not-to-say",
  "not-recorded": "not-recorded",
  "not recorded": "not-recorded",
  unknown: "not-recorded",
  u: "not-recorded",
  inconnu: "not-recorded",
  "non renseigné": "not-recorded",
  // ISO/IEC 5218 (codes for the representation of human sexes): 1 male, 2 female, 0 not known,
  // 9 not applicable.
  "0": "not-recorded",
  "1": "man",
  "2": "woman",
  "9": "not-recorded",
};

/**
 * Maps a sex or gender code as other systems send it to a {@link Gender}, or `undefined` when the
 * value is not recognised (never guessed). Case and surrounding spaces are ignored.
 *
 * Recognised: `f`/`m`, `female`/`male`, `woman`/`man` (and plurals, `girl`/`boy`), French
 * `femme`/`homme`, `F`/`H`, `féminin`/`masculin`, `fille`/`garçon`; `x`, `other`, `non-binary`,
 * `autre` → `"another-gender"`; `declined`, `refused`, "prefer not to say" →
 * `"prefer-not-to-say"`; `unknown`, `u`, `inconnu`, an empty string, `null` or `undefined` →
 * `"not-recorded"`; the ISO/IEC 5218 numbers `1` (male), `2` (female), `0` and `9` (not known,
 * not applicable). A code of this package is returned as it is.
 *
 * @example genderFromExternal("F") // "woman"
 * @example genderFromExternal("homme") // "man"
 * @example genderFromExternal("ż") // undefined
 */
export function genderFromExternal(value: string | number | null | undefined): Gender | undefined {
  if (value == null) return "not-recorded";
  const text = String(value).trim().toLowerCase();
  if (text === "") return "not-recorded";
  return Object.hasOwn(externalGenders, text) ? externalGenders[text] : undefined;
}

/**
 * Maps a location as other systems send it to a {@link LocationCode}, or `undefined` when it is not
 * a programme location. Accepts ISO 3166-1 alpha-2 (`"LR"`, `"lr"`), alpha-3 (`"LBR"`, `"lbr"`),
 * the UN M49 number (`"430"`, `430`, `"004"`-style zero padding included) and ISO 3166-2 `GE-AB` in
 * any case. A code of Georgia never stands for Abkhazia, nor the reverse.
 *
 * @example locationFromExternal("cod") // "CD"
 * @example locationFromExternal("ge-ab") // "GE-AB"
 */
export function locationFromExternal(
  value: string | number | null | undefined,
): LocationCode | undefined {
  if (value == null) return undefined;
  const text = String(value).trim().toUpperCase();
  const direct = locationCodes.find((code) => code === text);
  if (direct) return direct;
  const m49 = /^\d{1,3}$/.test(text) ? text.padStart(3, "0") : undefined;
  return countryCodes.find(
    (code) => countries[code].alpha3 === text || (m49 !== undefined && countries[code].m49 === m49),
  );
}

/**
 * A zod schema that accepts a sex or gender code in any of the forms {@link genderFromExternal}
 * knows, and outputs the package's {@link Gender}; an unknown value is a validation issue.
 */
export const ExternalGenderSchema = /* @__PURE__ */ (() =>
  z.union([z.string(), z.number(), z.null(), z.undefined()]).transform((value, context): Gender => {
    const gender = genderFromExternal(value);
    if (gender !== undefined) return gender;
    context.addIssue({ code: "custom", message: `Unknown sex or gender code "${String(value)}"` });
    return z.NEVER;
  }))();

/**
 * A zod schema that accepts a location in any of the forms {@link locationFromExternal} knows and
 * outputs a {@link LocationCode}; `null`/`undefined` stay `null` (location not recorded).
 */
export const ExternalLocationSchema = /* @__PURE__ */ (() =>
  z
    .union([z.string(), z.number(), z.null(), z.undefined()])
    .transform((value, context): LocationCode | null => {
      if (value == null || String(value).trim() === "") return null;
      const location = locationFromExternal(value);
      if (location !== undefined) return location;
      context.addIssue({
        code: "custom",
        message: `"${String(value)}" is not a programme country (ISO alpha-2, alpha-3 or M49) nor ${conflictContextCodes.join(", ")}`,
      });
      return z.NEVER;
    }))();

// A spreadsheet's empty cell is no birth year, not the year 0.
const birthYearField = /* @__PURE__ */ (() =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : value),
    z.coerce.number().int().nullish(),
  ))();

/**
 * One record as another system sends it — `sex` or `gender` in any known form, a birth year as a
 * number or a numeric string, a country code in any ISO form — validated and normalised into a
 * {@link DisaggregationRecord} ready for `disaggregate`. Unknown keys are ignored; every field is
 * optional, as in the package's own records.
 *
 * @example IncomingRecordSchema.parse({ sex: "F", birth_year: "1994", country: "lbr" })
 * // { gender: "woman", birthYear: 1994, location: "LR" }
 */
export const IncomingRecordSchema = /* @__PURE__ */ (() =>
  z
    .object({
      gender: ExternalGenderSchema.optional(),
      sex: ExternalGenderSchema.optional(),
      birthYear: birthYearField,
      birth_year: birthYearField,
      location: ExternalLocationSchema.optional(),
      country: ExternalLocationSchema.optional(),
      activityType: ActivityTypeSchema.nullish(),
      disability: DisabilityStatusSchema.nullish(),
    })
    .transform((input): DisaggregationRecord => {
      const gender = input.gender ?? input.sex;
      const birthYear = input.birthYear ?? input.birth_year;
      const location = input.location ?? input.country;
      return {
        ...(gender !== undefined ? { gender } : {}),
        ...(birthYear != null ? { birthYear } : {}),
        ...(location != null ? { location } : {}),
        ...(input.activityType != null ? { activityType: input.activityType } : {}),
        ...(input.disability != null ? { disability: input.disability } : {}),
      };
    }))();
