import { href } from "react-router";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "~/lib/i18n-react";

/**
 * Where a trainee finds her action plans: a section of "My learning", and a line on a course
 * page once she finished the course.
 */
export function ActionPlansEntry({ variant }: { variant: "learning" | "course-completed" }) {
  const { t } = useTranslation("plans");
  if (variant === "course-completed") {
    return (
      <p className="flex flex-col gap-1">
        <span>{t("fromCourse.body")}</span>
        <AppLink to={href("/action-plans/new")} className="font-semibold text-primary underline">
          {t("fromCourse.link")}
        </AppLink>
      </p>
    );
  }
  return (
    <section aria-labelledby="learning-plans" className="flex flex-col gap-2">
      <h2 id="learning-plans" className="text-2xl font-bold">
        {t("fromLearning.title")}
      </h2>
      <p>{t("fromLearning.body")}</p>
      <p>
        <AppLink to={href("/action-plans")} className="font-semibold text-primary underline">
          {t("fromLearning.link")}
        </AppLink>
      </p>
    </section>
  );
}
