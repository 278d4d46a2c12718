import { z } from "zod";
import type { LocalizedText } from "./locale";

/**
 * The six functional domains of the Washington Group Short Set on Functioning (WG-SS): seeing,
 * hearing, walking or climbing steps, remembering or concentrating, self-care (washing all over or
 * dressing), and communicating in one's usual language.
 *
 * Source: Washington Group on Disability Statistics, "The Washington Group Short Set on
 * Functioning (WG-SS)", questions 1–6. The English labels follow the questions' wording; the French
 * labels are this package's translation.
 */
export const washingtonGroupDomains = [
  "seeing",
  "hearing",
  "walking",
  "cognition",
  "self-care",
  "communication",
] as const;

/** One of {@link washingtonGroupDomains}. */
export type WashingtonGroupDomain = (typeof washingtonGroupDomains)[number];

/** Validates a {@link WashingtonGroupDomain}. */
export const WashingtonGroupDomainSchema = /* @__PURE__ */ z.enum(washingtonGroupDomains);

/** English and French labels of the WG-SS domains. */
export const washingtonGroupDomainLabels: Readonly<Record<WashingtonGroupDomain, LocalizedText>> = {
  seeing: { en: "Seeing, even if wearing glasses", fr: "Voir, même avec des lunettes" },
  hearing: {
    en: "Hearing, even if using a hearing aid",
    fr: "Entendre, même avec un appareil auditif",
  },
  walking: { en: "Walking or climbing steps", fr: "Marcher ou monter des marches" },
  cognition: { en: "Remembering or concentrating", fr: "Se souvenir ou se concentrer" },
  "self-care": {
    en: "Self-care, such as washing all over or dressing",
    fr: "Prendre soin de soi, comme se laver entièrement ou s'habiller",
  },
  communication: {
    en: "Communicating, for example understanding or being understood",
    fr: "Communiquer, par exemple comprendre ou se faire comprendre",
  },
};

/**
 * The four answers of every WG-SS question ("No – no difficulty", "Yes – some difficulty",
 * "Yes – a lot of difficulty", "Cannot do at all"). A refusal or "don't know" is no answer:
 * leave the domain out.
 */
export const washingtonGroupAnswers = [
  "no-difficulty",
  "some-difficulty",
  "a-lot-of-difficulty",
  "cannot-do-at-all",
] as const;

/** One of {@link washingtonGroupAnswers}. */
export type WashingtonGroupAnswer = (typeof washingtonGroupAnswers)[number];

/** Validates a {@link WashingtonGroupAnswer}. */
export const WashingtonGroupAnswerSchema = /* @__PURE__ */ z.enum(washingtonGroupAnswers);

/** English and French labels of the WG-SS answers (French: this package's translation). */
export const washingtonGroupAnswerLabels: Readonly<Record<WashingtonGroupAnswer, LocalizedText>> = {
  "no-difficulty": { en: "No difficulty", fr: "Aucune difficulté" },
  "some-difficulty": { en: "Some difficulty", fr: "Quelques difficultés" },
  "a-lot-of-difficulty": { en: "A lot of difficulty", fr: "Beaucoup de difficultés" },
  "cannot-do-at-all": { en: "Cannot do at all", fr: "Ne peut pas du tout" },
};

/**
 * Disability status as a disaggregation category, from the WG-SS answers with the Washington
 * Group's recommended cut-off ("disability 3"): a person has a disability when at least one
 * domain is answered "a lot of difficulty" or "cannot do at all". A person who was not asked, or
 * whose answers cannot settle it, is counted under `"unknown"` by `disaggregate`.
 */
export const disabilityStatuses = ["with-disability", "without-disability"] as const;

/** One of {@link disabilityStatuses}. */
export type DisabilityStatus = (typeof disabilityStatuses)[number];

/** Validates a {@link DisabilityStatus}. */
export const DisabilityStatusSchema = /* @__PURE__ */ z.enum(disabilityStatuses);

/** English and French labels of the {@link disabilityStatuses}. */
export const disabilityStatusLabels: Readonly<Record<DisabilityStatus, LocalizedText>> = {
  "with-disability": { en: "With disability", fr: "En situation de handicap" },
  "without-disability": { en: "Without disability", fr: "Sans handicap" },
};

/** The label of a missing disability status in a table. @internal */
export const unknownDisabilityLabel: LocalizedText = {
  en: "Disability not recorded",
  fr: "Handicap non renseigné",
};

/** Answers to the WG-SS, by domain; a domain not asked, refused or "don't know" is left out. */
export type WashingtonGroupResponses = {
  readonly [D in WashingtonGroupDomain]?: WashingtonGroupAnswer | null | undefined;
};

/**
 * The disability status of a person from their WG-SS answers, with the recommended cut-off: any
 * domain with "a lot of difficulty" or "cannot do at all" gives `"with-disability"`; all six domains
 * answered below that give `"without-disability"`; anything else (a domain missing and none above
 * the cut-off) gives `null`, counted as unknown — a missing answer is never read as "no difficulty".
 *
 * @example disabilityStatusOf({ seeing: "a-lot-of-difficulty" }) // "with-disability"
 * @example disabilityStatusOf({ seeing: "some-difficulty" }) // null (five domains unanswered)
 */
export function disabilityStatusOf(responses: WashingtonGroupResponses): DisabilityStatus | null {
  const answers = washingtonGroupDomains.map((domain) => responses[domain] ?? null);
  if (answers.some((answer) => answer === "a-lot-of-difficulty" || answer === "cannot-do-at-all")) {
    return "with-disability";
  }
  return answers.every((answer) => answer !== null) ? "without-disability" : null;
}
