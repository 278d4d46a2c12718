// Shared by the importer's tests (not collected by vitest: no `.test.` in the name).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "@peacelearn/db";
import { parse, stringify } from "yaml";
import { coursesDir } from "../paths";

/** Row counts of every content table the importer writes. */
export async function contentCounts(db: Db) {
  return {
    courses: await db.course.count(),
    courseTranslations: await db.courseTranslation.count(),
    modules: await db.module.count(),
    moduleTranslations: await db.moduleTranslation.count(),
    lessons: await db.lesson.count(),
    lessonTranslations: await db.lessonTranslation.count(),
    checks: await db.knowledgeCheck.count(),
    checkTranslations: await db.knowledgeCheckTranslation.count(),
    questions: await db.knowledgeCheckQuestion.count(),
    questionTranslations: await db.questionTranslation.count(),
    options: await db.knowledgeCheckOption.count(),
    optionTranslations: await db.optionTranslation.count(),
  };
}

/** Every content row, by table and id: compare two snapshots to see exactly what an import wrote. */
export async function contentSnapshot(db: Db): Promise<Map<string, unknown>> {
  const tables = {
    course: await db.course.findMany(),
    courseTranslation: await db.courseTranslation.findMany(),
    module: await db.module.findMany(),
    moduleTranslation: await db.moduleTranslation.findMany(),
    lesson: await db.lesson.findMany(),
    lessonTranslation: await db.lessonTranslation.findMany(),
    knowledgeCheck: await db.knowledgeCheck.findMany(),
    knowledgeCheckTranslation: await db.knowledgeCheckTranslation.findMany(),
    knowledgeCheckQuestion: await db.knowledgeCheckQuestion.findMany(),
    questionTranslation: await db.questionTranslation.findMany(),
    knowledgeCheckOption: await db.knowledgeCheckOption.findMany(),
    optionTranslation: await db.optionTranslation.findMany(),
  };
  const rows = new Map<string, unknown>();
  for (const [table, list] of Object.entries(tables)) {
    for (const row of list) rows.set(`${table}:${row.id}`, row);
  }
  return rows;
}

/** Keys (`table:id`) of rows added, removed or changed between two snapshots. */
export function changedRows(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys]
    .filter((key) => JSON.stringify(before.get(key)) !== JSON.stringify(after.get(key)))
    .sort();
}

/** A throw-away copy of a courses folder (default: the real courses), with its remover. */
export function copyCourses(from: string = coursesDir): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "peacelearn-courses-"));
  cpSync(from, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Edits a YAML file in place through the yaml library (keeps it valid). */
export function editYaml(file: string, edit: (data: Record<string, unknown>) => void): void {
  const data = parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  edit(data);
  writeFileSync(file, stringify(data));
}
