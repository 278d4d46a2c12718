import {
  Alert,
  Button,
  ErrorSummary,
  LinkButton,
  RadioGroup,
  radioGroupFirstInputId,
  UiProvider,
} from "@peacelearn/ui";
import { data } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { useDiscreetNames } from "~/lib/discreet-names";
import { parseForm } from "~/lib/form.server";
import { assertSameOrigin } from "~/lib/http.server";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { requireUser } from "~/modules/auth/guards.server";
import { courseHref } from "~/modules/courses/hrefs";
import {
  findReaction,
  loadReactionModule,
  recordReaction,
} from "~/modules/evaluation/reaction.server";
import { reactionFormSchema, reactionScale } from "~/modules/evaluation/schema";
import type { Route } from "./+types/feedback";

async function load(request: Request, params: Route.LoaderArgs["params"]) {
  const user = await requireUser(request);
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const module = await loadReactionModule(db, { ...params, locale });
  return { user, locale, db, module };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, locale, db, module } = await load(request, params);
  const reaction = await findReaction(db, { userId: user.id, moduleId: module.id });
  return { locale, module, reaction };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const { user, db, module } = await load(request, params);
  const submission = await parseForm({ request, context }, reactionFormSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply(), saved: false }, { status: 400 });
  }
  await recordReaction(db, { userId: user.id, moduleId: module.id, ...submission.value });
  return { result: submission.reply(), saved: true };
}

const fields = ["usefulness", "confidence"] as const;

export default function ModuleReactionPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("evaluation");
  const { locale, module, reaction } = loaderData;
  const names = useDiscreetNames();
  const pageTitle = usePageTitle(t("reaction.title"));
  const errors = actionData?.saved ? {} : (actionData?.result.error ?? {});
  const typed = (actionData?.result.initialValue ?? {}) as Record<string, unknown>;
  const errorOf = (field: (typeof fields)[number]) => {
    const message = errors[field]?.[0];
    return message ? t(runtimeKey(message)) : undefined;
  };
  const summary = fields.flatMap((field) => {
    const message = errorOf(field);
    return message
      ? [
          {
            fieldId: radioGroupFirstInputId(field),
            message: `${t(`reaction.${field}`)} ${message}`,
          },
        ]
      : [];
  });
  return (
    <UiProvider locale={uiLocale(locale)}>
      <title>{pageTitle}</title>
      <div className="mx-auto flex max-w-3xl flex-col gap-6">
        <header className="flex flex-col gap-2">
          <p className="text-sm font-semibold text-ink-muted">
            {names.course(module.courseKey, module.courseTitle)}
          </p>
          <h1 className="text-3xl font-bold">{t("reaction.title")}</h1>
          <p>{t("reaction.intro")}</p>
        </header>
        {actionData?.saved ? (
          <Alert tone="success" role="status">
            {t("reaction.saved")}
          </Alert>
        ) : null}
        <AppForm method="post" noValidate className="flex flex-col gap-6">
          {summary.length > 0 ? (
            <ErrorSummary title={t("reaction.errorsTitle")} errors={summary} />
          ) : null}
          {fields.map((field) => (
            <RadioGroup
              key={field}
              id={field}
              name={field}
              label={t(`reaction.${field}`)}
              error={errorOf(field)}
              defaultValue={String(typed[field] ?? reaction?.[field] ?? "")}
              options={reactionScale.map((value) => ({
                value: String(value),
                label: t(`reaction.${field}Scale.${value}`),
              }))}
            />
          ))}
          <div className="flex flex-wrap gap-3">
            <Button type="submit">{t("reaction.submit")}</Button>
            <LinkButton as={AppLink} to={courseHref(module.courseKey)} variant="secondary">
              {t("reaction.skip")}
            </LinkButton>
          </div>
        </AppForm>
      </div>
    </UiProvider>
  );
}
