export {
  activeContent,
  KNOWLEDGE_CHECK_KEY,
  RETIRED_POSITION,
} from "./import/course-records";
export { CurriculumImportError } from "./import/curriculum-import-error";
export {
  type ImportBundledCoursesOptions,
  type ImportCurriculumOptions,
  type ImportPhase,
  importBundledCourses,
  importCurriculum,
} from "./import/import-curriculum";
export {
  formatReport,
  type ImportCounts,
  type ImportReport,
  isUnchanged,
} from "./import/import-report";
export { CurriculumError, type CurriculumIssue, formatIssue } from "./issues";
export {
  type CurriculumCheck,
  checkCurriculum,
  type LoadCurriculumOptions,
  loadCurriculum,
} from "./load-curriculum";
export type {
  AnswerOption,
  Course,
  CourseModule,
  CourseTranslation,
  Curriculum,
  KnowledgeCheck,
  Lesson,
  LessonTranslation,
  ModuleTranslation,
  OptionTranslation,
  ProgressCallback,
  Question,
  Translations,
} from "./model";
export { coursesDir } from "./paths";
export {
  type CheckFile,
  type CourseFile,
  checkFileSchema,
  courseFileSchema,
  courseTextSchema,
  lessonFrontMatterSchema,
  moduleTextSchema,
} from "./schema";
export {
  type CourseSummary,
  type LocaleSummary,
  summariseCurriculum,
  totalsByLocale,
} from "./summary";
export * from "./vocabulary";
