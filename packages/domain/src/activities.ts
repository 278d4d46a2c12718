import { z } from "zod";
import type { LocalizedText } from "./locale";

/** What the programme does with and for advocates. */
export const activityTypes = [
  "research-with-partners",
  "advocacy-bridging",
  "capacity-building-training",
  "accompaniment",
  "policy-recommendations",
  "specialist-support",
] as const;

/** One of {@link activityTypes}. */
export type ActivityType = (typeof activityTypes)[number];

/** Validates an {@link ActivityType}. */
export const ActivityTypeSchema = /* @__PURE__ */ z.enum(activityTypes);

/** Short English and French labels for each {@link ActivityType}. */
export const activityTypeLabels: Readonly<Record<ActivityType, LocalizedText>> = {
  "research-with-partners": { en: "Research with partners", fr: "Recherche avec les partenaires" },
  "advocacy-bridging": { en: "Advocacy bridging", fr: "Plaidoyer de rapprochement" },
  "capacity-building-training": {
    en: "Capacity-building training",
    fr: "Formation au renforcement des capacités",
  },
  accompaniment: { en: "Accompaniment", fr: "Accompagnement" },
  "policy-recommendations": { en: "Policy recommendations", fr: "Recommandations politiques" },
  "specialist-support": { en: "Specialist support", fr: "Appui spécialisé" },
};

/** One-sentence English and French descriptions of each {@link ActivityType}. */
export const activityTypeDescriptions: Readonly<Record<ActivityType, LocalizedText>> = {
  "research-with-partners": {
    en: "Research designed and carried out with partner organisations.",
    fr: "Recherche conçue et menée avec des organisations partenaires.",
  },
  "advocacy-bridging": {
    en: "Dialogue between civil society and policy-makers.",
    fr: "Dialogue entre la société civile et les décideurs politiques.",
  },
  "capacity-building-training": {
    en: "Training that builds advocates' knowledge and skills.",
    fr: "Formation qui renforce les connaissances et les compétences des défenseurs et défenseuses.",
  },
  accompaniment: {
    en: "Follow-up mentoring of trained advocates.",
    fr: "Mentorat de suivi des défenseurs et défenseuses formés.",
  },
  "policy-recommendations": {
    en: "Recommendations drafted for policy-makers.",
    fr: "Recommandations rédigées à l'intention des décideurs politiques.",
  },
  "specialist-support": {
    en: "Expert support on a specific question.",
    fr: "Appui d'expertise sur une question précise.",
  },
};

/** The programme's thematic areas. */
export const themes = [
  "governance-and-political-participation",
  "access-to-justice-and-security",
] as const;

/** One of {@link themes}. */
export type Theme = (typeof themes)[number];

/** Validates a {@link Theme}. */
export const ThemeSchema = /* @__PURE__ */ z.enum(themes);

/** English and French labels for each {@link Theme}. */
export const themeLabels: Readonly<Record<Theme, LocalizedText>> = {
  "governance-and-political-participation": {
    en: "Governance and women's political participation",
    fr: "Gouvernance et participation politique des femmes",
  },
  "access-to-justice-and-security": {
    en: "Access to justice and security",
    fr: "Accès à la justice et à la sécurité",
  },
};
