import type { DbTransaction, Prisma } from "@peacelearn/db";
import type { ImportReport } from "./import-report";

const storedCheckInclude = {
  translations: true,
  _count: { select: { attempts: true, testAttempts: true } },
  questions: {
    include: { translations: true, options: { include: { translations: true } } },
  },
} satisfies Prisma.KnowledgeCheckInclude;

/** Everything stored under a course, read in one query so that unchanged content costs no writes. */
export const storedCourseInclude = {
  translations: true,
  modules: {
    include: {
      translations: true,
      lessons: { include: { translations: true, _count: { select: { progress: true } } } },
      knowledgeChecks: { include: storedCheckInclude },
    },
  },
  prePostTests: { include: storedCheckInclude },
} satisfies Prisma.CourseInclude;

type StoredCourse = Prisma.CourseGetPayload<{ include: typeof storedCourseInclude }>;
export type StoredModule = StoredCourse["modules"][number];
export type StoredLesson = StoredModule["lessons"][number];
export type StoredCheck = StoredModule["knowledgeChecks"][number];
export type StoredQuestion = StoredCheck["questions"][number];
export type StoredOption = StoredQuestion["options"][number];

/** Shared by the sync functions of one import run. */
export interface ImportContext {
  tx: DbTransaction;
  report: ImportReport;
  now: Date;
  /** Marks one unit of work done (a course, module, lesson or check) for the progress bar. */
  step(label: string): void;
}

/** `byKey(rows)` — stored rows by their stable key. */
export function byKey<T extends { key: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.key, row]));
}
