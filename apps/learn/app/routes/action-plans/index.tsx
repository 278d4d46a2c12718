import { EmptyState, LinkButton, UiProvider } from "@peacelearn/ui";
import { href } from "react-router";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { PlanList } from "~/modules/action-plans/components/plan-list";
import { listPlansOf } from "~/modules/action-plans/plans.server";
import { requireUser } from "~/modules/auth/guards.server";
import type { Route } from "./+types/index";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const [db, locale] = await Promise.all([getDb(), getLocale(request)]);
  return { locale, plans: await listPlansOf(db, user.id) };
}

export default function MyPlansPage({ loaderData }: Route.ComponentProps) {
  const { locale, plans } = loaderData;
  const { t } = useTranslation("plans");
  const title = usePageTitle(t("mine.title"));
  const newPlan = (
    <LinkButton as={AppLink} to={href("/action-plans/new")}>
      {t("mine.new")}
    </LinkButton>
  );
  return (
    <UiProvider locale={uiLocale(locale)}>
      <div className="mx-auto flex max-w-3xl flex-col gap-6">
        <title>{title}</title>
        <h1 className="text-3xl font-bold">{t("mine.title")}</h1>
        <p className="text-ink-muted">{t("mine.intro")}</p>
        {plans.length === 0 ? (
          <EmptyState
            title={t("mine.emptyTitle")}
            description={t("mine.emptyBody")}
            action={newPlan}
          />
        ) : (
          <>
            <div>{newPlan}</div>
            <PlanList plans={plans} locale={locale} />
          </>
        )}
      </div>
    </UiProvider>
  );
}
