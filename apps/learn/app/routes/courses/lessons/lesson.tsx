import { Alert, Button, LinkButton } from "@peacelearn/ui";
import { data, redirect } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { useDiscreetNames } from "~/lib/discreet-names";
import { parseForm } from "~/lib/form.server";
import { formState } from "~/lib/forms";
import { assertSameOrigin } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n-react";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { requireUser } from "~/modules/auth/guards.server";
import { LessonContent } from "~/modules/courses/components/lesson-content";
import { courseHref, lessonHref, moduleAnchor } from "~/modules/courses/hrefs";
import { LessonIntentSchema } from "~/modules/courses/schema";
import { CourseBreadcrumbs } from "~/modules/learning/components/course-breadcrumbs";
import { LessonPager } from "~/modules/learning/components/lesson-pager";
import { loadLessonPage } from "~/modules/learning/lesson-page.server";
import { stepHref } from "~/modules/learning/navigation";
import { recordLessonCompleted } from "~/modules/learning/progress-events.server";
import type { Route } from "./+types/lesson";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const page = await loadLessonPage(db, {
    courseKey: params.courseKey,
    lessonKey: params.lessonKey,
    locale,
    user,
    // The service worker saving a course for the road (ADR 028) is not her reading it.
    recordView: request.headers.get("Offline-Pack") !== "1",
  });
  return { locale, ...page };
}

/** "Mark as complete and continue": records completion (once) and goes to the next step. */
export async function action({ request, params, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const submission = await parseForm({ request, context }, LessonIntentSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const { redirectTo } = await recordLessonCompleted(db, {
    courseKey: params.courseKey,
    lessonKey: params.lessonKey,
    locale,
    user,
  });
  return redirect(redirectTo, 303);
}

export default function LessonPage({ loaderData, actionData }: Route.ComponentProps) {
  const page = loaderData;
  const { t } = useTranslation("courses");
  const title = usePageTitle(page.title);
  const names = useDiscreetNames();
  const isFallback = page.contentLocale !== page.locale;
  const formError = formState(actionData?.result, t).error("intent");
  const nextHref = stepHref(page.course.key, page.next);

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4 sm:gap-6">
      <title>{title}</title>
      <CourseBreadcrumbs
        locale={page.locale}
        course={page.course}
        collapseOnNarrow
        more={[
          {
            label: names.module(
              page.module.number,
              <span lang={page.module.title.lang}>{page.module.title.text}</span>,
            ),
            href: `${courseHref(page.course.key)}#${moduleAnchor(page.module.number)}`,
          },
          {
            label: names.lesson(
              page.lesson.number,
              <span lang={page.contentLocale}>{page.title}</span>,
            ),
            href: lessonHref(page.course.key, page.lesson.key),
          },
        ]}
      />
      {isFallback ? (
        <Alert tone="info" role="none" title={t("lesson.notTranslatedTitle")}>
          {t("lesson.notTranslatedBody")}
        </Alert>
      ) : null}

      <article lang={page.contentLocale} className="flex flex-col gap-4">
        <header className="flex flex-col gap-1">
          <h1 className="text-2xl font-bold sm:text-3xl">
            {names.lesson(page.lesson.number, page.title)}
          </h1>
          {page.estimatedMinutes > 0 ? (
            <p className="text-sm text-ink-muted" lang={page.locale}>
              {t("lesson.readingTime", { count: page.estimatedMinutes })}
            </p>
          ) : null}
        </header>
        <LessonContent html={page.html} />
      </article>

      {formError ? (
        <Alert tone="danger" role="alert">
          {formError}
        </Alert>
      ) : null}
      <div className="flex flex-col gap-3 rounded-card border border-border bg-surface p-4">
        {page.isCompleted ? (
          <>
            <p className="font-semibold">{t("lesson.completed")}</p>
            <div>
              <LinkButton as={AppLink} to={nextHref}>
                {t("lesson.continue")}
              </LinkButton>
            </div>
          </>
        ) : (
          <AppForm method="post">
            <input type="hidden" name="intent" value="complete" />
            <Button type="submit">{t("lesson.completeAndContinue")}</Button>
          </AppForm>
        )}
      </div>

      <LessonPager
        courseKey={page.course.key}
        previous={page.previous}
        next={page.next}
        isCompleted={page.isCompleted}
      />
      <p className="text-sm text-ink-muted">{t("lesson.offlineNote")}</p>
    </div>
  );
}
