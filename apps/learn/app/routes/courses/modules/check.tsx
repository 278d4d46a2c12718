import { Alert, Breadcrumbs, LinkButton, UiProvider } from "@peacelearn/ui";
import { data, href, redirect } from "react-router";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { useDiscreetNames } from "~/lib/discreet-names";
import { parseForm, readQuery } from "~/lib/form.server";
import { formatDate, formatPercent } from "~/lib/format";
import { assertSameOrigin } from "~/lib/http.server";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import {
  attemptHistory,
  loadAttemptResult,
  newAttemptToken,
} from "~/modules/assessment/attempts.server";
import { formQuestions, loadKnowledgeCheck } from "~/modules/assessment/check-data.server";
import { CheckForm, checkFormFeedback } from "~/modules/assessment/check-form";
import { CheckResult } from "~/modules/assessment/check-result";
import { answersFromForm, checkFormSchema } from "~/modules/assessment/schema";
import { requireUser } from "~/modules/auth/guards.server";
import { findIssuedCertificate } from "~/modules/certificates/certificates.server";
import { certificateHref, checkHref, courseHref } from "~/modules/courses/hrefs";
import { loadCourseOutline } from "~/modules/courses/outline.server";
import { reactionHref } from "~/modules/evaluation/hrefs";
import { nextModuleStep, stepHref } from "~/modules/learning/navigation";
import { recordCheckAttempt } from "~/modules/learning/progress-events.server";
import type { Route } from "./+types/check";

function checkPath(params: { courseKey: string; moduleKey: string }) {
  return checkHref(params.courseKey, params.moduleKey);
}

async function load(request: Request, params: Route.LoaderArgs["params"]) {
  const user = await requireUser(request);
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const content = await loadKnowledgeCheck(db, { ...params, locale });
  return { user, locale, db, content };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, locale, db, content } = await load(request, params);
  const attemptId = readQuery(request).get("attempt");
  const [history, result, certificate, outline] = await Promise.all([
    attemptHistory(db, user.id, content.check.id),
    attemptId ? loadAttemptResult(db, { userId: user.id, attemptId, content }) : null,
    findIssuedCertificate(db, { userId: user.id, courseId: content.course.id }),
    loadCourseOutline(db, content.course.key, locale),
  ]);
  if (attemptId && !result) throw data(null, { status: 404 });
  const nextModule = outline ? nextModuleStep(outline.modules, content.module.key) : null;
  return {
    locale,
    course: { key: content.course.key, title: content.course.title },
    module: {
      ...content.module,
      // Its place in the course (discreet mode names it "Module 2").
      number: (outline?.modules.findIndex((m) => m.key === content.module.key) ?? -1) + 1,
    },
    check: {
      title: content.check.title,
      intro: content.check.intro,
      passMark: content.check.passMark,
    },
    // Correct flags and feedback stay on the server until an attempt has been submitted.
    questions: result ? [] : formQuestions(content.questions),
    token: newAttemptToken(),
    history,
    result,
    hasCertificate: certificate !== null,
    // After a pass: on to the next module's first lesson (none at the end of the course).
    nextModuleHref: result?.passed && nextModule ? stepHref(content.course.key, nextModule) : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const { user, locale, db, content } = await load(request, params);
  const schemaQuestions = content.questions.map((question) => ({
    key: question.key,
    kind: question.kind,
    optionKeys: question.options.map((option) => option.key),
  }));
  const submission = await parseForm({ request, context }, checkFormSchema(schemaQuestions));
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const outcome = await recordCheckAttempt(db, {
    userId: user.id,
    content,
    answers: answersFromForm(schemaQuestions, submission.value),
    token: String(submission.value.token),
    locale,
  });
  if (outcome.kind === "token-used-elsewhere") {
    return data(
      { result: submission.reply({ formErrors: ["assessment:errors.staleForm"] }) },
      { status: 409 },
    );
  }
  return redirect(outcome.redirectTo, 303);
}

