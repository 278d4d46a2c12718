import { z } from "zod";
import type { LocalizedText } from "./locale";

/** A UN Security Council resolution. */
export interface SecurityCouncilResolution<Code extends string = string> {
  /** The resolution number as a string, e.g. `"1325"`. */
  readonly code: Code;
  /** UN document symbol, e.g. `"S/RES/1325 (2000)"`. */
  readonly symbol: string;
  /** Date of adoption (ISO 8601). */
  readonly adopted: string;
  readonly year: number;
  /** What the resolution is mainly about, in a few words. */
  readonly focus: LocalizedText;
}

/** UNSCR 1325 and its nine sister resolutions: the Women, Peace and Security (WPS) agenda. */
export const wpsResolutionCodes = [
  "1325",
  "1820",
  "1888",
  "1889",
  "1960",
  "2106",
  "2122",
  "2242",
  "2467",
  "2493",
] as const;

/** One of {@link wpsResolutionCodes}. */
export type WpsResolution = (typeof wpsResolutionCodes)[number];

/** Validates a {@link WpsResolution} number (as a string, e.g. `"1325"`). */
export const WpsResolutionSchema = /* @__PURE__ */ z.enum(wpsResolutionCodes);

const resolution = <Code extends string>(
  code: Code,
  adopted: string,
  focus: LocalizedText,
): SecurityCouncilResolution<Code> => {
  const year = Number(adopted.slice(0, 4));
  return { code, symbol: `S/RES/${code} (${year})`, adopted, year, focus };
};

/**
 * The ten WPS resolutions with their adoption dates. Source: the resolutions' texts
 * (UN documents S/RES/1325 (2000) … S/RES/2493 (2019)).
 */
export const wpsResolutions: Readonly<{ [C in WpsResolution]: SecurityCouncilResolution<C> }> = {
  "1325": /* @__PURE__ */ resolution("1325", "2000-10-31", {
    en: "Women's participation in peace and security, protection and a gender perspective",
    fr: "Participation des femmes à la paix et à la sécurité, protection et perspective de genre",
  }),
  "1820": /* @__PURE__ */ resolution("1820", "2008-06-19", {
    en: "Sexual violence as a tactic of war",
    fr: "La violence sexuelle comme tactique de guerre",
  }),
  "1888": /* @__PURE__ */ resolution("1888", "2009-09-30", {
    en: "Leadership on conflict-related sexual violence: a Special Representative and experts",
    fr: "Direction de la lutte contre les violences sexuelles liées aux conflits : Représentante spéciale et experts",
  }),
  "1889": /* @__PURE__ */ resolution("1889", "2009-10-05", {
    en: "Women's participation in peacebuilding and indicators to track 1325",
    fr: "Participation des femmes à la consolidation de la paix et indicateurs de suivi de la 1325",
  }),
  "1960": /* @__PURE__ */ resolution("1960", "2010-12-16", {
    en: "Monitoring, analysis and reporting on conflict-related sexual violence",
    fr: "Surveillance, analyse et communication de l'information sur les violences sexuelles liées aux conflits",
  }),
  "2106": /* @__PURE__ */ resolution("2106", "2013-06-24", {
    en: "Accountability for conflict-related sexual violence",
    fr: "Responsabilité pour les violences sexuelles liées aux conflits",
  }),
  "2122": /* @__PURE__ */ resolution("2122", "2013-10-18", {
    en: "Women's leadership and participation in conflict resolution and peacebuilding",
    fr: "Leadership et participation des femmes au règlement des conflits et à la consolidation de la paix",
  }),
  "2242": /* @__PURE__ */ resolution("2242", "2015-10-13", {
    en: "Women's role in countering terrorism and violent extremism; WPS working methods",
    fr: "Rôle des femmes dans la lutte contre le terrorisme et l'extrémisme violent ; méthodes de travail FPS",
  }),
  "2467": /* @__PURE__ */ resolution("2467", "2019-04-23", {
    en: "A survivor-centred approach to conflict-related sexual violence",
    fr: "Approche centrée sur les survivantes et survivants des violences sexuelles liées aux conflits",
  }),
  "2493": /* @__PURE__ */ resolution("2493", "2019-10-29", {
    en: "Full implementation of the WPS agenda",
    fr: "Mise en œuvre intégrale du programme pour les femmes et la paix et la sécurité",
  }),
};

/**
 * Youth, Peace and Security (YPS) resolutions. They are not WPS resolutions; 2250 defines youth as
 * persons aged 18–29 (the `youth` age-band scheme).
 */
export const ypsResolutionCodes = ["2250", "2419", "2535"] as const;

