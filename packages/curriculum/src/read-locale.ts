import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { ZodType } from "zod";
import type { IssueCollector } from "./issues";
import { checkMarkdown, type MarkdownReport } from "./markdown-rules";
import {
  type CheckFile,
  checkFileSchema,
  courseTextSchema,
  lessonFrontMatterSchema,
  moduleTextSchema,
  type TestsFile,
  testsFileSchema,
} from "./schema";
import {
  lineOfPath,
  parseYaml,
  splitFrontMatter,
  validateYaml,
  type YamlSource,
} from "./yaml-source";

const numberedDir = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const numberedLesson = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/** Reads a file's text and reports progress; supplied by the loader. */
export type ReadText = (file: string) => Promise<string>;

interface LocaleLesson {
  slug: string;
  file: string;
  title?: string;
  estimatedMinutes?: number;
  /** Line of `estimatedMinutes:` in the front matter, for cross-locale messages. */
  minutesLine?: number;
  body: string;
  report: MarkdownReport;
}

export interface LocaleModule {
  slug: string;
  dir: string;
  title?: string;
  summary?: string;
  body: string;
  lessons: LocaleLesson[];
  check?: { data: CheckFile; source: YamlSource };
  checkFile: string;
}

export interface LocaleCourse {
  dir: string;
  file: string;
  title?: string;
  summary?: string;
  body: string;
  modules: LocaleModule[];
  /** tests.yaml, when the locale has one (see testsFileSchema). */
  tests?: { data: TestsFile; source: YamlSource; file: string };
}

interface MarkdownFile<T> {
  data?: T;
  source?: YamlSource;
  body: string;
  report: MarkdownReport;
}

async function readMarkdownFile<T>(
  file: string,
  schema: ZodType<T>,
  allowH1: boolean,
  readText: ReadText,
  issues: IssueCollector,
): Promise<MarkdownFile<T>> {
  const text = await readText(file);
  const split = splitFrontMatter(text);
  if (!split) {
    issues.add(file, "missing YAML front matter (the file must start with a --- line)", 1);
    return { body: text, report: { wordCount: 0, calloutCount: 0, imageCount: 0 } };
  }
  const source = parseYaml(file, split.yaml, issues, split.yamlLineOffset);
  const data = source ? validateYaml(source, schema, issues) : undefined;
  const report = checkMarkdown(
    split.body,
    { file, lineOffset: split.bodyLineOffset, allowH1 },
    issues,
  );
  return { data, source, body: split.body.trim(), report };
}

/** Numbered entries sorted by their prefix; reports duplicate prefixes. */
function numbered(
  dir: string,
  pattern: RegExp,
  names: string[],
  issues: IssueCollector,
): { slug: string; name: string }[] {
  const entries = names
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .sort((a, b) => a.name.localeCompare(b.name));
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const prefix = entry.match[1] ?? "";
    const other = seen.get(prefix);
    if (other) issues.add(join(dir, entry.name), `number ${prefix} is also used by "${other}"`);
    seen.set(prefix, entry.name);
  }
  return entries.map((entry) => ({ slug: entry.match[2] ?? "", name: entry.name }));
}

function listDir(dir: string, issues: IssueCollector) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    issues.add(dir, "folder is missing");
    return [];
  }
}

async function readModule(
  dir: string,
  slug: string,
  readText: ReadText,
  issues: IssueCollector,
): Promise<LocaleModule> {
  const entries = listDir(dir, issues);
  const files = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  const moduleFile = join(dir, "module.md");
  const checkFile = join(dir, "check.yaml");
  const result: LocaleModule = { slug, dir, body: "", lessons: [], checkFile };

  if (files.includes("module.md")) {
    const parsed = await readMarkdownFile(moduleFile, moduleTextSchema, false, readText, issues);
    result.title = parsed.data?.title;
    result.summary = parsed.data?.summary;
    result.body = parsed.body;
  } else {
    issues.add(moduleFile, "module.md is missing");
  }

  for (const name of files) {
    const isKnown = name === "module.md" || name === "check.yaml" || numberedLesson.test(name);
    if (!isKnown && /\.(md|ya?ml)$/.test(name)) {
      issues.add(join(dir, name), "unexpected file: lessons are named NN-lesson-slug.md");
    }
  }
  for (const { slug: lessonSlug, name } of numbered(dir, numberedLesson, files, issues)) {
    const file = join(dir, name);
    const parsed = await readMarkdownFile(file, lessonFrontMatterSchema, false, readText, issues);
    if (parsed.body.length === 0) issues.add(file, "the lesson has no body");
    result.lessons.push({
      slug: lessonSlug,
      file,
      title: parsed.data?.title,
      estimatedMinutes: parsed.data?.estimatedMinutes,
      minutesLine: parsed.source ? lineOfPath(parsed.source, ["estimatedMinutes"]) : undefined,
      body: parsed.body,
      report: parsed.report,
    });
  }
  if (result.lessons.length === 0) issues.add(dir, "the module has no lessons");

  if (files.includes("check.yaml")) {
    const source = parseYaml(checkFile, await readText(checkFile), issues);
    const data = source ? validateYaml(source, checkFileSchema, issues) : undefined;
    if (source && data) result.check = { data, source };
  } else {
    issues.add(checkFile, "check.yaml (the module's knowledge check) is missing");
  }
  return result;
}

/** Reads one locale folder of a course: course.md and its numbered module folders. */
export async function readLocale(
  dir: string,
  readText: ReadText,
  issues: IssueCollector,
): Promise<LocaleCourse> {
  const entries = listDir(dir, issues);
  const file = join(dir, "course.md");
  const result: LocaleCourse = { dir, file, body: "", modules: [] };
  if (entries.some((entry) => entry.isFile() && entry.name === "course.md")) {
    const parsed = await readMarkdownFile(file, courseTextSchema, false, readText, issues);
    result.title = parsed.data?.title;
    result.summary = parsed.data?.summary;
    result.body = parsed.body;
  } else if (entries.length > 0) {
    issues.add(file, "course.md is missing");
  }
  if (entries.some((entry) => entry.isFile() && entry.name === "tests.yaml")) {
    const testsFile = join(dir, "tests.yaml");
    const source = parseYaml(testsFile, await readText(testsFile), issues);
    const data = source ? validateYaml(source, testsFileSchema, issues) : undefined;
    if (source && data) result.tests = { data, source, file: testsFile };
  }
  for (const entry of entries) {
    if (entry.isDirectory() && !numberedDir.test(entry.name)) {
      issues.add(join(dir, entry.name), "unexpected folder: modules are named NN-module-slug");
    }
  }
  const dirs = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  for (const { slug, name } of numbered(dir, numberedDir, dirs, issues)) {
    result.modules.push(await readModule(join(dir, name), slug, readText, issues));
  }
  return result;
}
