import { label } from "@peacelearn/domain";
import { ActivityTypeTag, Badge, Card, RegionBadge } from "@peacelearn/ui";
import { AppLink } from "~/components/app-link";
import { useDiscreetNames } from "~/lib/discreet-names";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import type { CatalogueCourse } from "../catalogue.server";
import { courseHref } from "../hrefs";

/** One course in the catalogue: what it is, its size, languages, regions and themes. */
export function CourseCard({ course, locale }: { course: CatalogueCourse; locale: string }) {
  const { t } = useTranslation("courses");
  const names = useDiscreetNames();
  return (
    <Card className="h-full">
      <h3 className="text-xl font-bold" lang={names.discreet ? undefined : course.title.lang}>
        <AppLink to={courseHref(course.key)} className="text-primary underline">
          {names.course(course.key, course.title.text)}
        </AppLink>
      </h3>
      {course.isEnrolled ? (
        <p>
          <Badge tone="success">{t("catalogue.enrolled")}</Badge>
        </p>
      ) : null}
      {course.summary.text && !names.discreet ? (
        <p lang={course.summary.lang}>{course.summary.text}</p>
      ) : null}
      <p className="text-sm text-ink-muted">
        {t("catalogue.modules", { count: course.moduleCount })} ·{" "}
        {t("catalogue.lessons", { count: course.lessonCount })}
      </p>
      <dl className="flex flex-col gap-2 text-sm">
        <div className="flex flex-wrap items-center gap-2">
          <dt className="font-semibold">{t("catalogue.languages")}</dt>
          <dd className="ms-0">
            {course.locales
              .map((code) => t(runtimeKey(`languages.${code}`), { defaultValue: code }))
              .join(", ")}
          </dd>
        </div>
        {course.regions.length > 0 ? (
          <div className="flex flex-wrap items-center gap-2">
            <dt className="font-semibold">{t("catalogue.regions")}</dt>
            <dd className="ms-0 flex flex-wrap gap-1">
              {course.regions.map((region) => (
                <RegionBadge key={region} region={region} locale={uiLocale(locale)} />
              ))}
            </dd>
          </div>
        ) : null}
        {course.themes.length > 0 && !names.discreet ? (
          <div className="flex flex-wrap items-center gap-2">
            <dt className="font-semibold">{t("catalogue.themes")}</dt>
            <dd className="ms-0">
              {course.themes.map((theme) => label("theme", theme, locale)).join(" · ")}
            </dd>
          </div>
        ) : null}
        {course.activityType ? (
          <div className="flex flex-wrap items-center gap-2">
            <dt className="font-semibold">{t("catalogue.activityType")}</dt>
            <dd className="ms-0">
              <ActivityTypeTag type={course.activityType} locale={uiLocale(locale)} />
            </dd>
          </div>
        ) : null}
      </dl>
    </Card>
  );
}
