import type { Prisma } from "@peacelearn/db";
import type { TestForm } from "@peacelearn/domain";
import type {
  AnswerOption,
  Course,
  CourseModule,
  KnowledgeCheck,
  Lesson,
  PrePostTests,
  Question,
  Translations,
} from "../model";
import {
  type ActivityTypeCode,
  type CurriculumLocale,
  type ProgrammeRegionCode,
  programmeRegions,
  type ThematicDomainCode,
  thematicDomains,
} from "../vocabulary";

// The map from the curriculum model onto the database schema. Everything here is pure: it says
// which rows (and which column values) one course should produce, and the sync code compares that
// with what is stored. Curriculum facts the schema has no column for are listed in the README
// ("What the database does not store yet"); they are validated but not written.

/** Every module has exactly one knowledge check; the schema keys checks within a module. */
export const KNOWLEDGE_CHECK_KEY = "check";

/**
 * Position given to a module, lesson, question or option that left the source but must stay
 * because learner data refers to it (the schema has no `retiredAt` yet). Curriculum positions
 * start at 1, so readers of course content filter `position: { gt: RETIRED_POSITION }`.
 */
export const RETIRED_POSITION = 0;

/** `where` fragment for content that is still part of its course. */
export const activeContent = { position: { gt: RETIRED_POSITION } } as const;

// check.yaml has no title or introduction: the check is titled like the demo seed's.
const checkTitles: Record<CurriculumLocale, string> = {
  en: "Check your understanding",
  fr: "Vérifiez vos acquis",
};

/** Per-locale column values; only the locales present in the source appear. */
export type LocaleRecords<T> = Map<CurriculumLocale, T>;

export type CourseTranslationRecord = Pick<
  Prisma.CourseTranslationCreateManyInput,
  "slug" | "title" | "summary"
>;
export type ModuleTranslationRecord = Pick<
  Prisma.ModuleTranslationCreateManyInput,
  "title" | "summary"
>;
export type LessonTranslationRecord = Pick<
  Prisma.LessonTranslationCreateManyInput,
  "slug" | "title" | "summary" | "body" | "estimatedMinutes"
>;
export type CheckTranslationRecord = Pick<
  Prisma.KnowledgeCheckTranslationCreateManyInput,
  "title" | "intro"
>;
export type QuestionTranslationRecord = Pick<Prisma.QuestionTranslationCreateManyInput, "prompt">;
export type OptionTranslationRecord = Pick<
  Prisma.OptionTranslationCreateManyInput,
  "label" | "feedback"
>;

function perLocale<T, R>(
  translations: Translations<T>,
  map: (text: T, locale: CurriculumLocale) => R,
): LocaleRecords<R> {
  const records: LocaleRecords<R> = new Map();
  for (const [locale, text] of Object.entries(translations) as [CurriculumLocale, T][]) {
    if (text !== undefined) records.set(locale, map(text, locale));
  }
  return records;
}

/** The course row's own columns that come from course.yaml (besides its key). */
export interface CourseMetadataRecord {
  regions: ProgrammeRegionCode[];
  themes: ThematicDomainCode[];
  activityType: ActivityTypeCode;
}

/**
 * `regions` and `themes` are sets: stored once each, in the vocabulary's order, so that
 * reordering or repeating a code in course.yaml changes nothing in the database (and costs no
 * write on re-import), and every reader lists regions in one order.
 */
export function courseMetadata(course: Course): CourseMetadataRecord {
  return {
    regions: programmeRegions.filter((code) => course.regions.includes(code)),
    themes: thematicDomains.filter((code) => course.themes.includes(code)),
    activityType: course.activityType,
  };
}

/** The metadata columns of `record` whose stored value differs (an empty object: nothing to write). */
export function changedCourseMetadata(
  stored: { regions: readonly string[]; themes: readonly string[]; activityType: string | null },
  record: CourseMetadataRecord,
): Partial<CourseMetadataRecord> {
  const sameList = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((code, index) => code === b[index]);
  return {
    ...(sameList(stored.regions, record.regions) ? {} : { regions: record.regions }),
    ...(sameList(stored.themes, record.themes) ? {} : { themes: record.themes }),
    ...(stored.activityType === record.activityType ? {} : { activityType: record.activityType }),
  };
}

export function courseTranslations(course: Course): LocaleRecords<CourseTranslationRecord> {
  // One slug for every locale: the folder name is the course's only slug.
  return perLocale(course.translations, (text) => ({
    slug: course.slug,
    title: text.title,
    summary: text.summary,
  }));
}

export function moduleTranslations(mod: CourseModule): LocaleRecords<ModuleTranslationRecord> {
  return perLocale(mod.translations, (text) => ({
    title: text.title,
    summary: text.summary ?? "",
  }));
}

export function lessonTranslations(lesson: Lesson): LocaleRecords<LessonTranslationRecord> {
  // Minutes are locale-independent in the curriculum (validated equal across locales), so every
  // locale's row gets the same figure; lessons have no summary in the curriculum.
  return perLocale(lesson.translations, (text) => ({
    slug: lesson.slug,
    title: text.title,
    summary: "",
    body: text.bodyMarkdown,
    estimatedMinutes: lesson.estimatedMinutes,
  }));
}

