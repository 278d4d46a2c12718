import type { AnswerOption, Course, CourseModule, KnowledgeCheck, Question } from "../model";
import {
  type CheckTitle,
  checkCreate,
  checkTranslations,
  KNOWLEDGE_CHECK_KEY,
  moduleCheckTitle,
  optionCreate,
  optionTranslations,
  prePostTestChecks,
  prePostTestCreate,
  questionCreate,
  questionTranslations,
} from "./course-records";
import {
  byKey,
  type ImportContext,
  type StoredCheck,
  type StoredOption,
  type StoredQuestion,
} from "./import-context";
import { removeCheck, removeOption, removeQuestion } from "./remove-content";
import { syncTranslations } from "./sync-translations";

/**
 * Brings a module's knowledge check in line with the source. Returns whether the check itself
 * (pass mark, titles, or the check row) changed — that counts towards its module; questions are
 * counted on their own.
 */
export async function syncCheck(
  ctx: ImportContext,
  moduleId: string,
  mod: CourseModule,
  storedChecks: readonly StoredCheck[],
): Promise<boolean> {
  let changed = false;
  for (const other of storedChecks.filter((check) => check.key !== KNOWLEDGE_CHECK_KEY)) {
    if ((await removeCheck(ctx, other)) !== "already-retired") changed = true;
  }
  const stored = storedChecks.find((check) => check.key === KNOWLEDGE_CHECK_KEY);
  if (!stored) {
    await ctx.tx.knowledgeCheck.create({ data: { moduleId, ...checkCreate(mod) } });
    ctx.report.questions.created += mod.check.questions.length;
    return true;
  }
  const contentChanged = await syncCheckContent(ctx, stored, mod.check, moduleCheckTitle);
  return changed || contentChanged;
}

/**
 * Brings a course's pre/post test checks (tests.yaml, ADR 029) in line with the source: one check
 * per kind and form. Returns whether anything changed; questions are counted on their own.
 */
export async function syncPrePostTests(
  ctx: ImportContext,
  courseId: string,
  course: Course,
  storedTests: readonly StoredCheck[],
): Promise<boolean> {
  let changed = false;
  const wanted = course.tests ? prePostTestChecks(course.tests) : [];
  const stored = byKey(storedTests);
  for (const test of wanted) {
    const row = stored.get(test.key);
    stored.delete(test.key);
    if (!row) {
      await ctx.tx.knowledgeCheck.create({ data: { courseId, ...prePostTestCreate(test) } });
      ctx.report.questions.created += test.check.questions.length;
      changed = true;
    } else if (await syncCheckContent(ctx, row, test.check, test.title)) {
      changed = true;
    }
  }
  for (const gone of stored.values()) {
    if ((await removeCheck(ctx, gone)) !== "already-retired") changed = true;
  }
  return changed;
}

/** Pass mark, titles and questions of a stored check against the source. */
async function syncCheckContent(
  ctx: ImportContext,
  stored: StoredCheck,
  check: KnowledgeCheck,
  title: CheckTitle,
): Promise<boolean> {
  let changed = false;
  if (stored.passMark !== check.passMark) {
    await ctx.tx.knowledgeCheck.update({
      where: { id: stored.id },
      data: { passMark: check.passMark },
    });
    changed = true;
  }
  const tx = ctx.tx;
  const translationsChanged = await syncTranslations(
    stored.translations,
    checkTranslations(check, title),
    {
      create: (locale, record) =>
        tx.knowledgeCheckTranslation.create({
          data: { knowledgeCheckId: stored.id, locale, ...record },
        }),
      update: (id, record) => tx.knowledgeCheckTranslation.update({ where: { id }, data: record }),
      remove: (ids) => tx.knowledgeCheckTranslation.deleteMany({ where: { id: { in: ids } } }),
    },
  );

  const storedQuestions = byKey(stored.questions);
  for (const question of check.questions) {
    const row = storedQuestions.get(question.id);
    storedQuestions.delete(question.id);
    if (!row) {
      await tx.knowledgeCheckQuestion.create({
        data: { knowledgeCheckId: stored.id, ...questionCreate(question) },
      });
      ctx.report.questions.created += 1;
    } else if (await syncQuestion(ctx, stored, row, question)) {
      ctx.report.questions.updated += 1;
    } else {
      ctx.report.questions.unchanged += 1;
    }
  }
  for (const gone of storedQuestions.values()) await removeQuestion(ctx, stored, gone);

  return changed || translationsChanged;
}

async function syncQuestion(
  ctx: ImportContext,
  check: StoredCheck,
  row: StoredQuestion,
  question: Question,
): Promise<boolean> {
  const tx = ctx.tx;
  let changed = false;
  if (row.position !== question.position || row.kind !== question.kind) {
    await tx.knowledgeCheckQuestion.update({
      where: { id: row.id },
      data: { position: question.position, kind: question.kind },
    });
    changed = true;
  }
  if (
    await syncTranslations(row.translations, questionTranslations(question), {
      create: (locale, record) =>
        tx.questionTranslation.create({ data: { questionId: row.id, locale, ...record } }),
      update: (id, record) => tx.questionTranslation.update({ where: { id }, data: record }),
      remove: (ids) => tx.questionTranslation.deleteMany({ where: { id: { in: ids } } }),
    })
  ) {
    changed = true;
  }

  const storedOptions = byKey(row.options);
  for (const option of question.options) {
    const stored = storedOptions.get(option.id);
    storedOptions.delete(option.id);
    if (!stored) {
      await tx.knowledgeCheckOption.create({
        data: { questionId: row.id, ...optionCreate(option) },
      });
      changed = true;
    } else if (await syncOption(ctx, stored, option)) {
      changed = true;
    }
  }
  for (const gone of storedOptions.values()) {
    if ((await removeOption(ctx, check, gone)) !== "already-retired") changed = true;
  }
  return changed;
}

async function syncOption(
  ctx: ImportContext,
  row: StoredOption,
  option: AnswerOption,
): Promise<boolean> {
  const tx = ctx.tx;
  let changed = false;
  if (row.position !== option.position || row.isCorrect !== option.isCorrect) {
    await tx.knowledgeCheckOption.update({
      where: { id: row.id },
      data: { position: option.position, isCorrect: option.isCorrect },
    });
    changed = true;
  }
  if (
    await syncTranslations(row.translations, optionTranslations(option), {
      create: (locale, record) =>
        tx.optionTranslation.create({ data: { optionId: row.id, locale, ...record } }),
      update: (id, record) => tx.optionTranslation.update({ where: { id }, data: record }),
      remove: (ids) => tx.optionTranslation.deleteMany({ where: { id: { in: ids } } }),
    })
  ) {
    changed = true;
  }
  return changed;
}
