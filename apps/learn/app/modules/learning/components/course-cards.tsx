import { Badge, Card, LinkButton, ProgressBar } from "@peacelearn/ui";
import { AppLink } from "~/components/app-link";
import { useDiscreetNames } from "~/lib/discreet-names";
import { formatDay, formatPercent } from "~/lib/format";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { certificateHref, courseHref, resumeHref } from "~/modules/courses/hrefs";
import type { DashboardCourse } from "../dashboard.server";

function CourseTitle({ course }: { course: DashboardCourse }) {
  const names = useDiscreetNames();
  return (
    <AppLink
      to={courseHref(course.key)}
      className="text-primary underline"
      lang={names.discreet ? undefined : course.title.lang}
    >
      {names.course(course.key, course.title.text)}
    </AppLink>
  );
}

/** A course the user is enrolled in and has not finished: progress and a way back in. */
export function CourseInProgressCard({
  course,
  locale,
}: {
  course: DashboardCourse;
  locale: string;
}) {
  const { t } = useTranslation("courses");
  const { completed, total } = course.progress;
  return (
    <Card className="h-full" headingLevel={3} title={<CourseTitle course={course} />}>
      {course.source === "cohort" ? (
        <p>
          <Badge tone="info">{t("learning.viaCohort")}</Badge>
        </p>
      ) : null}
      <ProgressBar
        locale={uiLocale(locale)}
        label={t("learning.progressLabel")}
        value={completed}
        max={Math.max(total, 1)}
        valueText={`${formatPercent(course.progress.percent, locale)} · ${t("course.progressValue", { completed, count: total })}`}
      />
      <p className="text-sm text-ink-muted">
        {t("learning.enrolledOn", { date: formatDay(course.enrolledAt, locale) })}
      </p>
      <div>
        <LinkButton as={AppLink} to={resumeHref(course.key)}>
          {t("learning.resume")}
        </LinkButton>
      </div>
    </Card>
  );
}

/** A finished course with its certificate. */
export function CompletedCourseCard({
  course,
  locale,
}: {
  course: DashboardCourse;
  locale: string;
}) {
  const { t } = useTranslation("courses");
  return (
    <Card className="h-full" headingLevel={3} title={<CourseTitle course={course} />}>
      {course.completedAt ? (
        <p className="text-sm text-ink-muted">
          {t("learning.completedOn", { date: formatDay(course.completedAt, locale) })}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <LinkButton as={AppLink} to={certificateHref(course.key)}>
          {t("learning.certificate")}
        </LinkButton>
        <LinkButton as={AppLink} to={courseHref(course.key)} variant="secondary">
          {t("learning.viewCourse")}
        </LinkButton>
      </div>
    </Card>
  );
}
