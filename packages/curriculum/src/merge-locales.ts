import { join } from "node:path";
import type { TestForm } from "@peacelearn/domain";
import type { IssueCollector } from "./issues";
import type {
  AnswerOption,
  Course,
  CourseModule,
  KnowledgeCheck,
  Lesson,
  PrePostTests,
  Question,
} from "./model";
import type { LocaleCourse, LocaleModule } from "./read-locale";
import type { CheckFile, CourseFile } from "./schema";
import type { CurriculumLocale } from "./vocabulary";
import { lineOfPath, type YamlSource } from "./yaml-source";

interface MergeInput {
  courseDir: string;
  meta: CourseFile;
  source: YamlSource;
  byLocale: Map<CurriculumLocale, LocaleCourse>;
  issues: IssueCollector;
}

function listDiff(expected: string[], actual: string[]): string {
  const missing = expected.filter((id) => !actual.includes(id));
  const extra = actual.filter((id) => !expected.includes(id));
  const parts: string[] = [];
  if (missing.length) parts.push(`missing ${missing.join(", ")}`);
  if (extra.length) parts.push(`unexpected ${extra.join(", ")}`);
  if (parts.length === 0) parts.push(`order differs: expected ${expected.join(", ")}`);
  return parts.join("; ");
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/**
 * Compares a locale's knowledge check with the reference locale's: same questions and options
 * (ids, order, kinds), same correct answers, same pass mark and minutes.
 */
function compareChecks(
  ref: { data: CheckFile; locale: string },
  other: { data: CheckFile; source: YamlSource },
  issues: IssueCollector,
  /** Where the questions sit in the file: `["questions"]`, or `["forms", "A"]` in tests.yaml. */
  questionsPath: (string | number)[] = ["questions"],
) {
  const file = other.source.file;
  const line = (path: (string | number)[]) =>
    path[0] === "questions"
      ? lineOfPath(other.source, [...questionsPath, ...path.slice(1)])
      : lineOfPath(other.source, path);
  const refName = `the ${ref.locale} version`;
  for (const key of ["passMark", "estimatedMinutes"] as const) {
    if (ref.data[key] !== other.data[key]) {
      issues.add(
        file,
        `${key} is ${other.data[key]} but ${refName} says ${ref.data[key]}`,
        line([key]),
      );
    }
  }
  const refIds = ref.data.questions.map((q) => q.id);
  const ids = other.data.questions.map((q) => q.id);
  if (!sameList(refIds, ids)) {
    issues.add(
      file,
      `questions differ from ${refName}: ${listDiff(refIds, ids)}`,
      line(["questions"]),
    );
  }
  other.data.questions.forEach((question, qIndex) => {
    const refQuestion = ref.data.questions.find((q) => q.id === question.id);
    if (!refQuestion) return;
    if (refQuestion.kind !== question.kind) {
      issues.add(
        file,
        `question "${question.id}" is ${question.kind} but ${refName} is ${refQuestion.kind}`,
        line(["questions", qIndex, "kind"]),
      );
    }
    const refOptions = refQuestion.options.map((o) => o.id);
    const options = question.options.map((o) => o.id);
    if (!sameList(refOptions, options)) {
      issues.add(
        file,
        `options of question "${question.id}" differ from ${refName}: ${listDiff(refOptions, options)}`,
        line(["questions", qIndex, "options"]),
      );
    }
    question.options.forEach((option, oIndex) => {
      const refOption = refQuestion.options.find((o) => o.id === option.id);
      if (refOption && refOption.correct !== option.correct) {
        issues.add(
          file,
          `option "${option.id}" of question "${question.id}" is marked correct: ${option.correct} but ${refName} says ${refOption.correct}`,
          line(["questions", qIndex, "options", oIndex, "correct"]),
        );
      }
    });
  });
}

/** A check's file in each locale that has one. */
type LocaleChecks = Map<CurriculumLocale, { data: CheckFile; file: string }>;

function moduleChecks(modules: Map<CurriculumLocale, LocaleModule>): LocaleChecks {
  const checks: LocaleChecks = new Map();
  for (const [locale, mod] of modules) {
    if (mod.check) checks.set(locale, { data: mod.check.data, file: mod.checkFile });
  }
  return checks;
}

function buildCheck(checks: LocaleChecks, refLocale: CurriculumLocale) {
  const ref = checks.get(refLocale)?.data;
  const check: KnowledgeCheck = {
    passMark: ref?.passMark ?? 0,
    estimatedMinutes: ref?.estimatedMinutes ?? 0,
    questions: [],
    sourceFiles: {},
  };
  for (const [locale, { file }] of checks) check.sourceFiles[locale] = file;
  ref?.questions.forEach((refQuestion, qIndex) => {
    const question: Question = {
      id: refQuestion.id,
      position: qIndex + 1,
      kind: refQuestion.kind,
      translations: {},
      options: refQuestion.options.map(
        (option, oIndex): AnswerOption => ({
          id: option.id,
          position: oIndex + 1,
          isCorrect: option.correct,
          translations: {},
        }),
      ),
    };
    for (const [locale, { data }] of checks) {
      const localized = data.questions.find((q) => q.id === refQuestion.id);
      if (!localized) continue;
      question.translations[locale] = { prompt: localized.prompt };
      for (const option of question.options) {
        const text = localized.options.find((o) => o.id === option.id);
        if (text) option.translations[locale] = { text: text.text, feedback: text.feedback };
      }
    }
    check.questions.push(question);
  });
  return check;
}

/** Checks that all locales share one structure and builds the course model from them. */
export function mergeLocales({ courseDir, meta, source, byLocale, issues }: MergeInput): Course {
  const locales = [...byLocale.keys()];
  const refLocale = locales[0] as CurriculumLocale;
  const course: Course = {
    slug: meta.slug,
    locales,
    regions: meta.regions,
    themes: meta.themes,
    activityType: meta.activityType,
    estimatedMinutes: meta.estimatedMinutes,
    passMark: meta.passMark,
    translations: {},
    modules: [],
    sourceDir: courseDir,
  };

  for (const [locale, localeCourse] of byLocale) {
    if (localeCourse.title && localeCourse.summary) {
      course.translations[locale] = {
        title: localeCourse.title,
        summary: localeCourse.summary,
        bodyMarkdown: localeCourse.body,
        sourceFile: localeCourse.file,
      };
    }
    const slugs = localeCourse.modules.map((m) => m.slug);
    if (!sameList(meta.modules, slugs)) {
      issues.add(
        join(courseDir, locale),
        `module folders do not match "modules" in course.yaml: ${listDiff(meta.modules, slugs)}`,
      );
    }
  }
  const duplicates = meta.modules.filter((slug, index) => meta.modules.indexOf(slug) !== index);
  if (duplicates.length > 0) {
    issues.add(
      source.file,
      `duplicate module ${duplicates.join(", ")}`,
      lineOfPath(source, ["modules"]),
    );
  }

  meta.modules.forEach((slug, mIndex) => {
    const modules = new Map<CurriculumLocale, LocaleModule>();
    for (const [locale, localeCourse] of byLocale) {
      const found = localeCourse.modules.find((m) => m.slug === slug);
      if (found) modules.set(locale, found);
    }
    const ref = modules.get(refLocale);
    if (!ref) return;
    const courseModule: CourseModule = {
      slug,
      position: mIndex + 1,
      translations: {},
      lessons: [],
      check: buildCheck(moduleChecks(modules), refLocale),
    };
    const refLessons = ref.lessons.map((l) => l.slug);
    for (const [locale, mod] of modules) {
      if (mod.title) {
        courseModule.translations[locale] = {
          title: mod.title,
          ...(mod.summary ? { summary: mod.summary } : {}),
          bodyMarkdown: mod.body,
          sourceFile: join(mod.dir, "module.md"),
        };
      }
      if (locale === refLocale) continue;
      const lessons = mod.lessons.map((l) => l.slug);
      if (!sameList(refLessons, lessons)) {
        issues.add(
          mod.dir,
          `lessons differ from the ${refLocale} version: ${listDiff(refLessons, lessons)}`,
        );
      }
      for (const lesson of mod.lessons) {
        const refLesson = ref.lessons.find((l) => l.slug === lesson.slug);
        if (
          refLesson?.estimatedMinutes !== undefined &&
          lesson.estimatedMinutes !== undefined &&
          refLesson.estimatedMinutes !== lesson.estimatedMinutes
        ) {
          issues.add(
            lesson.file,
            `estimatedMinutes is ${lesson.estimatedMinutes} but the ${refLocale} version says ${refLesson.estimatedMinutes}`,
            lesson.minutesLine,
          );
        }
      }
      if (ref.check && mod.check) {
        compareChecks({ data: ref.check.data, locale: refLocale }, mod.check, issues);
      }
    }
    ref.lessons.forEach((refLesson, lIndex) => {
      const lesson: Lesson = {
        slug: refLesson.slug,
        position: lIndex + 1,
        estimatedMinutes: refLesson.estimatedMinutes ?? 0,
        translations: {},
      };
      for (const [locale, mod] of modules) {
        const localized = mod.lessons.find((l) => l.slug === refLesson.slug);
        if (localized?.title) {
          lesson.translations[locale] = {
            title: localized.title,
            bodyMarkdown: localized.body,
            wordCount: localized.report.wordCount,
            sourceFile: localized.file,
          };
        }
      }
      courseModule.lessons.push(lesson);
    });
    course.modules.push(courseModule);
  });

  const tests = mergeTests(courseDir, byLocale, refLocale, issues);
  if (tests) course.tests = tests;

  // The course's declared duration is what learners are told up front; keep it honest. The
  // pre/post test is not part of it: it measures the course, it does not teach.
  const computed = course.modules.reduce(
    (sum, mod) =>
      sum +
      mod.check.estimatedMinutes +
      mod.lessons.reduce((total, l) => total + l.estimatedMinutes, 0),
    0,
  );
  // Only compare when every lesson and check was readable; otherwise the sum is meaningless and
  // the real problem has already been reported on its own file.
  const complete =
    course.modules.length === meta.modules.length &&
    [...byLocale.values()].every((localeCourse) =>
      localeCourse.modules.every(
        (mod) => mod.check && mod.lessons.every((lesson) => lesson.estimatedMinutes !== undefined),
      ),
    );
  if (complete && computed !== meta.estimatedMinutes) {
    issues.add(
      source.file,
      `estimatedMinutes is ${meta.estimatedMinutes} but the lessons and knowledge checks add up to ${computed}`,
      lineOfPath(source, ["estimatedMinutes"]),
    );
  }
  return course;
}

/**
 * tests.yaml is optional, but all or none: a test in one language only would give the other
 * language's learners no gain to measure. Each locale's forms must match the reference's like
 * module checks do (same questions, options and correct answers).
 */
function mergeTests(
  courseDir: string,
  byLocale: Map<CurriculumLocale, LocaleCourse>,
  refLocale: CurriculumLocale,
  issues: IssueCollector,
): PrePostTests | undefined {
  const withTests = [...byLocale].filter(([, localeCourse]) => localeCourse.tests);
  if (withTests.length === 0) return undefined;
  for (const [locale, localeCourse] of byLocale) {
    if (!localeCourse.tests) {
      issues.add(
        join(courseDir, locale, "tests.yaml"),
        `tests.yaml is missing: ${withTests.map(([other]) => other).join(", ")} has one, and a course's test is in every language or none`,
      );
    }
  }
  const ref = byLocale.get(refLocale)?.tests;
  if (!ref) return undefined;
  const formChecks = (form: TestForm): LocaleChecks => {
    const checks: LocaleChecks = new Map();
    for (const [locale, { tests }] of withTests) {
      if (tests) {
        const data = {
          passMark: 0,
          estimatedMinutes: tests.data.estimatedMinutes,
          questions: tests.data.forms[form],
        };
        checks.set(locale, { data, file: tests.file });
        if (locale !== refLocale) {
          compareChecks(
            {
              // Minutes are compared once, with form A.
              data: {
                passMark: 0,
                estimatedMinutes: form === "A" ? ref.data.estimatedMinutes : data.estimatedMinutes,
                questions: ref.data.forms[form],
              },
              locale: refLocale,
            },
            { data, source: tests.source },
            issues,
            ["forms", form],
          );
        }
      }
    }
    return checks;
  };
  return {
    estimatedMinutes: ref.data.estimatedMinutes,
    forms: { A: buildCheck(formChecks("A"), refLocale), B: buildCheck(formChecks("B"), refLocale) },
  };
}
