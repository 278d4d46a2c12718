import { RETIRED_POSITION } from "./course-records";
import type {
  ImportContext,
  StoredCheck,
  StoredLesson,
  StoredModule,
  StoredOption,
  StoredQuestion,
} from "./import-context";

// Content that disappeared from the source. The rule: delete what no learner data refers to;
// keep what it does, with its position set to RETIRED_POSITION, because deleting would cascade
// into learners' records (LessonProgress → Lesson, KnowledgeCheckAttempt and PrePostTestAttempt → KnowledgeCheck), and
// attempts store their answers by question and option key, so an attempted check keeps every
// question and option it ever had. A retired row that comes back into the source is revived
// by the ordinary upsert (it gets its position back); one that stops being referenced is deleted
// by the next import.

/** What happened to a removed row. */
export type Removal = "deleted" | "retired" | "already-retired";

/** Anything that refers to a lesson: learners' progress. */
const lessonIsReferenced = (lesson: StoredLesson) => lesson._count.progress > 0;
/** Attempts refer to the check and, through their answers, to its questions and options. */
const checkIsReferenced = (check: StoredCheck) =>
  check._count.attempts + check._count.testAttempts > 0;

export async function removeLesson(ctx: ImportContext, lesson: StoredLesson): Promise<Removal> {
  if (!lessonIsReferenced(lesson)) {
    await ctx.tx.lesson.delete({ where: { id: lesson.id } });
    ctx.report.lessons.deleted += 1;
    return "deleted";
  }
  if (lesson.position === RETIRED_POSITION) return "already-retired";
  await ctx.tx.lesson.update({ where: { id: lesson.id }, data: { position: RETIRED_POSITION } });
  ctx.report.lessons.retired += 1;
  return "retired";
}

export async function removeQuestion(
  ctx: ImportContext,
  check: StoredCheck,
  question: StoredQuestion,
): Promise<Removal> {
  if (!checkIsReferenced(check)) {
    await ctx.tx.knowledgeCheckQuestion.delete({ where: { id: question.id } });
    ctx.report.questions.deleted += 1;
    return "deleted";
  }
  if (question.position === RETIRED_POSITION) return "already-retired";
  await ctx.tx.knowledgeCheckQuestion.update({
    where: { id: question.id },
    data: { position: RETIRED_POSITION },
  });
  ctx.report.questions.retired += 1;
  return "retired";
}

/** Options are not counted on their own: the caller marks their question updated. */
export async function removeOption(
  ctx: ImportContext,
  check: StoredCheck,
  option: StoredOption,
): Promise<Removal> {
  if (!checkIsReferenced(check)) {
    await ctx.tx.knowledgeCheckOption.delete({ where: { id: option.id } });
    return "deleted";
  }
  if (option.position === RETIRED_POSITION) return "already-retired";
  await ctx.tx.knowledgeCheckOption.update({
    where: { id: option.id },
    data: { position: RETIRED_POSITION },
  });
  return "retired";
}

/**
 * A check that is no longer in the source (its module left, or its key changed). An attempted
 * check stays, with its questions retired (the schema has no position for checks themselves);
 * an unattempted one is deleted with its questions.
 */
export async function removeCheck(ctx: ImportContext, check: StoredCheck): Promise<Removal> {
  if (!checkIsReferenced(check)) {
    await ctx.tx.knowledgeCheck.delete({ where: { id: check.id } });
    ctx.report.questions.deleted += check.questions.length;
    return "deleted";
  }
  let result: Removal = "already-retired";
  for (const question of check.questions) {
    if ((await removeQuestion(ctx, check, question)) === "retired") result = "retired";
  }
  return result;
}

/** A module gone from the source: kept (retired) while any of its lessons or its check is. */
export async function removeModule(ctx: ImportContext, mod: StoredModule): Promise<Removal> {
  let kept = false;
  for (const lesson of mod.lessons) {
    if ((await removeLesson(ctx, lesson)) !== "deleted") kept = true;
  }
  for (const check of mod.knowledgeChecks) {
    if ((await removeCheck(ctx, check)) !== "deleted") kept = true;
  }
  if (!kept) {
    await ctx.tx.module.delete({ where: { id: mod.id } });
    ctx.report.modules.deleted += 1;
    return "deleted";
  }
  if (mod.position === RETIRED_POSITION) return "already-retired";
  await ctx.tx.module.update({ where: { id: mod.id }, data: { position: RETIRED_POSITION } });
  ctx.report.modules.retired += 1;
  return "retired";
}
