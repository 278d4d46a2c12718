import { followUpStatuses } from "@peacelearn/db/schemas";
import { type ActivityType, activityTypes } from "@peacelearn/domain";
import {
  ActivityTypeTag,
  Alert,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  LinkButton,
  Select,
  UiProvider,
} from "@peacelearn/ui";
import { data, href, redirect, useSearchParams } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
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
import { FollowUpStatusFormSchema } from "~/modules/accompaniment/schema";
import {
  loadSessionDetail,
  updateFollowUpStatus,
} from "~/modules/accompaniment/session-detail.server";
import { loadViewer } from "~/modules/accompaniment/sessions.server";
import { requireRole } from "~/modules/auth/guards.server";
import type { Route } from "./+types/session";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireRole(request, "trainer");
  const [db, locale] = await Promise.all([getDb(), getLocale(request)]);
  const viewer = await loadViewer(db, user);
  const session = await loadSessionDetail(db, viewer, params.sessionId);
  if (!session) throw data(null, { status: 404 });
  return { locale, session };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const user = await requireRole(request, "trainer");
  const submission = await parseForm({ request, context }, FollowUpStatusFormSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const db = await getDb();
  const outcome = await updateFollowUpStatus(db, await loadViewer(db, user), {
    sessionId: params.sessionId,
    ...submission.value,
  });
  if (outcome === "not-found") throw data(null, { status: 404 });
  if (outcome === "forbidden") throw data(null, { status: 403 });
  return redirect(`${href("/trainer/accompaniment/:sessionId", params)}?updated=1`, 303);
}

export default function SessionPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, session } = loaderData;
  const { t } = useTranslation("accompaniment");
  const ui = uiLocale(locale);
  const heading = t("detail.title", {
    name: session.trainee.displayName,
    date: formatDay(session.occurredOn, locale),
  });
  const title = usePageTitle(heading);
  const [searchParams] = useSearchParams();
  const activityType = (activityTypes as readonly string[]).includes(session.activityType)
    ? (session.activityType as ActivityType)
    : null;

  return (
    <UiProvider locale={ui}>
      <div className="mx-auto flex max-w-3xl flex-col gap-6">
        <title>{title}</title>
        <Breadcrumbs
          items={[
            { label: t("list.title"), href: href("/trainer/accompaniment") },
            {
              label: heading,
              href: href("/trainer/accompaniment/:sessionId", { sessionId: session.id }),
            },
          ]}
          renderLink={({ href, ...props }) => <AppLink to={href} {...props} />}
        />
        <h1 className="text-3xl font-bold">{heading}</h1>
        {searchParams.get("recorded") ? (
          <Alert tone="success" title={t("detail.recorded")} />
        ) : null}
        {searchParams.get("updated") ? <Alert tone="success" title={t("detail.updated")} /> : null}
        {actionData?.result ? <Alert tone="danger" title={t("detail.updateFailed")} /> : null}

        <Card title={t("detail.sessionHeading")}>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">{t("form.traineeId")}</dt>
            <dd className="ms-0">{session.trainee.displayName}</dd>
            <dt className="font-semibold">{t("detail.trainer")}</dt>
            <dd className="ms-0">{session.trainerName ?? t("detail.formerTrainer")}</dd>
            <dt className="font-semibold">{t("detail.cohort")}</dt>
            <dd className="ms-0">{session.cohort?.name ?? t("detail.noCohort")}</dd>
            <dt className="font-semibold">{t("form.mode")}</dt>
            <dd className="ms-0">{t(runtimeKey(`mode.${session.mode}`), session.mode)}</dd>
            <dt className="font-semibold">{t("form.durationMinutes")}</dt>
            <dd className="ms-0">
              {session.durationMinutes === null
                ? t("detail.notRecorded")
                : t("detail.minutes", { count: session.durationMinutes })}
            </dd>
            <dt className="font-semibold">{t("form.activityType")}</dt>
            <dd className="ms-0">
              {activityType ? <ActivityTypeTag type={activityType} /> : session.activityType}
            </dd>
            <dt className="font-semibold">{t("form.topics")}</dt>
            <dd className="ms-0 flex flex-wrap gap-1">
              {session.topics.length === 0
                ? t("detail.noTopics")
                : session.topics.map((topic) => <Badge key={topic}>{topic}</Badge>)}
            </dd>
          </dl>
        </Card>

        <Card title={t("form.notesHeading")}>
          {session.isSensitive ? <Badge tone="danger">{t("notes.sensitiveBadge")}</Badge> : null}
          {session.notes === null ? (
            <p className="italic text-ink-muted">{t("notes.sensitiveHidden")}</p>
          ) : session.notes.trim() === "" ? (
            <p className="text-ink-muted">{t("notes.none")}</p>
          ) : (
            <p className="whitespace-pre-line">{session.notes}</p>
          )}
          {session.isSensitive && session.notes !== null ? (
            <p className="text-sm text-ink-muted">{t("notes.auditedRead")}</p>
          ) : null}
        </Card>

        <Card title={t("form.followUpsHeading")}>
          {session.followUps.length === 0 ? <p>{t("list.noFollowUps")}</p> : null}
          <ul className="flex flex-col divide-y divide-border">
            {session.followUps.map((action) => (
              <li key={action.id} className="flex flex-col gap-2 py-3">
                <p className="font-semibold">{action.description}</p>
                <p className="text-sm text-ink-muted">
                  {action.isOverdue
                    ? t("followUps.overdueSince", { date: formatDay(action.dueOn, locale) })
                    : t("followUps.dueOn", { date: formatDay(action.dueOn, locale) })}
                  {" · "}
                  {t("followUps.ownedBy", {
                    name: action.ownerName ?? t("followUps.unknownOwner"),
                  })}
                </p>
                <FollowUpStatusBadges status={action.status} isOverdue={action.isOverdue} />
                {session.canUpdateFollowUps ? (
                  <AppForm method="post" className="flex flex-wrap items-end gap-3">
                    <input type="hidden" name="followUpId" value={action.id} />
                    <Select
                      id={`status-${action.id}`}
                      name="status"
                      label={t("detail.changeStatus")}
                      defaultValue={action.status}
                      locale={ui}
                      options={followUpStatuses.map((status) => ({
                        value: status,
                        label: t(`status.${status}`),
                      }))}
                    />
                    <Button type="submit" variant="secondary">
                      {t("detail.saveStatus")}
                    </Button>
                  </AppForm>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>

        <div className="flex flex-wrap gap-3">
          <LinkButton
            as={AppLink}
            to={`${href("/trainer/accompaniment/new")}?trainee=${encodeURIComponent(session.trainee.id)}`}
            variant="secondary"
          >
            {t("detail.recordAnother")}
          </LinkButton>
        </div>
      </div>
    </UiProvider>
  );
}
