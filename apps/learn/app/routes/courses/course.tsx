import { Alert } from "@peacelearn/ui";
import { data, redirect } from "react-router";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { useDiscreetNames } from "~/lib/discreet-names";
import { parseForm } from "~/lib/form.server";
import { formState } from "~/lib/forms";
import { assertSameOrigin } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n-react";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { ActionPlansEntry } from "~/modules/action-plans/components/plans-entry";
import { getUser, requireUser } from "~/modules/auth/guards.server";
import { courseHref, offlinePackHref } from "~/modules/courses/hrefs";
import { CourseIntentSchema } from "~/modules/courses/schema";
import { PrePostTestLinks } from "~/modules/evaluation/components/pre-post-test-links";
import { coursePageTests } from "~/modules/evaluation/test-page.server";
import { CourseBreadcrumbs } from "~/modules/learning/components/course-breadcrumbs";
import { EnrolmentPanel } from "~/modules/learning/components/enrolment-panel";
import { ModuleOutline } from "~/modules/learning/components/module-outline";
import { loadCoursePage } from "~/modules/learning/course-page.server";
import { enrolInCourse } from "~/modules/learning/enrolment.server";
import type { Route } from "./+types/course";

export async function loader({ request, params }: Route.LoaderArgs) {
  const [locale, user, db] = await Promise.all([getLocale(request), getUser(request), getDb()]);
  const [page, tests] = await Promise.all([
    loadCoursePage(db, { courseKey: params.courseKey, locale, user }),
    user ? coursePageTests(db, { userId: user.id, courseKey: params.courseKey }) : null,
  ]);
  return { locale, isSignedIn: user !== null, ...page, tests };
}

/** Self-enrolment. Enrolling twice (a double tap on 2G) leaves one enrolment. */
export async function action({ request, params, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const submission = await parseForm({ request, context }, CourseIntentSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  await enrolInCourse(await getDb(), { user, courseKey: params.courseKey });
  return redirect(courseHref(params.courseKey), 303);
}

export default function CoursePage({ loaderData, actionData }: Route.ComponentProps) {
  const { outline, progress, enrolment, locale, isSignedIn } = loaderData;
  const { t } = useTranslation("courses");
  const title = usePageTitle(outline.title.text);
  const names = useDiscreetNames();
  const formError = formState(actionData?.result, t).error("intent");
  const hasFallbackText =
    outline.title.lang !== locale ||
    outline.modules.some(
      (module) =>
        module.title.lang !== locale || module.lessons.some((l) => l.title.lang !== locale),
    );

  return (
    <div className="flex flex-col gap-6">
      <title>{title}</title>
      <CourseBreadcrumbs locale={locale} course={outline} />
      <div className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold" lang={names.discreet ? undefined : outline.title.lang}>
          {names.course(outline.key, outline.title.text)}
        </h1>
        {outline.summary.text && !names.discreet ? (
          <p className="max-w-3xl text-lg" lang={outline.summary.lang}>
            {outline.summary.text}
          </p>
        ) : null}
      </div>
      {outline.isPublished ? null : (
        <Alert tone="warning" role="none">
          {t("course.unpublished")}
        </Alert>
      )}
      {hasFallbackText ? (
        <Alert tone="info" role="none">
          {t("course.notTranslated")}
        </Alert>
      ) : null}
      {formError ? (
        <Alert tone="danger" role="alert">
          {formError}
        </Alert>
      ) : null}

      <EnrolmentPanel
        courseKey={outline.key}
        locale={locale}
        isSignedIn={isSignedIn}
        enrolment={enrolment}
        progress={progress}
        firstLessonKey={outline.modules[0]?.lessons[0]?.key ?? null}
      />
      {enrolment?.completedAt ? <ActionPlansEntry variant="course-completed" /> : null}
      {loaderData.tests ? (
        <PrePostTestLinks courseKey={outline.key} locale={locale} tests={loaderData.tests} />
      ) : null}
      {isSignedIn ? (
        <p className="flex flex-col gap-1">
          <AppLink
            to={offlinePackHref(outline.key)}
            className="font-semibold text-primary underline"
          >
            {t("pack.link")}
          </AppLink>
          <span className="text-sm text-ink-muted">{t("pack.linkHint")}</span>
        </p>
      ) : null}

      <section aria-labelledby="course-modules" className="flex flex-col gap-4">
        <h2 id="course-modules" className="text-2xl font-bold">
          {t("course.modulesHeading")}
        </h2>
        <ol className="flex flex-col gap-4">
          {outline.modules.map((module, index) => (
            <li key={module.key}>
              <ModuleOutline
                courseKey={outline.key}
                module={module}
                number={index + 1}
                locale={locale}
                progress={progress}
              />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
