import type { Db } from "@peacelearn/db";
import { type TestForm, TestFormSchema } from "@peacelearn/domain";
import {
  type CheckQuestion,
  checkQuestionsOf,
  checkQuestionsSelect,
  pick,
} from "~/modules/assessment/check-data.server";

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
  const translations = { where: { locale: { in: [...new Set([locale, "en"])] } } };
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
      questions: checkQuestionsSelect(translations),
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
        questions: checkQuestionsOf(check.questions, locale),
      },
    ];
  });
}