/** One of {@link ypsResolutionCodes}. */
export type YpsResolution = (typeof ypsResolutionCodes)[number];

/** Validates a {@link YpsResolution} number. */
export const YpsResolutionSchema = /* @__PURE__ */ z.enum(ypsResolutionCodes);

/** The YPS resolutions. Source: the resolutions' texts (S/RES/2250 (2015), 2419 (2018), 2535 (2020)). */
export const ypsResolutions: Readonly<{ [C in YpsResolution]: SecurityCouncilResolution<C> }> = {
  "2250": /* @__PURE__ */ resolution("2250", "2015-12-09", {
    en: "Youth, peace and security; youth as persons aged 18–29",
    fr: "Jeunesse, paix et sécurité ; les jeunes définis comme les personnes de 18 à 29 ans",
  }),
  "2419": /* @__PURE__ */ resolution("2419", "2018-06-06", {
    en: "Youth participation in negotiating and implementing peace agreements",
    fr: "Participation des jeunes à la négociation et à la mise en œuvre des accords de paix",
  }),
  "2535": /* @__PURE__ */ resolution("2535", "2020-07-14", {
    en: "Implementing the youth, peace and security agenda",
    fr: "Mise en œuvre du programme jeunesse, paix et sécurité",
  }),
};

/** A marker value with its official name and definition. */
export interface MarkerValue<Code> {
  readonly code: Code;
  readonly name: LocalizedText;
  readonly definition: LocalizedText;
}

/** Scores of the OECD DAC gender equality policy marker. */
export const dacGenderMarkerCodes = [0, 1, 2] as const;

/** A DAC gender equality policy marker score: 0 not targeted, 1 significant, 2 principal. */
export type DacGenderMarker = (typeof dacGenderMarkerCodes)[number];

/** Validates a {@link DacGenderMarker} score (the numbers 0, 1 or 2). */
export const DacGenderMarkerSchema = /* @__PURE__ */ z.literal(dacGenderMarkerCodes);

/**
 * The DAC gender equality policy marker.
 *
 * Sources: OECD-DAC Network on Gender Equality (GENDERNET), *Handbook on the OECD-DAC Gender
 * Equality Policy Marker* (December 2016), three-point scoring system — English names and
 * definitions quoted from it; and its French edition, *Manuel relatif au marqueur de la politique
 * d'aide à l'appui de l'égalité homme-femme établi par le CAD-OCDE* (Réseau du CAD-OCDE sur
 * l'égalité homme-femme, décembre 2016), whose scores are « ne visant pas cet objectif » (0),
 * « objectif significatif » (1) and « objectif principal » (2), the names the CRS reporting
 * directives use in French for every policy marker. The French names are the OECD's. The French
 * definitions follow the OECD's French terms (« égalité homme-femme », « projet/programme »); their
 * sentences could not be checked word for word against the French handbook, so quote the handbook
 * itself where the exact wording matters.
 */
export const dacGenderMarker: Readonly<{ [C in DacGenderMarker]: MarkerValue<C> }> = {
  0: {
    code: 0,
    name: { en: "Not targeted", fr: "Ne visant pas cet objectif" },
    definition: {
      en: "The project/programme has been screened against the gender marker but has not been found to target gender equality.",
      fr: "Le projet/programme a été examiné au regard du marqueur, mais il n'a pas été jugé comme visant l'égalité homme-femme.",
    },
  },
  1: {
    code: 1,
    name: { en: "Significant", fr: "Objectif significatif" },
    definition: {
      en: "Gender equality is an important and deliberate objective, but not the principal reason for undertaking the project/programme.",
      fr: "L'égalité homme-femme est un objectif important et délibéré, mais elle n'est pas la raison principale de la réalisation du projet/programme.",
    },
  },
  2: {
    code: 2,
    name: { en: "Principal", fr: "Objectif principal" },
    definition: {
      en: "Gender equality is the main objective of the project/programme and is fundamental in its design and expected results. The project/programme would not have been undertaken without this gender equality objective.",
      fr: "L'égalité homme-femme est l'objectif principal du projet/programme et elle est fondamentale dans sa conception et dans les résultats qui en sont attendus. Le projet/programme n'aurait pas été entrepris sans cet objectif d'égalité homme-femme.",
    },
  },
};

/**
 * Codes of the IASC Gender with Age Marker (GAM, 2018): 0 to 4, and `"N/A"` (not applicable), the
 * value OCHA's CBPF and CERF records carry for a project with no contact with affected people.
 */
export const iascGenderAgeMarkerCodes = [0, 1, 2, 3, 4, "N/A"] as const;

/** An IASC Gender with Age Marker code (the numbers 0–4, or `"N/A"`). */
export type IascGenderAgeMarker = (typeof iascGenderAgeMarkerCodes)[number];

