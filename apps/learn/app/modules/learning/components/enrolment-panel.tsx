import { Button, Card, LinkButton, ProgressBar } from "@peacelearn/ui";
import { href } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { courseHref, lessonHref, resumeHref } from "~/modules/courses/hrefs";
import type { CoursePage } from "../course-page.server";
import type { EnrolmentStatus } from "../enrolment.server";

/**
 * The course page's call to action: sign in, enrol, start, resume or review — and overall
 * progress once enrolled.
 */
export function EnrolmentPanel({
  courseKey,
  locale,
  isSignedIn,
  enrolment,
  progress,
  firstLessonKey,
}: {
  courseKey: string;
  locale: string;
  isSignedIn: boolean;
  enrolment: EnrolmentStatus;
  progress: CoursePage["progress"];
  firstLessonKey: string | null;
}) {
  const { t } = useTranslation("courses");

  if (!isSignedIn) {
    const login = `${href("/login")}?${new URLSearchParams({ redirectTo: courseHref(courseKey) })}`;
    return (
      <Card>
        <div>
          <LinkButton as={AppLink} to={login}>
            {t("course.signInToEnrol")}
          </LinkButton>
        </div>
      </Card>
    );
  }

  if (!enrolment) {
    return (
      <Card>
        <AppForm method="post">
          <input type="hidden" name="intent" value="enrol" />
          <Button type="submit">{t("course.enrol")}</Button>
        </AppForm>
      </Card>
    );
  }

  const count = progress?.course ?? { completed: 0, total: 0, percent: 0 };
  const isDone = count.total > 0 && count.completed === count.total;
  let action: { href: string; label: string } | null = null;
  if (isDone && firstLessonKey) {
    action = { href: lessonHref(courseKey, firstLessonKey), label: t("course.review") };
  } else if (!isDone) {
    action = {
      href: resumeHref(courseKey),
      label: progress?.hasStarted ? t("course.resume") : t("course.start"),
    };
  }

  return (
    <Card>
      <p>{enrolment.source === "cohort" ? t("course.enrolledCohort") : t("course.enrolledSelf")}</p>
      <ProgressBar
        locale={uiLocale(locale)}
        label={t("course.progressLabel")}
        value={count.completed}
        max={Math.max(count.total, 1)}
        valueText={t("course.progressValue", { completed: count.completed, count: count.total })}
      />
      {action ? (
        <div>
          <LinkButton as={AppLink} to={action.href}>
            {action.label}
          </LinkButton>
        </div>
      ) : null}
    </Card>
  );
}
