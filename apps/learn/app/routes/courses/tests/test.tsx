import { Alert, LinkButton, UiProvider } from "@peacelearn/ui";
import { data, redirect } from "react-router";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { parseForm } from "~/lib/form.server";
import { formatPercent } from "~/lib/format";
import { assertSameOrigin } from "~/lib/http.server";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { CheckForm, checkFormFeedback } from "~/modules/assessment/check-form";
import { requireUser } from "~/modules/auth/guards.server";
import { courseHref } from "~/modules/courses/hrefs";
import { testHref } from "~/modules/evaluation/hrefs";
import {
  learnerTestSchema,
  learnerTestView,
  loadLearnerTest,
  submitLearnerTest,
} from "~/modules/evaluation/test-page.server";
import type { Route } from "./+types/test";

async function load(request: Request, params: Route.LoaderArgs["params"]) {
  const user = await requireUser(request);
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const loaded = await loadLearnerTest(db, { userId: user.id, ...params, locale });
  return { user, locale, db, loaded };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { locale, loaded } = await load(request, params);
  return { locale, ...learnerTestView(loaded) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const { user, db, loaded } = await load(request, params);
  const back = testHref(loaded.course.key, loaded.kind);
  const submission = await parseForm({ request, context }, learnerTestSchema(loaded).schema);
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  // Taken once: the first answers count (ADR 029); the page shows them.
  if (loaded.status[loaded.kind]) return redirect(back, 303);
  const outcome = await submitLearnerTest(db, loaded, { userId: user.id, value: submission.value });
  if (outcome.kind === "invalid") {
    return data(
      { result: submission.reply({ formErrors: ["evaluation:test.errors.stale"] }) },
      { status: 409 },
    );
  }
  return redirect(back, 303);
}

export default function LearnerTestPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation(["evaluation", "assessment"]);
  const { locale, kind, questions, token, status, courseKey } = loaderData;
  const heading = kind === "pre" ? t("test.preTitle") : t("test.postTitle");
  const pageTitle = usePageTitle(heading);
  const feedback = checkFormFeedback(actionData?.result, questions, (key) => t(runtimeKey(key)));
  const taken = status[kind];
  return (
    <UiProvider locale={uiLocale(locale)}>
      <title>{pageTitle}</title>
      <div className="mx-auto flex max-w-3xl flex-col gap-6">
        <header className="flex flex-col gap-2">
          <h1 className="text-3xl font-bold">{heading}</h1>
          {taken ? null : (
            <>
              <p>{t("test.intro")}</p>
              <p className="text-sm text-ink-muted">{t("test.once")}</p>
            </>
          )}
        </header>
        {taken ? (
          <Alert tone="success" role="none">
            {status.pre && status.post
              ? t("test.gain", {
                  pre: formatPercent(status.pre.score, locale),
                  post: formatPercent(status.post.score, locale),
                })
              : t("test.taken", { score: formatPercent(taken.score, locale) })}
          </Alert>
        ) : (
          <CheckForm questions={questions} token={token} {...feedback} />
        )}
        <div>
          <LinkButton as={AppLink} to={courseHref(courseKey)} variant="secondary">
            {t("test.backToCourse")}
          </LinkButton>
        </div>
      </div>
    </UiProvider>
  );
}