/** Validates an {@link IascGenderAgeMarker} code. */
export const IascGenderAgeMarkerSchema = /* @__PURE__ */ z.literal(iascGenderAgeMarkerCodes);

/**
 * The IASC Gender with Age Marker codes. Source: IASC Gender with Age Marker (2018), code
 * definitions as published by OCHA with CERF/CBPF data, where a project with no contact with
 * affected people is recorded `"N/A"`. The French texts are this package's translation. A project
 * is also marked `M` (gender mainstreamed) or `T` (targeted action) — see
 * {@link iascGamApproaches} — and the GAM is applied at a design and a monitoring phase
 * ({@link iascGamPhases}).
 */
export const iascGenderAgeMarker: Readonly<{ [C in IascGenderAgeMarker]: MarkerValue<C> }> = {
  0: {
    code: 0,
    name: {
      en: "Does not systematically link programming actions",
      fr: "Ne relie pas systématiquement les actions programmatiques",
    },
    definition: {
      en: "Does not systematically link programming actions.",
      fr: "Les actions programmatiques ne sont pas reliées de manière systématique.",
    },
  },
  1: {
    code: 1,
    name: {
      en: "Unlikely to contribute to gender equality",
      fr: "Peu susceptible de contribuer à l'égalité des genres",
    },
    definition: {
      en: "Unlikely to contribute to gender equality (no gender equality measure and no age consideration).",
      fr: "Peu susceptible de contribuer à l'égalité des genres (aucune mesure d'égalité des genres ni prise en compte de l'âge).",
    },
  },
  2: {
    code: 2,
    name: {
      en: "Unlikely to contribute to gender equality (considers age)",
      fr: "Peu susceptible de contribuer à l'égalité des genres (tient compte de l'âge)",
    },
    definition: {
      en: "Unlikely to contribute to gender equality (no gender equality measure but includes age consideration).",
      fr: "Peu susceptible de contribuer à l'égalité des genres (aucune mesure d'égalité des genres, mais prise en compte de l'âge).",
    },
  },
  3: {
    code: 3,
    name: {
      en: "Likely to contribute to gender equality, without attention to age groups",
      fr: "Susceptible de contribuer à l'égalité des genres, sans attention aux groupes d'âge",
    },
    definition: {
      en: "Likely to contribute to gender equality, but without attention to age groups.",
      fr: "Susceptible de contribuer à l'égalité des genres, mais sans attention aux groupes d'âge.",
    },
  },
  4: {
    code: 4,
    name: {
      en: "Likely to contribute to gender equality, including across age groups",
      fr: "Susceptible de contribuer à l'égalité des genres, y compris entre les groupes d'âge",
    },
    definition: {
      en: "Likely to contribute to gender equality, including across age groups.",
      fr: "Susceptible de contribuer à l'égalité des genres, y compris entre les groupes d'âge.",
    },
  },
  "N/A": {
    code: "N/A",
    name: { en: "Not applicable", fr: "Sans objet" },
    definition: {
      en: "The GAM does not apply: the project has no direct contact with affected people.",
      fr: "Le GAM ne s'applique pas : le projet n'a pas de contact direct avec les personnes touchées.",
    },
  },
};

/** How a GAM-coded project addresses gender: `M` mainstreamed, `T` targeted action (e.g. "4M"). */
export const iascGamApproaches = ["M", "T"] as const;

/** One of {@link iascGamApproaches}. */
export type IascGamApproach = (typeof iascGamApproaches)[number];

/** Validates an {@link IascGamApproach}. */
export const IascGamApproachSchema = /* @__PURE__ */ z.enum(iascGamApproaches);

/** English and French labels of the GAM approaches. */
export const iascGamApproachLabels: Readonly<Record<IascGamApproach, LocalizedText>> = {
  M: { en: "Gender mainstreamed", fr: "Genre intégré" },
  T: { en: "Targeted action", fr: "Action ciblée" },
};

/** The phases at which the GAM is applied. */
export const iascGamPhases = ["design", "monitoring"] as const;

/** One of {@link iascGamPhases}. */
export type IascGamPhase = (typeof iascGamPhases)[number];

/** Validates an {@link IascGamPhase}. */
export const IascGamPhaseSchema = /* @__PURE__ */ z.enum(iascGamPhases);

/** English and French labels of the GAM phases. */
export const iascGamPhaseLabels: Readonly<Record<IascGamPhase, LocalizedText>> = {
  design: { en: "Design phase", fr: "Phase de conception" },
  monitoring: { en: "Monitoring phase", fr: "Phase de suivi" },
};
