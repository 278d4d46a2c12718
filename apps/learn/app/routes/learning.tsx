import { Alert, EmptyState, LinkButton } from "@peacelearn/ui";
import { data, href, redirect } from "react-router";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { parseForm } from "~/lib/form.server";
import { assertSameOrigin } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n-react";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { ActionPlansEntry } from "~/modules/action-plans/components/plans-entry";
import { requireUser } from "~/modules/auth/guards.server";
import {
  acceptInvitation,
  declineInvitation,
  listOpenInvitations,
} from "~/modules/cohorts/invitations.server";
import { InvitationAnswerSchema } from "~/modules/cohorts/schema";
import { courseHref } from "~/modules/courses/hrefs";
import { CohortInvitations } from "~/modules/learning/components/cohort-invitations";
import {
  CompletedCourseCard,
  CourseInProgressCard,
} from "~/modules/learning/components/course-cards";
import { FollowUpList } from "~/modules/learning/components/follow-up-list";
import { WorkshopList } from "~/modules/learning/components/workshop-list";
import { loadDashboard } from "~/modules/learning/dashboard.server";
import { loadMyWorkshops } from "~/modules/learning/workshops.server";
import type { Route } from "./+types/learning";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const now = new Date();
  const [dashboard, invitations, workshops] = await Promise.all([
    loadDashboard(db, { userId: user.id, locale, now }),
    listOpenInvitations(db, { userId: user.id, locale, now }),
    loadMyWorkshops(db, { userId: user.id, now }),
  ]);
  return { locale, ...dashboard, invitations, workshops };
}

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const submission = await parseForm({ request, context }, InvitationAnswerSchema);
  if (submission.status !== "success") {
    return data({ answer: null, result: submission.reply() }, { status: 400 });
  }
  const db = await getDb();
  const input = { userId: user.id, invitationId: submission.value.invitationId, now: new Date() };
  const answer =
    submission.value.intent === "accept-invitation"
      ? await acceptInvitation(db, input)
      : await declineInvitation(db, input);
  // Joined: straight to the cohort's course, as a joining link does.
  if (answer.status === "accepted") return redirect(courseHref(answer.courseKey), { status: 303 });
  return data(
    { answer: answer.status, result: submission.reply() },
    { status: answer.status === "declined" ? 200 : 404 },
  );
}

export default function MyLearningPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, inProgress, completed, followUps, invitations, workshops } = loaderData;
  const { t } = useTranslation("courses");
  const title = usePageTitle(t("learning.title"));
  const hasCourses = inProgress.length + completed.length > 0;

  return (
    <div className="flex flex-col gap-8">
      <title>{title}</title>
      <h1 className="text-3xl font-bold">{t("learning.title")}</h1>

      {actionData?.answer ? (
        <Alert
          tone={actionData.answer === "declined" ? "info" : "warning"}
          title={t(`learning.invitations.answered.${actionData.answer}`)}
        />
      ) : null}

      <CohortInvitations invitations={invitations} locale={locale} />

      {hasCourses ? null : (
        <EmptyState
          title={t("learning.emptyTitle")}
          description={t("learning.emptyBody")}
          action={
            <LinkButton as={AppLink} to={href("/courses")}>
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

      <WorkshopList workshops={workshops} locale={locale} />

      <FollowUpList followUps={followUps} locale={locale} />

      <ActionPlansEntry variant="learning" />
    </div>
  );
}
