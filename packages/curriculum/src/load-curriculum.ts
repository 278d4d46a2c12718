import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { CurriculumError, type CurriculumIssue, IssueCollector } from "./issues";
import { mergeLocales } from "./merge-locales";
import type { Course, Curriculum, ProgressCallback } from "./model";
import { type LocaleCourse, readLocale } from "./read-locale";
import { courseFileSchema } from "./schema";
import { type CurriculumLocale, curriculumLocales } from "./vocabulary";
import { parseYaml, validateYaml } from "./yaml-source";

/** Folders inside a course folder that hold shared assets rather than a locale. */
const assetDirs = new Set(["images", "assets"]);

export interface LoadCurriculumOptions {
  onProgress?: ProgressCallback;
}

export interface CurriculumCheck {
  curriculum: Curriculum;
  issues: CurriculumIssue[];
}

function countSourceFiles(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += countSourceFiles(join(dir, entry.name));
    else if (/\.(md|ya?ml)$/.test(entry.name)) count += 1;
  }
  return count;
}

/**
 * Reads and validates every course under `rootDir` (one folder per course) and returns the issues
 * instead of throwing. Courses with problems are still returned as far as they could be read.
 */
export async function checkCurriculum(
  rootDir: string,
  options: LoadCurriculumOptions = {},
): Promise<CurriculumCheck> {
  const root = resolve(rootDir);
  const issues = new IssueCollector();
  const curriculum: Curriculum = { rootDir: root, courses: [] };
  let courseDirs: string[] = [];
  try {
    courseDirs = readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(root, entry.name))
      .sort();
  } catch {
    issues.add(root, "curriculum folder does not exist");
    return { curriculum, issues: issues.issues };
  }
  if (courseDirs.length === 0) issues.add(root, "no course folders found");

  const total = courseDirs.reduce((sum, dir) => sum + countSourceFiles(dir), 0);
  let done = 0;
  const readText = async (file: string) => {
    const text = await readFile(file, "utf8");
    done += 1;
    options.onProgress?.(done, total, file);
    return text;
  };

  for (const courseDir of courseDirs) {
    const course = await readCourse(courseDir, readText, issues);
    if (course) curriculum.courses.push(course);
  }
  return { curriculum, issues: issues.issues };
}

/**
 * Loads the curriculum under `rootDir` into a typed model. Throws a `CurriculumError` listing every
 * problem (file, line where known, message) if any file is invalid.
 */
export async function loadCurriculum(
  rootDir: string,
  options: LoadCurriculumOptions = {},
): Promise<Curriculum> {
  const { curriculum, issues } = await checkCurriculum(rootDir, options);
  if (issues.length > 0) throw new CurriculumError(issues);
  return curriculum;
}

async function readCourse(
  courseDir: string,
  readText: (file: string) => Promise<string>,
  issues: IssueCollector,
): Promise<Course | undefined> {
  const courseFile = join(courseDir, "course.yaml");
  if (!existsSync(courseFile)) {
    issues.add(courseFile, "course.yaml is missing");
    return undefined;
  }
  const text = await readText(courseFile);
  const source = parseYaml(courseFile, text, issues);
  const meta = source ? validateYaml(source, courseFileSchema, issues) : undefined;
  if (!source || !meta) {
    // Still read the locale folders so that their problems are reported in the same run.
    for (const locale of curriculumLocales) {
      const dir = join(courseDir, locale);
      if (existsSync(dir)) await readLocale(dir, readText, issues);
    }
    return undefined;
  }

  const folderSlug = courseDir.split(/[\\/]/).pop();
  if (meta.slug !== folderSlug) {
    issues.add(courseFile, `slug "${meta.slug}" must match the folder name "${folderSlug}"`, 1);
  }
  const locales = [...new Set(meta.locales)];
  for (const entry of readdirSync(courseDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || assetDirs.has(entry.name)) continue;
    if (!(locales as string[]).includes(entry.name)) {
      issues.add(
        join(courseDir, entry.name),
        `folder "${entry.name}" is not a locale listed in course.yaml (${locales.join(", ")})`,
      );
    }
  }

  const byLocale = new Map<CurriculumLocale, LocaleCourse>();
  for (const locale of locales) {
    byLocale.set(locale, await readLocale(join(courseDir, locale), readText, issues));
  }
  return mergeLocales({ courseDir, meta, source, byLocale, issues });
}
