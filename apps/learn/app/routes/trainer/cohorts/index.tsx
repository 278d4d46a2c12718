import {
  ActivityTypeTag,
  CountryName,
  EmptyState,
  LinkButton,
  MarkerBadge,
  RegionBadge,
  Table,
  UiProvider,
} from "@peacelearn/ui";
import { href } from "react-router";
import { AppLink } from "~/components/app-link";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { getDb } from "~/lib/db.server";
import { useDiscreetNames } from "~/lib/discreet-names";
import { formatDay } from "~/lib/format";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { requireRole } from "~/modules/auth/guards.server";
import { isAdmin } from "~/modules/cohorts/access.server";
import { type CohortListItem, listCohorts } from "~/modules/cohorts/cohorts.server";
import { cohortHref } from "~/modules/cohorts/hrefs";
import type { Route } from "./+types/index";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireRole(request, "trainer");
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const cohorts = await listCohorts(db, user, locale);
  return { locale, cohorts, seesAll: isAdmin(user) };
}

export default function CohortsPage({ loaderData }: Route.ComponentProps) {
  const { locale, cohorts, seesAll } = loaderData;
  const { t } = useTranslation("cohorts");
  const names = useDiscreetNames();
  const heading = seesAll ? t("list.titleAll") : t("list.title");
  const title = usePageTitle(heading);
  const ui = locale === "fr" ? "fr" : "en";

  return (
    <UiProvider locale={uiLocale(locale)}>
      <div className="flex flex-col gap-6">
        <title>{title}</title>
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h1 className="text-3xl font-bold">{heading}</h1>
          <LinkButton as={AppLink} to={href("/trainer/cohorts/new")}>
            {t("list.new")}
          </LinkButton>
        </div>
        {cohorts.length === 0 ? (
          <EmptyState title={t("list.emptyTitle")} description={t("list.emptyBody")} />
        ) : (
          <Table<CohortListItem>
            locale={ui}
            caption={seesAll ? t("list.captionAll") : t("list.caption")}
            rows={cohorts}
            rowKey={(cohort) => cohort.id}
            columns={[
              {
                key: "name",
                header: t("fields.name"),
                isRowHeader: true,
                cell: (cohort) => (
                  <span className="flex flex-col gap-1">
                    <AppLink to={cohortHref(cohort.id)} className="text-primary underline">
                      {names.cohort(cohort.id, cohort.name)}
                    </AppLink>
                    {names.discreet ? null : (
                      <span
                        className="text-sm font-normal text-ink-muted"
                        lang={cohort.courseTitle.lang}
                      >
                        {cohort.courseTitle.text}
                      </span>
                    )}
                  </span>
                ),
              },
              {
                key: "location",
                header: t("fields.location"),
                cell: (cohort) => (
                  <span className="flex flex-col items-start gap-1">
                    <CountryName code={cohort.locationCode} locale={ui} />
                    {cohort.place ? <span className="text-sm">{cohort.place}</span> : null}
                    <RegionBadge region={cohort.programmeRegion} locale={ui} />
                  </span>
                ),
              },
              {
                key: "dates",
                header: t("fields.dates"),
                cell: (cohort) =>
                  cohort.endsOn
                    ? t("list.dateRange", {
                        start: formatDay(cohort.startsOn, locale),
                        end: formatDay(cohort.endsOn, locale),
                      })
                    : t("list.dateFrom", { start: formatDay(cohort.startsOn, locale) }),
              },
              {
                key: "markers",
                header: t("fields.markers"),
                cell: (cohort) => (
                  <span className="flex flex-col items-start gap-1">
                    <ActivityTypeTag type={cohort.activityType} locale={ui} />
                    <MarkerBadge marker="dac-gender" code={cohort.dacGenderMarker} locale={ui} />
                  </span>
                ),
              },
              {
                key: "members",
                header: t("fields.members"),
                align: "end",
                cell: (cohort) => cohort.memberCount,
              },
              {
                key: "trainers",
                header: t("fields.trainers"),
                cell: (cohort) => cohort.trainerNames.join(", "),
              },
            ]}
          />
        )}
      </div>
    </UiProvider>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
