import { Breadcrumbs, UiProvider } from "@peacelearn/ui";
import { data, href, redirect } from "react-router";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { parseForm } from "~/lib/form.server";
import { assertSameOrigin } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { addRowReply, submittedRowCount } from "~/modules/accompaniment/form-values";
import { PlanForm } from "~/modules/action-plans/components/plan-form";
import { createPlan, planFormOptions } from "~/modules/action-plans/plans.server";
import { INITIAL_STEP_ROWS, MAX_STEP_ROWS, PlanFormSchema } from "~/modules/action-plans/schema";
import { requireUser } from "~/modules/auth/guards.server";
import type { Route } from "./+types/new";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const [db, locale] = await Promise.all([getDb(), getLocale(request)]);
  return { locale, options: await planFormOptions(db, user.id, { locale }) };
}

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const submission = await parseForm({ request, context }, PlanFormSchema);
  const reply = submission.reply();
  const rows = { field: "steps", initial: INITIAL_STEP_ROWS, max: MAX_STEP_ROWS };
  if (submission.payload.intent === "add-row") return addRowReply(reply, rows);
  const rowCount = submittedRowCount(reply, rows);
  if (submission.status !== "success") {
    return data({ result: reply, rowCount }, { status: 400 });
  }
  const [db, locale] = await Promise.all([getDb(), getLocale(request)]);
  const options = await planFormOptions(db, user.id, { locale });
  const created = await createPlan(db, { userId: user.id, values: submission.value, options });
  if (!created.ok) {
    const message =
      created.field === "napObjectiveIds"
        ? "plans:errors.objectiveNotOffered"
        : "plans:errors.moduleNotOffered";
    return data(
      { result: submission.reply({ fieldErrors: { [created.field]: [message] } }), rowCount },
      { status: 400 },
    );
  }
  return redirect(`${href("/action-plans/:planId", { planId: created.id })}?created=1`, 303);
}

export default function NewPlanPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, options } = loaderData;
  const { t } = useTranslation("plans");
  const title = usePageTitle(t("form.title"));
  return (
    <UiProvider locale={uiLocale(locale)}>
      <div className="mx-auto flex max-w-3xl flex-col gap-6">
        <title>{title}</title>
        <Breadcrumbs
          items={[
            { label: t("mine.title"), href: href("/action-plans") },
            { label: t("form.title"), href: href("/action-plans/new") },
          ]}
          renderLink={({ href, ...props }) => <AppLink to={href} {...props} />}
        />
        <h1 className="text-3xl font-bold">{t("form.title")}</h1>
        <p className="text-ink-muted">{t("form.intro")}</p>
        <PlanForm
          options={options}
          result={actionData?.result}
          rowCount={actionData?.rowCount ?? INITIAL_STEP_ROWS}
          locale={locale}
        />
      </div>
    </UiProvider>
  );
}
