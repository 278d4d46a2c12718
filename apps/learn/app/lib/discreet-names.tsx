import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n-react";
import { useDiscreetMode } from "~/lib/page-title";

/** Crockford's base32 without I, L, O, U: a code nobody reads as a word. */
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A short code that always stands for the same thing (`K7M` for a course key): FNV-1a, three
 * symbols. Not a secret — a way to tell two courses or groups apart without their names.
 */
function neutralCode(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let code = "";
  for (let i = 0; i < 3; i++) {
    code += alphabet[hash & 31];
    hash >>>= 5;
  }
  return code;
}

/**
 * Names of things in discreet mode (docs/decisions/022-discreet-mode.md). Where a page names a
 * course, module, lesson or group in its chrome — breadcrumbs, headings, cards and lists that lead
 * somewhere — discreet mode shows a neutral label instead ("Course K7M", "Module 2", "Lesson 2.3",
 * "Group 4QX"). The lesson's own text, check questions and notes are left as they are: she is
 * there to read them.
 */
export function useDiscreetNames() {
  const discreet = useDiscreetMode();
  const { t } = useTranslation("safety");
  return {
    discreet,
    course: (key: string, name: ReactNode): ReactNode =>
      discreet ? t("discreet.names.course", { code: neutralCode(key) }) : name,
    module: (number: number, name: ReactNode): ReactNode =>
      discreet ? t("discreet.names.module", { number }) : name,
    lesson: (number: string, name: ReactNode): ReactNode =>
      discreet ? t("discreet.names.lesson", { number }) : name,
    cohort: (id: string, name: ReactNode): ReactNode =>
      discreet ? t("discreet.names.cohort", { code: neutralCode(id) }) : name,
    /** Text about a course (a summary): left out in discreet mode. */
    about: (text: ReactNode): ReactNode => (discreet ? null : text),
  };
}
