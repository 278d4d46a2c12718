import { interventionLevelLabels, localize, wpsResolutions } from "@peacelearn/domain";
import { Alert, Breadcrumbs, Button, Select, UiProvider } from "@peacelearn/ui";
import { data, href, redirect, useSearchParams } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { parseForm } from "~/lib/form.server";
import { formatDay } from "~/lib/format";
import { formState } from "~/lib/forms";
import { assertSameOrigin } from "~/lib/http.server";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { requirePlanReader } from "~/modules/action-plans/access.server";
import { linkableFollowUps, linkFollowUp } from "~/modules/action-plans/follow-up-links.server";
import { loadPlan } from "~/modules/action-plans/plans.server";
import { LinkFollowUpFormSchema } from "~/modules/action-plans/schema";
import type { Route } from "./+types/plan";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, role, viewer } = await requirePlanReader(request, params.planId);
  const locale = await getLocale(request);
  const plan = await loadPlan(db, params.planId, { locale });
  if (!plan) throw data({ message: "not-found" }, { status: 404 });
  // The author reads her plan; her trainers (and admins) also link their follow-ups to it.
  const linkable = role === "author" ? [] : await linkableFollowUps(db, viewer, plan.userId);
  return { locale, plan, role, linkable };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const { db, role, viewer } = await requirePlanReader(request, params.planId);
  if (role === "author") throw data({ message: "forbidden" }, { status: 403 });
  const submission = await parseForm({ request, context }, LinkFollowUpFormSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const outcome = await linkFollowUp(db, viewer, { planId: params.planId, ...submission.value });
  if (outcome !== "linked") {
    const field = outcome === "step-not-found" ? "stepId" : "followUpId";
    const message =
      outcome === "step-not-found" ? "plans:errors.stepMissing" : "plans:errors.followUpNotAllowed";
    return data(
      { result: submission.reply({ fieldErrors: { [field]: [message] } }) },
      { status: 400 },
    );
  }
  return redirect(`${href("/action-plans/:planId", { planId: params.planId })}?linked=1`, 303);
}

export default function PlanPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, plan, role, linkable } = loaderData;
  const { t } = useTranslation("plans");
  const title = usePageTitle(t("plan.title"));
  const ui = uiLocale(locale);
  const [searchParams] = useSearchParams();
  const form = formState(actionData?.result, t);
  const failedStep = form.value("stepId");
  const none = <p className="text-ink-muted">{t("plan.none")}</p>;
  const term = "font-semibold";

  return (
    <UiProvider locale={ui}>
      <div className="mx-auto flex max-w-3xl flex-col gap-6">
        <title>{title}</title>
        {role === "author" ? (
          <Breadcrumbs
            items={[
              { label: t("mine.title"), href: href("/action-plans") },
              { label: t("plan.title"), href: href("/action-plans/:planId", { planId: plan.id }) },
            ]}
            renderLink={({ href, ...props }) => <AppLink to={href} {...props} />}
          />
        ) : null}
        <h1 className="text-3xl font-bold">{t("plan.title")}</h1>
        {searchParams.get("created") ? <Alert tone="success" title={t("mine.created")} /> : null}
        {searchParams.get("linked") ? <Alert tone="success" title={t("plan.linked")} /> : null}
        <p className="text-xl">{plan.change}</p>
        <p className="text-ink-muted">
          {t("plan.author", { name: plan.authorName, date: formatDay(plan.createdAt, locale) })}
        </p>
        <dl className="flex flex-col gap-4 rounded-card border border-border bg-surface p-4">
          <div>
            <dt className={term}>{t("plan.target")}</dt>
            <dd className="ms-0">{plan.target}</dd>
          </div>
          <div>
            <dt className={term}>{t("plan.level")}</dt>
            <dd className="ms-0">{localize(interventionLevelLabels[plan.level], ui)}</dd>
          </div>
          <div>
            <dt className={term}>{t("plan.napObjectives")}</dt>
            <dd className="ms-0">
              {plan.napObjectives.length === 0 ? (
                none
              ) : (
                <ul className="list-disc ps-5">
                  {plan.napObjectives.map((objective) => (
                    <li key={objective.id}>
                      {"unknown" in objective
                        ? t("plan.unknownObjective", { id: objective.id })
                        : `${objective.text} (${objective.pillar})`}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div>
            <dt className={term}>{t("plan.resolutions")}</dt>
            <dd className="ms-0">
              {plan.resolutions.length === 0
                ? none
                : plan.resolutions.map((code) => wpsResolutions[code].symbol).join(", ")}
            </dd>
          </div>
          <div>
            <dt className={term}>{t("plan.modules")}</dt>
            <dd className="ms-0">
              {plan.modules.length === 0 ? (
                none
              ) : (
                <ul className="list-disc ps-5">
                  {plan.modules.map((module) => (
                    <li key={module.id}>{module.label}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>

        <section aria-labelledby="plan-steps" className="flex flex-col gap-3">
          <h2 id="plan-steps" className="text-2xl font-bold">
            {t("plan.stepsHeading")}
          </h2>
          <ol className="flex flex-col divide-y divide-border rounded-card border border-border bg-surface">
            {plan.steps.map((step) => (
              <li key={step.id} className="flex flex-col gap-2 p-4">
                <p className="font-semibold">
                  {step.position}. {step.description}
                </p>
                <p className="text-sm">{t("plan.due", { date: formatDay(step.dueOn, locale) })}</p>
                {step.followUps.length > 0 ? (
                  <div className="flex flex-col gap-1">
                    <h3 className="font-semibold">{t("plan.linkedHeading")}</h3>
                    <ul className="list-disc ps-5">
                      {step.followUps.map((followUp) => (
                        <li key={followUp.id}>
                          {followUp.description} — {formatDay(followUp.dueOn, locale)} (
                          {t(runtimeKey(`plan.followUpStatus.${followUp.status}`), followUp.status)}
                          )
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {role !== "author" && linkable.length > 0 ? (
                  <AppForm
                    method="post"
                    noValidate
                    className="flex flex-col gap-2 sm:flex-row sm:items-end"
                  >
                    <input type="hidden" name="stepId" value={step.id} />
                    <Select
                      id={`link-${step.id}`}
                      name="followUpId"
                      label={t("plan.linkLabel")}
                      placeholder={t("plan.linkPlaceholder")}
                      error={failedStep === step.id ? form.error("followUpId") : undefined}
                      locale={ui}
                      options={linkable.map((followUp) => ({
                        value: followUp.id,
                        label: `${followUp.description} — ${formatDay(followUp.dueOn, locale)}`,
                      }))}
                    />
                    <Button type="submit" variant="secondary">
                      {t("plan.link")}
                      <span className="sr-only">: {step.description}</span>
                    </Button>
                  </AppForm>
                ) : null}
              </li>
            ))}
          </ol>
          {role !== "author" && linkable.length === 0 ? (
            <p className="text-ink-muted">{t("plan.noLinkable")}</p>
          ) : null}
        </section>
      </div>
    </UiProvider>
  );
}
