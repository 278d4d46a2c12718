import { checkHref, courseHref, lessonHref } from "~/modules/courses/hrefs";

/** A place a learner can go from a lesson. */
export type Step =
  | { kind: "lesson"; moduleKey: string; lessonKey: string }
  | { kind: "check"; moduleKey: string }
  | { kind: "course" };

type NavModule = {
  key: string;
  hasCheck: boolean;
  lessons: ReadonlyArray<{ key: string }>;
};

/**
 * The steps before and after a lesson, across module boundaries. After a module's last lesson
 * comes its knowledge check (when it has one), then the next module's first lesson; after the
 * course's last lesson (and check), the course page. "Previous" only ever goes to a lesson.
 * Returns null when the lesson is not in the course.
 */
export function lessonNeighbours(
  modules: readonly NavModule[],
  lessonKey: string,
): { previous: Step | null; next: Step } | null {
  const flat = modules.flatMap((module, moduleIndex) =>
    module.lessons.map((lesson, lessonIndex) => ({
      module,
      moduleIndex,
      lesson,
      isLastOfModule: lessonIndex === module.lessons.length - 1,
    })),
  );
  const index = flat.findIndex((entry) => entry.lesson.key === lessonKey);
  const current = flat[index];
  if (!current) return null;

  const before = flat[index - 1];
  const previous: Step | null = before
    ? { kind: "lesson", moduleKey: before.module.key, lessonKey: before.lesson.key }
    : null;

  const after = flat[index + 1];
  let next: Step;
  if (current.isLastOfModule && current.module.hasCheck) {
    next = { kind: "check", moduleKey: current.module.key };
  } else if (after) {
    next = { kind: "lesson", moduleKey: after.module.key, lessonKey: after.lesson.key };
  } else {
    next = { kind: "course" };
  }
  return { previous, next };
}

/**
 * Where a passed knowledge check leads: the first lesson of the next module that has one, or
 * null at the end of the course (the certificate, when issued, or the course page).
 */
export function nextModuleStep(
  modules: readonly NavModule[],
  moduleKey: string,
): Extract<Step, { kind: "lesson" }> | null {
  const index = modules.findIndex((module) => module.key === moduleKey);
  if (index < 0) return null;
  for (const module of modules.slice(index + 1)) {
    const first = module.lessons[0];
    if (first) return { kind: "lesson", moduleKey: module.key, lessonKey: first.key };
  }
  return null;
}

export function stepHref(courseKey: string, step: Step): string {
  switch (step.kind) {
    case "lesson":
      return lessonHref(courseKey, step.lessonKey);
    case "check":
      return checkHref(courseKey, step.moduleKey);
    case "course":
      return courseHref(courseKey);
  }
}
