import type { QuestionKind } from "@peacelearn/db/schemas";
import type { TestForm } from "@peacelearn/domain";
import type {
  ActivityTypeCode,
  CurriculumLocale,
  ProgrammeRegionCode,
  ThematicDomainCode,
} from "./vocabulary";

// The in-memory model mirrors the database shape the importer will write:
// Course → Module → Lesson (+ translations by locale) → KnowledgeCheck → Question → Option.
// Every entity carries a stable slug/id (shared by all locales) and a 1-based position, so the
// importer can upsert on (parent, slug) and never duplicate on re-import.

export type Translations<T> = Partial<Record<CurriculumLocale, T>>;

export interface CourseTranslation {
  title: string;
  summary: string;
  /** Optional introduction, Markdown. */
  bodyMarkdown: string;
  sourceFile: string;
}

export interface ModuleTranslation {
  title: string;
  summary?: string;
  bodyMarkdown: string;
  sourceFile: string;
}

export interface LessonTranslation {
  title: string;
  bodyMarkdown: string;
  wordCount: number;
  sourceFile: string;
}

export interface OptionTranslation {
  text: string;
  feedback: string;
}

export interface AnswerOption {
  id: string;
  position: number;
  isCorrect: boolean;
  translations: Translations<OptionTranslation>;
}

export interface Question {
  id: string;
  position: number;
  kind: QuestionKind;
  translations: Translations<{ prompt: string }>;
  options: AnswerOption[];
}

export interface KnowledgeCheck {
  /** Percentage (1–100) of questions to answer correctly. */
  passMark: number;
  estimatedMinutes: number;
  questions: Question[];
  sourceFiles: Translations<string>;
}

/**
 * A course's pre/post test (tests.yaml): two parallel forms. Each form is imported twice, as a
 * "pre" and a "post" knowledge check of the course (ADR 029); tests have no pass mark.
 */
export interface PrePostTests {
  estimatedMinutes: number;
  forms: Record<TestForm, KnowledgeCheck>;
}

export interface Lesson {
  slug: string;
  position: number;
  estimatedMinutes: number;
  translations: Translations<LessonTranslation>;
}

export interface CourseModule {
  slug: string;
  position: number;
  translations: Translations<ModuleTranslation>;
  lessons: Lesson[];
  check: KnowledgeCheck;
}

export interface Course {
  slug: string;
  locales: CurriculumLocale[];
  regions: ProgrammeRegionCode[];
  themes: ThematicDomainCode[];
  activityType: ActivityTypeCode;
  estimatedMinutes: number;
  /** Percentage (1–100) needed across the course's knowledge checks. */
  passMark: number;
  translations: Translations<CourseTranslation>;
  modules: CourseModule[];
  /** The optional pre/post test; absent when the course has no tests.yaml. */
  tests?: PrePostTests;
  sourceDir: string;
}

export interface Curriculum {
  rootDir: string;
  courses: Course[];
}

/** `(done, total, file)`: called after each file is read, for a progress bar. */
export type ProgressCallback = (done: number, total: number, file: string) => void;
