import { z } from "zod";
import type { LocalizedText } from "./locale";

/**
 * The four pillars of the Women, Peace and Security agenda under which UNSCR 1325 (2000) is
 * usually read, and under which most National Action Plans group their objectives: women's
 * participation in decision-making, the protection of women and girls, the prevention of conflict
 * and of violence against women, and relief and recovery. A plan's own pillars are mapped onto
 * these (see the `@peacelearn/domain/naps` entry); a plan pillar about coordination or monitoring
 * maps onto none.
 */
export const wpsPillars = [
  "participation",
  "protection",
  "prevention",
  "relief-and-recovery",
] as const;

/** One of {@link wpsPillars}. */
export type WpsPillar = (typeof wpsPillars)[number];

/** Validates a {@link WpsPillar}. */
export const WpsPillarSchema = /* @__PURE__ */ z.enum(wpsPillars);

/**
 * English and French labels of the {@link wpsPillars}. The French are the UN's French names of
 * the pillars: « participation », « protection », « prévention », « secours et relèvement ».
 */
export const wpsPillarLabels: Readonly<Record<WpsPillar, LocalizedText>> = {
  participation: { en: "Participation", fr: "Participation" },
  protection: { en: "Protection", fr: "Protection" },
  prevention: { en: "Prevention", fr: "Prévention" },
  "relief-and-recovery": { en: "Relief and recovery", fr: "Secours et relèvement" },
};
