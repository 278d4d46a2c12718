import type { Db } from "@peacelearn/db";
import { type QuestionKind, QuestionKindSchema } from "@peacelearn/db/schemas";
import { data } from "react-router";
import { activeContent } from "~/modules/courses/translation";
import type { FormQuestion } from "./schema";

/** Course content is written in English first; a missing translation falls back to it. */
const FALLBACK_LOCALE = "en";

export function pick<T extends { locale: string }>(
  rows: readonly T[],
  locale: string,
): T | undefined {
  return (
    rows.find((row) => row.locale === locale) ?? rows.find((r) => r.locale === FALLBACK_LOCALE)
  );
}

type CheckOption = { key: string; label: string; isCorrect: boolean; feedback: string };
export type CheckQuestion = {
  key: string;
  kind: QuestionKind;
  prompt: string;
  options: CheckOption[];
};
export type KnowledgeCheckContent = {
  course: { id: string; key: string; title: string };
  module: { key: string; title: string };
  check: { id: string; passMark: number; title: string; intro: string };
  questions: CheckQuestion[];
};

/**
 * A published course's module knowledge check, in `locale`, with correct flags and feedback (for
 * grading and for the result page only: the form's loader data must leave them out). One query.
 * Throws a 404 when the course is unpublished or the module (or its check) does not exist or was
 * retired.
 */
export async function loadKnowledgeCheck(
  db: Db,
  { courseKey, moduleKey, locale }: { courseKey: string; moduleKey: string; locale: string },
): Promise<KnowledgeCheckContent> {
  const locales = [...new Set([locale, FALLBACK_LOCALE])];
  const translations = { where: { locale: { in: locales } } } as const;
  const module = await db.module.findFirst({
    // A module the importer retired is not in the course any more: its check is a 404 too.
    where: {
      key: moduleKey,
      ...activeContent,
      course: { key: courseKey, publishedAt: { not: null } },
    },
    select: {
      key: true,
      translations: { ...translations, select: { locale: true, title: true } },
      course: {
        select: {
          id: true,
          key: true,
          translations: { ...translations, select: { locale: true, title: true } },
        },
      },
      // A module has at most one check in the curriculum; the key order makes any extra stable.
      knowledgeChecks: {
        orderBy: { key: "asc" },
        take: 1,
        select: {
          id: true,
          passMark: true,
          translations: { ...translations, select: { locale: true, title: true, intro: true } },
          questions: checkQuestionsSelect(translations),
        },
      },
    },
  });
  const check = module?.knowledgeChecks[0];
  if (!module || !check) throw data(null, { status: 404 });

  return {
    course: {
      id: module.course.id,
      key: module.course.key,
      title: pick(module.course.translations, locale)?.title ?? module.course.key,
    },
    module: { key: module.key, title: pick(module.translations, locale)?.title ?? module.key },
    check: {
      id: check.id,
      passMark: check.passMark,
      title: pick(check.translations, locale)?.title ?? "",
      intro: pick(check.translations, locale)?.intro ?? "",
    },
    questions: checkQuestionsOf(check.questions, locale),
  };
}

/** The `select` of a check's questions and options, with `translations` in its locales. */
export function checkQuestionsSelect(translations: { where: { locale: { in: string[] } } }) {
  return {
    orderBy: { position: "asc" },
    select: {
      key: true,
      kind: true,
      translations: { ...translations, select: { locale: true, prompt: true } },
      options: {
        orderBy: { position: "asc" },
        select: {
          key: true,
          isCorrect: true,
          translations: { ...translations, select: { locale: true, label: true, feedback: true } },
        },
      },
    },
  } as const;
}

type StoredQuestion = {
  key: string;
  kind: string;
  translations: ReadonlyArray<{ locale: string; prompt: string }>;
  options: ReadonlyArray<{
    key: string;
    isCorrect: boolean;
    translations: ReadonlyArray<{ locale: string; label: string; feedback: string }>;
  }>;
};

/** Stored questions (as {@link checkQuestionsSelect} reads them) in `locale`, English fallback. */
export function checkQuestionsOf(
  questions: readonly StoredQuestion[],
  locale: string,
): CheckQuestion[] {
  return questions.map((question) => ({
    key: question.key,
    // Unknown kinds (a newer importer) are graded like single choice, the strictest reading.
    kind: QuestionKindSchema.safeParse(question.kind).data ?? "single",
    prompt: pick(question.translations, locale)?.prompt ?? question.key,
    options: question.options.map((option) => {
      const text = pick(option.translations, locale);
      return {
        key: option.key,
        isCorrect: option.isCorrect,
        label: text?.label ?? option.key,
        feedback: text?.feedback ?? "",
      };
    }),
  }));
}

/** The questions as the form shows them: no correct flags, no feedback. */
export function formQuestions(questions: readonly CheckQuestion[]): FormQuestion[] {
  return questions.map((question) => ({
    key: question.key,
    kind: question.kind,
    prompt: question.prompt,
    options: question.options.map((option) => ({ key: option.key, label: option.label })),
  }));
}
