import type { Db } from "@peacelearn/db";
import { QuestionKindSchema } from "@peacelearn/db/schemas";
import { type TestForm, TestFormSchema } from "@peacelearn/domain";
import type { CheckQuestion } from "~/modules/assessment/check-data.server";
import { activeContent } from "~/modules/courses/translation";

/** Course content is written in English first; a missing translation falls back to it. */
const FALLBACK_LOCALE = "en";

/** A pre- or post-test's kind (KnowledgeCheck.kind). */
export type TestKind = "pre" | "post";

/** One form of a course's pre- or post-test, with correct flags (for grading on the server). */
export type PrePostTestContent = {
  checkId: string;
  courseId: string;
  kind: TestKind;
  form: TestForm;
  title: string;
  questions: CheckQuestion[];
};

function pick<T extends { locale: string }>(rows: readonly T[], locale: string): T | undefined {
  return (
    rows.find((row) => row.locale === locale) ?? rows.find((r) => r.locale === FALLBACK_LOCALE)
  );
}

const asTestKind = (kind: string): TestKind | null =>
  kind === "pre" || kind === "post" ? kind : null;

/**
 * The pre/post test checks matching `where` (a course's, or one by id), in `locale` with the
 * English fallback. One query. Checks that are not pre/post tests are never returned.
 */
export async function loadTestContent(
  db: Db,
  where: { courseId: string } | { id: string },
  locale: string,
): Promise<PrePostTestContent[]> {
  const translations = { where: { locale: { in: [...new Set([locale, FALLBACK_LOCALE])] } } };
  const checks = await db.knowledgeCheck.findMany({
    // Tests belong to a course; `where` narrows to one course or one check.
    where: { AND: [where, { kind: { in: ["pre", "post"] }, courseId: { not: null } }] },
    orderBy: { key: "asc" },
    select: {
      id: true,
      courseId: true,
      kind: true,
      form: true,
      translations: { ...translations, select: { locale: true, title: true } },
      questions: {
        where: activeContent,
        orderBy: { position: "asc" },
        select: {
          key: true,
          kind: true,
          translations: { ...translations, select: { locale: true, prompt: true } },
          options: {
            where: activeContent,
            orderBy: { position: "asc" },
            select: {
              key: true,
              isCorrect: true,
              translations: {
                ...translations,
                select: { locale: true, label: true, feedback: true },
              },
            },
          },
        },
      },
    },
  });
  return checks.flatMap((check) => {
    const kind = asTestKind(check.kind);
    const form = TestFormSchema.safeParse(check.form).data;
    if (!kind || !form || !check.courseId) return [];
    return [
      {
        checkId: check.id,
        courseId: check.courseId,
        kind,
        form,
        title: pick(check.translations, locale)?.title ?? "",
        questions: check.questions.map((question) => ({
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
        })),
      },
    ];
  });
}
