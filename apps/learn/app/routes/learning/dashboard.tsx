import { EmptyState, LinkButton } from "@peacelearn/ui";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { useTranslation } from "~/lib/i18n-react";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { requireUser } from "~/modules/auth/guards.server";
import {
  CompletedCourseCard,
  CourseInProgressCard,
} from "~/modules/learning/components/course-cards";
import { FollowUpList } from "~/modules/learning/components/follow-up-list";
import { loadDashboard } from "~/modules/learning/dashboard.server";
import type { Route } from "./+types/dashboard";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const dashboard = await loadDashboard(db, { userId: user.id, locale });
  return { locale, ...dashboard };
}

export default function MyLearningPage({ loaderData }: Route.ComponentProps) {
  const { locale, inProgress, completed, followUps } = loaderData;
  const { t } = useTranslation("courses");
  const title = usePageTitle(t("learning.title"));
  const hasCourses = inProgress.length + completed.length > 0;

  return (
    <div className="flex flex-col gap-8">
      <title>{title}</title>
      <h1 className="text-3xl font-bold">{t("learning.title")}</h1>

      {hasCourses ? null : (
        <EmptyState
          title={t("learning.emptyTitle")}
          description={t("learning.emptyBody")}
          action={
            <LinkButton as={AppLink} to="/courses">
              {t("learning.browse")}
            </LinkButton>
          }
        />
      )}

      {inProgress.length > 0 ? (
        <section aria-labelledby="learning-in-progress" className="flex flex-col gap-4">
          <h2 id="learning-in-progress" className="text-2xl font-bold">
            {t("learning.inProgressHeading")}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            {inProgress.map((course) => (
              <li key={course.key}>
                <CourseInProgressCard course={course} locale={locale} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {completed.length > 0 ? (
        <section aria-labelledby="learning-completed" className="flex flex-col gap-4">
          <h2 id="learning-completed" className="text-2xl font-bold">
            {t("learning.completedHeading")}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            {completed.map((course) => (
              <li key={course.key}>
                <CompletedCourseCard course={course} locale={locale} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <FollowUpList followUps={followUps} locale={locale} />
    </div>
  );
}