/** A pre/post test's kind, as stored in KnowledgeCheck.kind. */
export type TestKind = "pre" | "post";

const testTitles: Record<TestKind, Record<CurriculumLocale, (form: TestForm) => string>> = {
  pre: {
    en: (form) => `Before the course: what do you know? (form ${form})`,
    fr: (form) => `Avant le cours : que savez-vous ? (forme ${form})`,
  },
  post: {
    en: (form) => `After the course: what have you learnt? (form ${form})`,
    fr: (form) => `Après le cours : qu’avez-vous appris ? (forme ${form})`,
  },
};

/** A check's title in a locale: a module check's, or a test's by kind and form. */
export type CheckTitle = (locale: CurriculumLocale) => string;

export const moduleCheckTitle: CheckTitle = (locale) => checkTitles[locale];

function testTitle(kind: TestKind, form: TestForm): CheckTitle {
  return (locale) => testTitles[kind][locale](form);
}

export function checkTranslations(
  check: KnowledgeCheck,
  title: CheckTitle,
): LocaleRecords<CheckTranslationRecord> {
  // One check.yaml (or tests.yaml) per locale; it has no title or introduction of its own.
  return perLocale(check.sourceFiles, (_file, locale) => ({ title: title(locale), intro: "" }));
}

export function questionTranslations(question: Question): LocaleRecords<QuestionTranslationRecord> {
  return perLocale(question.translations, (text) => ({ prompt: text.prompt }));
}

export function optionTranslations(option: AnswerOption): LocaleRecords<OptionTranslationRecord> {
  return perLocale(option.translations, (text) => ({ label: text.text, feedback: text.feedback }));
}

function createTranslations<R>(records: LocaleRecords<R>): { create: (R & { locale: string })[] } {
  return { create: [...records].map(([locale, record]) => ({ locale, ...record })) };
}

// Nested creates for content that is new to the database: one Prisma call per new subtree.

export function optionCreate(
  option: AnswerOption,
): Prisma.KnowledgeCheckOptionCreateWithoutQuestionInput {
  return {
    key: option.id,
    position: option.position,
    isCorrect: option.isCorrect,
    translations: createTranslations(optionTranslations(option)),
  };
}

export function questionCreate(
  question: Question,
): Prisma.KnowledgeCheckQuestionCreateWithoutKnowledgeCheckInput {
  return {
    key: question.id,
    position: question.position,
    kind: question.kind,
    translations: createTranslations(questionTranslations(question)),
    options: { create: question.options.map(optionCreate) },
  };
}

export function checkCreate(
  mod: CourseModule,
): Omit<Prisma.KnowledgeCheckCreateWithoutModuleInput, "course"> {
  return {
    key: KNOWLEDGE_CHECK_KEY,
    passMark: mod.check.passMark,
    translations: createTranslations(checkTranslations(mod.check, moduleCheckTitle)),
    questions: { create: mod.check.questions.map(questionCreate) },
  };
}

/** The stable key of a course's test check: "pre-a", "pre-b", "post-a", "post-b". */
function prePostTestKey(kind: TestKind, form: TestForm): string {
  return `${kind}-${form.toLowerCase()}`;
}

/** The four checks a course's tests.yaml gives: each form as a pre-test and as a post-test. */
export function prePostTestChecks(
  tests: PrePostTests,
): { key: string; kind: TestKind; form: TestForm; check: KnowledgeCheck; title: CheckTitle }[] {
  return (["pre", "post"] as const).flatMap((kind) =>
    (["A", "B"] as const).map((form) => ({
      key: prePostTestKey(kind, form),
      kind,
      form,
      check: tests.forms[form],
      title: testTitle(kind, form),
    })),
  );
}

export function prePostTestCreate(
  test: ReturnType<typeof prePostTestChecks>[number],
): Omit<Prisma.KnowledgeCheckCreateWithoutCourseInput, "module"> {
  return {
    key: test.key,
    kind: test.kind,
    form: test.form,
    // Tests have no pass mark: they measure, nobody passes or fails them.
    passMark: 0,
    translations: createTranslations(checkTranslations(test.check, test.title)),
    questions: { create: test.check.questions.map(questionCreate) },
  };
}

export function lessonCreate(lesson: Lesson): Prisma.LessonCreateWithoutModuleInput {
  return {
    key: lesson.slug,
    position: lesson.position,
    translations: createTranslations(lessonTranslations(lesson)),
  };
}

export function moduleCreate(mod: CourseModule): Prisma.ModuleCreateWithoutCourseInput {
  return {
    key: mod.slug,
    position: mod.position,
    translations: createTranslations(moduleTranslations(mod)),
    lessons: { create: mod.lessons.map(lessonCreate) },
    knowledgeChecks: { create: checkCreate(mod) },
  };
}
