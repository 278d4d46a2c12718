import type { Course } from "../model";
import {
  changedCourseMetadata,
  courseMetadata,
  courseTranslations,
  moduleCreate,
} from "./course-records";
import { CurriculumImportError } from "./curriculum-import-error";
import { byKey, type ImportContext, storedCourseInclude } from "./import-context";
import { removeModule } from "./remove-content";
import { syncPrePostTests } from "./sync-check";
import { createModule, recordCreatedModule, syncModule } from "./sync-module";
import { syncTranslations } from "./sync-translations";

/** Units of progress one course takes: the course, and per module the module, lessons, check. */
export function courseSteps(course: Course): number {
  return 1 + course.modules.reduce((sum, mod) => sum + 2 + mod.lessons.length, 0);
}

/**
 * Upserts one course by its key (the curriculum slug) and everything below it. Modules, lessons
 * and questions that left the source are deleted or retired (see remove-content.ts). Courses
 * that are not in the curriculum being imported are never touched.
 */
export async function syncCourse(ctx: ImportContext, course: Course): Promise<void> {
  const tx = ctx.tx;
  await assertSlugIsFree(ctx, course);
  const stored = await tx.course.findUnique({
    where: { key: course.slug },
    include: storedCourseInclude,
  });

  if (!stored) {
    const created = await tx.course.create({
      select: { id: true },
      data: {
        key: course.slug,
        publishedAt: ctx.now,
        ...courseMetadata(course),
        translations: {
          create: [...courseTranslations(course)].map(([locale, record]) => ({
            locale,
            ...record,
          })),
        },
        modules: { create: course.modules.map(moduleCreate) },
      },
    });
    await syncPrePostTests(ctx, created.id, course, []);
    ctx.report.courses.created += 1;
    ctx.step(course.slug);
    for (const mod of course.modules) recordCreatedModule(ctx, course.slug, mod);
    return;
  }

  let changed = false;
  // Published once, on first import; a later import keeps the date. The row (and its updatedAt)
  // is written only when a column differs: one update for all of them.
  const rowChanges = {
    ...(stored.publishedAt === null ? { publishedAt: ctx.now } : {}),
    ...changedCourseMetadata(stored, courseMetadata(course)),
  };
  if (Object.keys(rowChanges).length > 0) {
    await tx.course.update({ where: { id: stored.id }, data: rowChanges });
    changed = true;
  }
  if (
    await syncTranslations(stored.translations, courseTranslations(course), {
      create: (locale, record) =>
        tx.courseTranslation.create({ data: { courseId: stored.id, locale, ...record } }),
      update: (id, record) => tx.courseTranslation.update({ where: { id }, data: record }),
      remove: (ids) => tx.courseTranslation.deleteMany({ where: { id: { in: ids } } }),
    })
  ) {
    changed = true;
  }
  if (await syncPrePostTests(ctx, stored.id, course, stored.prePostTests)) changed = true;
  if (changed) ctx.report.courses.updated += 1;
  else ctx.report.courses.unchanged += 1;
  ctx.step(course.slug);

  const storedModules = byKey(stored.modules);
  for (const mod of course.modules) {
    const row = storedModules.get(mod.slug);
    storedModules.delete(mod.slug);
    if (row) await syncModule(ctx, course.slug, row, mod);
    else await createModule(ctx, stored.id, course.slug, mod);
  }
  for (const gone of storedModules.values()) await removeModule(ctx, gone);
}

/**
 * Course slugs are unique per locale across all courses. Another course (say, one created in the
 * app) holding this slug would make the write fail with a bare constraint error: say which.
 */
async function assertSlugIsFree(ctx: ImportContext, course: Course): Promise<void> {
  const taken = await ctx.tx.courseTranslation.findFirst({
    where: {
      slug: course.slug,
      locale: { in: course.locales },
      course: { key: { not: course.slug } },
    },
    select: { locale: true, course: { select: { key: true } } },
  });
  if (taken) {
    throw new CurriculumImportError(
      `${course.sourceDir}/course.yaml`,
      `slug "${course.slug}" (${taken.locale}) is already used by course "${taken.course.key}" in the database`,
    );
  }
}
