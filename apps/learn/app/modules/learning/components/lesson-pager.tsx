import { AppLink } from "~/components/app-link";
import { useTranslation } from "~/lib/i18n-react";
import { type Step, stepHref } from "../navigation";

/** Previous / next links under a lesson; "next" names where it goes (lesson, check, course). */
export function LessonPager({
  courseKey,
  previous,
  next,
}: {
  courseKey: string;
  previous: Step | null;
  next: Step;
}) {
  const { t } = useTranslation("courses");
  const nextLabel =
    next.kind === "lesson"
      ? t("lesson.nextLesson")
      : next.kind === "check"
        ? t("lesson.nextCheck")
        : t("lesson.backToCourse");
  const link = "focus-ring inline-block rounded-control py-2 font-semibold text-primary underline";

  return (
    <nav aria-label={t("lesson.pagination")}>
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
          <AppLink
            to={stepHref(courseKey, next)}
            rel={next.kind === "lesson" ? "next" : undefined}
            className={link}
          >
            {nextLabel}
            <span aria-hidden="true"> →</span>
          </AppLink>
        </li>
      </ul>
    </nav>
  );
}
