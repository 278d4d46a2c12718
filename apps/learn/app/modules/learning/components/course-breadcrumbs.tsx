import { Breadcrumbs } from "@peacelearn/ui";
import type { ReactNode } from "react";
import { href } from "react-router";
import { AppLink } from "~/components/app-link";
import { useDiscreetNames } from "~/lib/discreet-names";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { courseHref } from "~/modules/courses/hrefs";
import type { LocalizedText } from "~/modules/courses/translation";

/** "Courses › <the course> › …": the course named neutrally in discreet mode (ADR 022). */
export function CourseBreadcrumbs({
  locale,
  course,
  more = [],
  collapseOnNarrow,
}: {
  locale: string;
  course: { key: string; title: LocalizedText };
  more?: Array<{ label: ReactNode; href: string }>;
  collapseOnNarrow?: boolean;
}) {
  const { t } = useTranslation("courses");
  const names = useDiscreetNames();
  return (
    <Breadcrumbs
      locale={uiLocale(locale)}
      collapseOnNarrow={collapseOnNarrow ?? false}
      renderLink={({ href, ...props }) => <AppLink to={href} {...props} />}
      items={[
        { label: t("course.breadcrumb"), href: href("/courses") },
        {
          label: names.course(
            course.key,
            <span lang={course.title.lang}>{course.title.text}</span>,
          ),
          href: courseHref(course.key),
        },
        ...more,
      ]}
    />
  );
}