export default function KnowledgeCheckPage({
  loaderData,
  actionData,
  params,
}: Route.ComponentProps) {
  const { t } = useTranslation(["assessment", "common", "evaluation"]);
  const { locale, course, module, check, questions, token, history, result } = loaderData;
  const title = check.title || t("check.fallbackTitle");
  const feedback = checkFormFeedback(actionData?.result, questions, (key) => t(runtimeKey(key)));
  const coursePath = courseHref(course.key);
  const alreadyPassed = history.some((attempt) => attempt.passed);
  const pageTitle = usePageTitle(result ? t("result.pageTitle", { title }) : title);
  const names = useDiscreetNames();
  const moduleName = names.module(module.number, module.title);

  return (
    <UiProvider locale={uiLocale(locale)}>
      <title>{pageTitle}</title>
      <div className="mx-auto flex max-w-3xl flex-col gap-6">
        <Breadcrumbs
          collapseOnNarrow
          renderLink={({ href, ...props }) => <AppLink to={href} {...props} />}
          items={[
            { label: t("nav.courses"), href: href("/courses") },
            { label: names.course(course.key, course.title), href: coursePath },
            {
              label: names.discreet
                ? t("nav.checkCrumb", {
                    module: String(moduleName),
                    check: t("check.fallbackTitle"),
                  })
                : t("nav.checkCrumb", { module: module.title, check: title }),
              href: checkPath(params),
            },
          ]}
        />
        <header className="flex flex-col gap-2">
          <p className="text-sm font-semibold text-ink-muted">{moduleName}</p>
          <h1 className="text-3xl font-bold">
            {names.discreet ? t("check.fallbackTitle") : title}
          </h1>
          {!result && check.intro ? <p>{check.intro}</p> : null}
          {!result ? (
            <p>{t("check.passMarkHint", { passMark: formatPercent(check.passMark, locale) })}</p>
          ) : null}
        </header>
        {result ? (
          <>
            <CheckResult result={result} locale={locale} />
            {loaderData.hasCertificate ? (
              <Alert tone="success" role="none" title={t("result.courseComplete")}>
                <AppLink to={certificateHref(course.key)} className="font-semibold underline">
                  {t("result.viewCertificate")}
                </AppLink>
              </Alert>
            ) : null}
            {result.passed ? (
              <p>
                <AppLink
                  to={reactionHref(course.key, module.key)}
                  className="font-semibold text-primary underline"
                >
                  {t("evaluation:reaction.link")}
                </AppLink>
              </p>
            ) : null}
            <div className="flex flex-col gap-2">
              <p className="text-sm text-ink-muted">{t("result.tryAgainHint")}</p>
              <div className="flex flex-wrap gap-3">
                {loaderData.nextModuleHref ? (
                  <LinkButton as={AppLink} to={loaderData.nextModuleHref}>
                    {t("result.nextModule")}
                  </LinkButton>
                ) : result.passed && loaderData.hasCertificate ? (
                  <LinkButton as={AppLink} to={certificateHref(course.key)}>
                    {t("result.viewCertificate")}
                  </LinkButton>
                ) : null}
                <LinkButton
                  as={AppLink}
                  to={checkPath(params)}
                  variant={result.passed ? "secondary" : "primary"}
                >
                  {t("result.tryAgain")}
                </LinkButton>
                <LinkButton as={AppLink} to={coursePath} variant="secondary">
                  {t("result.backToCourse")}
                </LinkButton>
              </div>
            </div>
          </>
        ) : (
          <>
            {alreadyPassed ? (
              <Alert tone="info" role="none">
                {t("check.alreadyPassed")}
              </Alert>
            ) : null}
            <CheckForm questions={questions} token={token} {...feedback} />
          </>
        )}
        {history.length > 0 ? (
          <section aria-labelledby="attempts-heading" className="flex flex-col gap-2">
            <h2 id="attempts-heading" className="text-xl font-bold">
              {t("history.title")}
            </h2>
            <ul className="flex list-none flex-col gap-1 ps-0">
              {history.map((attempt) => (
                <li key={attempt.id}>
                  <AppLink
                    to={`${checkPath(params)}?attempt=${encodeURIComponent(attempt.id)}`}
                    aria-current={attempt.id === result?.id ? "page" : undefined}
                    className="text-primary underline aria-[current=page]:font-bold"
                  >
                    {t("history.item", {
                      date: formatDate(attempt.submittedAt, locale),
                      score: formatPercent(attempt.score, locale),
                      verdict: attempt.passed ? t("history.passed") : t("history.notPassed"),
                    })}
                  </AppLink>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </UiProvider>
  );
}
