import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "~/lib/i18n-react";
import { useNeutralUrl } from "~/lib/page-title";
import { type Step, stepHref } from "../navigation";

/**
 * Previous / next links under a lesson; "next" names where it goes (lesson, check, course).
 * Moving on to the next lesson or the check from a lesson not yet completed completes it, as
 * "Mark as complete and continue" does (the same form): reading a whole course with "Next" must
 * earn its certificate, online or offline (docs/decisions/028-offline-writes.md). `data-next`
 * tells the service worker where "continue" leads once it has kept such a form offline.
 */
export function LessonPager({
  courseKey,
  previous,
  next,
  isCompleted,
}: {
  courseKey: string;
  previous: Step | null;
  next: Step;
  isCompleted: boolean;
}) {
  const { t } = useTranslation("courses");
  const neutral = useNeutralUrl();
  const nextLabel =
    next.kind === "lesson"
      ? t("lesson.nextLesson")
      : next.kind === "check"
        ? t("lesson.nextCheck")
        : t("lesson.backToCourse");
  const link = "focus-ring inline-block rounded-control py-2 font-semibold text-primary underline";
  const nextHref = stepHref(courseKey, next);

  return (
    <nav aria-label={t("lesson.pagination")} data-next={neutral(nextHref)}>
      <ul className="flex flex-wrap justify-between gap-4">
        <li>
          {previous ? (
            <AppLink to={stepHref(courseKey, previous)} rel="prev" className={link}>
              <span aria-hidden="true">← </span>
              {t("lesson.previous")}
            </AppLink>
          ) : null}
        </li>
        <li className="ms-auto">
          {!isCompleted && next.kind !== "course" ? (
            <AppForm method="post">
              <input type="hidden" name="intent" value="complete" />
              <button type="submit" className={`${link} cursor-pointer`}>
                {nextLabel}
                <span aria-hidden="true"> →</span>
              </button>
            </AppForm>
          ) : (
            <AppLink
              to={nextHref}
              rel={next.kind === "lesson" ? "next" : undefined}
              className={link}
            >
              {nextLabel}
              <span aria-hidden="true"> →</span>
            </AppLink>
          )}
        </li>
      </ul>
    </nav>
  );
}
