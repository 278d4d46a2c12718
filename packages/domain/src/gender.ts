import { z } from "zod";
import type { LocalizedText } from "./locale";

/**
 * Gender as the person describes it. `"another-gender"` is self-described: the app may keep the
 * person's own words next to it, but this package never needs them. `"prefer-not-to-say"` (the
 * person chose not to answer) and `"not-recorded"` (nobody asked, or the answer was lost) are kept
 * apart because they mean different things for data quality.
 *
 * Gender is never required: use {@link OptionalGenderSchema} in forms and {@link normalizeGender}
 * before counting.
 */
export const genders = [
  "woman",
  "man",
  "another-gender",
  "prefer-not-to-say",
  "not-recorded",
] as const;

/** A self-described gender code (see {@link genders}). */
export type Gender = (typeof genders)[number];

/** Validates a {@link Gender} code. */
export const GenderSchema = /* @__PURE__ */ z.enum(genders);

/**
 * Gender as a form field: optional and nullable, and an absent answer becomes `"not-recorded"`,
 * so no record is ever rejected for lacking a gender.
 */
export const OptionalGenderSchema = /* @__PURE__ */ GenderSchema.nullish().transform(
  (value): Gender => value ?? "not-recorded",
);

/** Maps a missing gender to `"not-recorded"`; other values are returned unchanged. */
export function normalizeGender(gender: Gender | null | undefined): Gender {
  return gender ?? "not-recorded";
}

/** The label of `"not-recorded"`, also that of a missing gender in a table. @internal */
export const notRecordedGenderLabel: LocalizedText = { en: "Not recorded", fr: "Non renseigné" };

/** English and French labels for each {@link Gender}. */
export const genderLabels: Readonly<Record<Gender, LocalizedText>> = {
  woman: { en: "Woman", fr: "Femme" },
  man: { en: "Man", fr: "Homme" },
  "another-gender": { en: "Another gender (self-described)", fr: "Autre genre (autodéfini)" },
  "prefer-not-to-say": { en: "Prefer not to say", fr: "Préfère ne pas répondre" },
  "not-recorded": notRecordedGenderLabel,
};

/**
 * The groups reports use to speak of women, men, girls and boys (gender × under 18, the age of
 * majority in the Convention on the Rights of the Child, art. 1). Records that do not fit one of the
 * four keep a group of their own, so nothing is dropped or guessed: a woman of unknown age is
 * neither counted as a woman nor as a girl.
 */
export const womenMenGirlsBoysGroups = [
  "women",
  "men",
  "girls",
  "boys",
  "women-or-girls-age-unknown",
  "men-or-boys-age-unknown",
  "another-gender",
  "prefer-not-to-say",
  "not-recorded",
] as const;

/** One of {@link womenMenGirlsBoysGroups}. */
export type WomenMenGirlsBoysGroup = (typeof womenMenGirlsBoysGroups)[number];

/** Validates a {@link WomenMenGirlsBoysGroup}. */
export const WomenMenGirlsBoysGroupSchema = /* @__PURE__ */ z.enum(womenMenGirlsBoysGroups);

/** English and French labels for each {@link WomenMenGirlsBoysGroup}. */
export const womenMenGirlsBoysLabels: Readonly<Record<WomenMenGirlsBoysGroup, LocalizedText>> = {
  women: { en: "Women", fr: "Femmes" },
  men: { en: "Men", fr: "Hommes" },
  girls: { en: "Girls", fr: "Filles" },
  boys: { en: "Boys", fr: "Garçons" },
  "women-or-girls-age-unknown": {
    en: "Women or girls, age unknown",
    fr: "Femmes ou filles, âge inconnu",
  },
  "men-or-boys-age-unknown": {
    en: "Men or boys, age unknown",
    fr: "Hommes ou garçons, âge inconnu",
  },
  "another-gender": { en: "Another gender", fr: "Autre genre" },
  "prefer-not-to-say": { en: "Prefer not to say", fr: "Préfère ne pas répondre" },
  "not-recorded": { en: "Gender not recorded", fr: "Genre non renseigné" },
};

/**
 * Places a person in the women/men/girls/boys vocabulary of reports.
 *
 * @param gender - the person's gender; missing counts as `"not-recorded"`.
 * @param isUnder18 - `true` under 18, `false` 18 or over, `null`/`undefined` when unknown.
 * @example womenMenGirlsBoysGroupOf("woman", true) // "girls"
 */
export function womenMenGirlsBoysGroupOf(
  gender: Gender | null | undefined,
  isUnder18: boolean | null | undefined,
): WomenMenGirlsBoysGroup {
  const normalized = normalizeGender(gender);
  if (normalized === "woman") {
    if (isUnder18 == null) return "women-or-girls-age-unknown";
    return isUnder18 ? "girls" : "women";
  }
  if (normalized === "man") {
    if (isUnder18 == null) return "men-or-boys-age-unknown";
    return isUnder18 ? "boys" : "men";
  }
  return normalized;
}
