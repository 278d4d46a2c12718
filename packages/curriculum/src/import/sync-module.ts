import type { CourseModule, Lesson } from "../model";
import {
  lessonCreate,
  lessonTranslations,
  moduleCreate,
  moduleTranslations,
} from "./course-records";
import { byKey, type ImportContext, type StoredLesson, type StoredModule } from "./import-context";
import { removeLesson } from "./remove-content";
import { syncCheck } from "./sync-check";
import { syncTranslations } from "./sync-translations";

/** A module new to the database: one nested create for it, its lessons and its check. */
export async function createModule(
  ctx: ImportContext,
  courseId: string,
  courseSlug: string,
  mod: CourseModule,
): Promise<void> {
  await ctx.tx.module.create({ data: { courseId, ...moduleCreate(mod) } });
  recordCreatedModule(ctx, courseSlug, mod);
}

/** Counts a module created by a nested create (its own or its course's) and its progress steps. */
export function recordCreatedModule(ctx: ImportContext, courseSlug: string, mod: CourseModule) {
  ctx.report.modules.created += 1;
  ctx.report.lessons.created += mod.lessons.length;
  ctx.report.questions.created += mod.check.questions.length;
  ctx.step(`${courseSlug}/${mod.slug}`);
  for (const lesson of mod.lessons) ctx.step(`${courseSlug}/${mod.slug}/${lesson.slug}`);
  ctx.step(`${courseSlug}/${mod.slug}/check`);
}

/** Brings a stored module (row, translations, lessons, check) in line with the source. */
export async function syncModule(
  ctx: ImportContext,
  courseSlug: string,
  row: StoredModule,
  mod: CourseModule,
): Promise<void> {
  const tx = ctx.tx;
  let changed = false;
  if (row.position !== mod.position) {
    await tx.module.update({ where: { id: row.id }, data: { position: mod.position } });
    changed = true;
  }
  if (
    await syncTranslations(row.translations, moduleTranslations(mod), {
      create: (locale, record) =>
        tx.moduleTranslation.create({ data: { moduleId: row.id, locale, ...record } }),
      update: (id, record) => tx.moduleTranslation.update({ where: { id }, data: record }),
      remove: (ids) => tx.moduleTranslation.deleteMany({ where: { id: { in: ids } } }),
    })
  ) {
    changed = true;
  }
  ctx.step(`${courseSlug}/${mod.slug}`);

  const storedLessons = byKey(row.lessons);
  for (const lesson of mod.lessons) {
    const stored = storedLessons.get(lesson.slug);
    storedLessons.delete(lesson.slug);
    if (!stored) {
      await tx.lesson.create({ data: { moduleId: row.id, ...lessonCreate(lesson) } });
      ctx.report.lessons.created += 1;
    } else if (await syncLesson(ctx, stored, lesson)) {
      ctx.report.lessons.updated += 1;
    } else {
      ctx.report.lessons.unchanged += 1;
    }
    ctx.step(`${courseSlug}/${mod.slug}/${lesson.slug}`);
  }
  for (const gone of storedLessons.values()) await removeLesson(ctx, gone);

  if (await syncCheck(ctx, row.id, mod, row.knowledgeChecks)) changed = true;
  ctx.step(`${courseSlug}/${mod.slug}/check`);

  if (changed) ctx.report.modules.updated += 1;
  else ctx.report.modules.unchanged += 1;
}

async function syncLesson(ctx: ImportContext, row: StoredLesson, lesson: Lesson): Promise<boolean> {
  const tx = ctx.tx;
  let changed = false;
  if (row.position !== lesson.position) {
    await tx.lesson.update({ where: { id: row.id }, data: { position: lesson.position } });
    changed = true;
  }
  if (
    await syncTranslations(row.translations, lessonTranslations(lesson), {
      create: (locale, record) =>
        tx.lessonTranslation.create({ data: { lessonId: row.id, locale, ...record } }),
      update: (id, record) => tx.lessonTranslation.update({ where: { id }, data: record }),
      remove: (ids) => tx.lessonTranslation.deleteMany({ where: { id: { in: ids } } }),
    })
  ) {
    changed = true;
  }
  return changed;
}
