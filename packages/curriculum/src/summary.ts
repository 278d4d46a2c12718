import type { Curriculum } from "./model";
import type { CurriculumLocale } from "./vocabulary";

export interface LocaleSummary {
  locale: CurriculumLocale;
  courses: number;
  modules: number;
  lessons: number;
  questions: number;
  words: number;
  /** Lessons plus knowledge checks, from the authors' estimates. */
  estimatedMinutes: number;
}

export interface CourseSummary {
  slug: string;
  declaredMinutes: number;
  perLocale: LocaleSummary[];
}

function emptySummary(locale: CurriculumLocale): LocaleSummary {
  return {
    locale,
    courses: 0,
    modules: 0,
    lessons: 0,
    questions: 0,
    words: 0,
    estimatedMinutes: 0,
  };
}

/** Counts per course and locale, for the validate CLI and the importer's report. */
export function summariseCurriculum(curriculum: Curriculum): CourseSummary[] {
  return curriculum.courses.map((course) => ({
    slug: course.slug,
    declaredMinutes: course.estimatedMinutes,
    perLocale: course.locales.map((locale) => {
      const summary = emptySummary(locale);
      if (course.translations[locale]) summary.courses = 1;
      for (const mod of course.modules) {
        if (!mod.translations[locale]) continue;
        summary.modules += 1;
        summary.estimatedMinutes += mod.check.estimatedMinutes;
        summary.questions += mod.check.questions.filter((q) => q.translations[locale]).length;
        for (const lesson of mod.lessons) {
          const translation = lesson.translations[locale];
          if (!translation) continue;
          summary.lessons += 1;
          summary.words += translation.wordCount;
          summary.estimatedMinutes += lesson.estimatedMinutes;
        }
      }
      return summary;
    }),
  }));
}

/** Adds the per-course summaries up by locale. */
export function totalsByLocale(summaries: CourseSummary[]): LocaleSummary[] {
  const totals = new Map<CurriculumLocale, LocaleSummary>();
  for (const course of summaries) {
    for (const row of course.perLocale) {
      const total = totals.get(row.locale) ?? emptySummary(row.locale);
      for (const key of [
        "courses",
        "modules",
        "lessons",
        "questions",
        "words",
        "estimatedMinutes",
      ] as const) {
        total[key] += row[key];
      }
      totals.set(row.locale, total);
    }
  }
  return [...totals.values()];
}
