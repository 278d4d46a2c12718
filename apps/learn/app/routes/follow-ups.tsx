import { Alert, Button, EmptyState, UiProvider } from "@peacelearn/ui";
import { data, href, redirect, useSearchParams } from "react-router";
import { AppForm } from "~/components/app-form";
import { getDb } from "~/lib/db.server";
import { parseForm } from "~/lib/form.server";
import { formatDay } from "~/lib/format";
import { assertSameOrigin } from "~/lib/http.server";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { FollowUpStatusBadges } from "~/modules/accompaniment/components/follow-up-status";
import { MarkDoneFormSchema } from "~/modules/accompaniment/schema";
import {
  listTraineeFollowUps,
  markFollowUpDone,
  type TraineeFollowUp,
} from "~/modules/accompaniment/trainee-follow-ups.server";
import { requireUser } from "~/modules/auth/guards.server";
import type { Route } from "./+types/follow-ups";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const [db, locale] = await Promise.all([getDb(), getLocale(request)]);
  const followUps = await listTraineeFollowUps(db, user.id);
  return { locale, ...followUps };
}

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const submission = await parseForm({ request, context }, MarkDoneFormSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const outcome = await markFollowUpDone(await getDb(), user.id, submission.value.followUpId);
  if (outcome === "not-found") throw data(null, { status: 404 });
  return redirect(`${href("/follow-ups")}?done=1`, 303);
}

function FollowUpItem({
  action,
  locale,
  canMarkDone,
}: {
  action: TraineeFollowUp;
  locale: string;
  canMarkDone: boolean;
}) {
  const { t } = useTranslation("accompaniment");
  const owner =
    action.owner.kind === "me"
      ? t("mine.ownerMe")
      : (action.owner.displayName ?? t("followUps.unknownOwner"));
  return (
    <li className="flex flex-col gap-2 p-4">
      <p className="font-semibold">{action.description}</p>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-1">
          <dt className="text-ink-muted">{t("mine.due")}</dt>
          <dd className="ms-0">{formatDay(action.dueOn, locale)}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-ink-muted">{t("mine.owner")}</dt>
          <dd className="ms-0">{owner}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-ink-muted">{t("mine.agreed")}</dt>
          <dd className="ms-0">
            {t("mine.sessionSummary", {
              date: formatDay(action.session.occurredOn, locale),
              mode: t(runtimeKey(`mode.${action.session.mode}`), action.session.mode),
            })}
          </dd>
        </div>
      </dl>
      <FollowUpStatusBadges status={action.status} isOverdue={action.isOverdue} />
      {canMarkDone ? (
        <AppForm method="post">
          <input type="hidden" name="followUpId" value={action.id} />
          <Button type="submit" variant="secondary" size="md">
            {t("mine.markDone")}
            <span className="sr-only">: {action.description}</span>
          </Button>
        </AppForm>
      ) : null}
    </li>
  );
}

export default function MyFollowUpsPage({ loaderData }: Route.ComponentProps) {
  const { locale, open, closed } = loaderData;
  const { t } = useTranslation("accompaniment");
  const title = usePageTitle(t("mine.title"));
  const [searchParams] = useSearchParams();
  const listClass =
    "flex flex-col divide-y divide-border rounded-card border border-border bg-surface";

  return (
    <UiProvider locale={uiLocale(locale)}>
      <div className="mx-auto flex max-w-3xl flex-col gap-6">
        <title>{title}</title>
        <h1 className="text-3xl font-bold">{t("mine.title")}</h1>
        <p className="text-ink-muted">{t("mine.intro")}</p>
        {searchParams.get("done") ? <Alert tone="success" title={t("mine.markedDone")} /> : null}

        {open.length + closed.length === 0 ? (
          <EmptyState title={t("mine.emptyTitle")} description={t("mine.emptyBody")} />
        ) : null}

        {open.length > 0 ? (
          <section aria-labelledby="follow-ups-open" className="flex flex-col gap-3">
            <h2 id="follow-ups-open" className="text-2xl font-bold">
              {t("mine.openHeading")}
            </h2>
            <ul className={listClass}>
              {open.map((action) => (
                <FollowUpItem key={action.id} action={action} locale={locale} canMarkDone />
              ))}
            </ul>
          </section>
        ) : null}

        {closed.length > 0 ? (
          <section aria-labelledby="follow-ups-closed" className="flex flex-col gap-3">
            <h2 id="follow-ups-closed" className="text-2xl font-bold">
              {t("mine.closedHeading")}
            </h2>
            <ul className={listClass}>
              {closed.map((action) => (
                <FollowUpItem key={action.id} action={action} locale={locale} canMarkDone={false} />
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </UiProvider>
  );
}
