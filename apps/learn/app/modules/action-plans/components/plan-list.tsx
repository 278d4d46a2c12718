import { interventionLevelLabels, localize } from "@peacelearn/domain";
import { href } from "react-router";
import { AppLink } from "~/components/app-link";
import { formatDay } from "~/lib/format";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import type { PlanSummary } from "../plans.server";

/** A person's plans, each a link to the plan: her own list and her trainer's view of it. */
export function PlanList({ plans, locale }: { plans: readonly PlanSummary[]; locale: string }) {
  const { t } = useTranslation("plans");
  const ui = uiLocale(locale);
  return (
    <ul className="flex flex-col divide-y divide-border rounded-card border border-border bg-surface">
      {plans.map((plan) => (
        <li key={plan.id} className="flex flex-col gap-1 p-4">
          <AppLink
            to={href("/action-plans/:planId", { planId: plan.id })}
            className="font-semibold text-primary underline"
          >
            {plan.change}
          </AppLink>
          <p className="text-sm text-ink-muted">
            {plan.target} · {localize(interventionLevelLabels[plan.level], ui)} ·{" "}
            {t("mine.steps", { count: plan.stepCount })}
            {plan.nextDueOn
              ? ` · ${t("mine.nextDue", { date: formatDay(plan.nextDueOn, locale) })}`
              : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The trainee's plans on her page in the cohort, for her trainers. */
export function TraineePlans({ plans, locale }: { plans: readonly PlanSummary[]; locale: string }) {
  const { t } = useTranslation("plans");
  return (
    <section aria-labelledby="trainee-plans" className="flex flex-col gap-3">
      <h2 id="trainee-plans" className="text-2xl font-bold">
        {t("trainee.heading")}
      </h2>
      {plans.length === 0 ? (
        <p className="text-ink-muted">{t("trainee.none")}</p>
      ) : (
        <PlanList plans={plans} locale={locale} />
      )}
    </section>
  );
}
