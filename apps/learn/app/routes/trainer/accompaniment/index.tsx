import { Alert, Badge, LinkButton, Pagination, Table, UiProvider } from "@peacelearn/ui";
import { href, useLocation } from "react-router";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { readQuery } from "~/lib/form.server";
import { formatDay } from "~/lib/format";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { FollowUpStatusBadges } from "~/modules/accompaniment/components/follow-up-status";
import { SessionFilters } from "~/modules/accompaniment/components/session-filters";
import { parseListFilters } from "~/modules/accompaniment/schema";
import { type ListedSession, listSessions } from "~/modules/accompaniment/session-list.server";
import { cohortOptions, loadViewer, traineeOptions } from "~/modules/accompaniment/sessions.server";
import { requireRole } from "~/modules/auth/guards.server";
import type { Route } from "./+types/index";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireRole(request, "trainer");
  const [db, locale] = await Promise.all([getDb(), getLocale(request)]);
  const viewer = await loadViewer(db, user);
  const filters = parseListFilters(readQuery(request));
  const [page, trainees, cohorts] = await Promise.all([
    listSessions(db, viewer, filters),
    traineeOptions(db, viewer),
    cohortOptions(db, viewer),
  ]);
  return { locale, filters, trainees, cohorts, ...page };
}

function withPage(search: string, page: number) {
  const params = new URLSearchParams(search);
  if (page <= 1) params.delete("page");
  else params.set("page", String(page));
  const query = params.toString();
  return query ? `?${query}` : "?";
}

export default function AccompanimentListPage({ loaderData }: Route.ComponentProps) {
  const { locale, filters, trainees, cohorts, sessions, total, page, pageCount, overdueCount } =
    loaderData;
  const { t } = useTranslation("accompaniment");
  const title = usePageTitle(t("list.title"));
  const ui = uiLocale(locale);
  const { search } = useLocation();

  return (
    <UiProvider locale={ui}>
      <div className="flex flex-col gap-6">
        <title>{title}</title>
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h1 className="text-3xl font-bold">{t("list.title")}</h1>
          <LinkButton as={AppLink} to={href("/trainer/accompaniment/new")}>
            {t("list.record")}
          </LinkButton>
        </div>
        <p className="text-ink-muted">{t("list.intro")}</p>

        {overdueCount > 0 ? (
          <Alert tone="warning" role="none" title={t("list.overdueTitle", { count: overdueCount })}>
            <AppLink to="?status=overdue" className="font-semibold text-primary underline">
              {t("list.showOverdue")}
            </AppLink>
          </Alert>
        ) : null}

        <SessionFilters filters={filters} trainees={trainees} cohorts={cohorts} locale={ui} />

        <p role="status">{t("list.count", { count: total })}</p>
        <Table<ListedSession>
          caption={t("list.caption", { page, pageCount })}
          rows={sessions}
          rowKey={(session) => session.id}
          emptyMessage={t("list.empty")}
          locale={ui}
          columns={[
            {
              key: "date",
              header: t("list.columns.date"),
              isRowHeader: true,
              cell: (session) => (
                <AppLink
                  to={href("/trainer/accompaniment/:sessionId", { sessionId: session.id })}
                  className="font-semibold text-primary underline"
                >
                  {formatDay(session.occurredOn, locale)}
                </AppLink>
              ),
            },
            {
              key: "trainee",
              header: t("list.columns.trainee"),
              cell: (session) => (
                <span className="flex flex-col">
                  <span>{session.trainee.displayName}</span>
                  <span className="text-sm text-ink-muted">{session.cohort?.name ?? ""}</span>
                </span>
              ),
            },
            {
              key: "mode",
              header: t("list.columns.mode"),
              cell: (session) => t(runtimeKey(`mode.${session.mode}`), session.mode),
            },
            {
              key: "topics",
              header: t("list.columns.topics"),
              cell: (session) => (
                <span className="flex flex-wrap gap-1">
                  {session.topics.map((topic) => (
                    <Badge key={topic}>{topic}</Badge>
                  ))}
                  {session.isSensitive ? (
                    <Badge tone="danger">{t("notes.sensitiveBadge")}</Badge>
                  ) : null}
                </span>
              ),
            },
            {
              key: "followUps",
              header: t("list.columns.followUps"),
              cell: (session) =>
                session.followUps.length === 0 ? (
                  <span className="text-ink-muted">{t("list.noFollowUps")}</span>
                ) : (
                  <ul className="flex flex-col gap-2">
                    {session.followUps.map((action) => (
                      <li key={action.id} className="flex flex-col gap-0.5">
                        <span>{action.description}</span>
                        <span className="text-sm text-ink-muted">
                          {action.isOverdue
                            ? t("followUps.overdueSince", {
                                date: formatDay(action.dueOn, locale),
                              })
                            : t("followUps.dueOn", { date: formatDay(action.dueOn, locale) })}
                          {" · "}
                          {action.ownedByTrainee ? t("owner.trainee") : t("owner.trainerShort")}
                        </span>
                        <FollowUpStatusBadges status={action.status} isOverdue={action.isOverdue} />
                      </li>
                    ))}
                  </ul>
                ),
            },
          ]}
        />
        <Pagination
          page={page}
          pageCount={pageCount}
          hrefForPage={(p) => withPage(search, p)}
          renderLink={({ href, ...props }) => <AppLink to={href} {...props} />}
          locale={ui}
        />
        {filters.trainee ? (
          <p>
            <AppLink
              to={`${href("/trainer/accompaniment/new")}?trainee=${encodeURIComponent(filters.trainee)}`}
              className="font-semibold text-primary underline"
            >
              {t("list.recordForTrainee")}
            </AppLink>
          </p>
        ) : null}
      </div>
    </UiProvider>
  );
}
