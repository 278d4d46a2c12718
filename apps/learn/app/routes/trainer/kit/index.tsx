import { EmptyState, Table, UiProvider } from "@peacelearn/ui";
import { AppLink } from "~/components/app-link";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { getDb } from "~/lib/db.server";
import { useDiscreetNames } from "~/lib/discreet-names";
import { formatDayTime } from "~/lib/format";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { requireRole } from "~/modules/auth/guards.server";
import { kitHref } from "~/modules/workshop-kit/hrefs";
import { type KitWorkshop, loadKitWorkshops } from "~/modules/workshop-kit/workshops.server";
import type { Route } from "./+types/index";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireRole(request, "trainer");
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  return { locale, workshops: await loadKitWorkshops(db, { user, now: new Date() }) };
}

export default function KitListPage({ loaderData }: Route.ComponentProps) {
  const { locale, workshops } = loaderData;
  const { t } = useTranslation("kit");
  const names = useDiscreetNames();
  const title = usePageTitle(t("list.title"));
  return (
    <UiProvider locale={uiLocale(locale)}>
      <div className="flex flex-col gap-6">
        <title>{title}</title>
        <h1 className="text-3xl font-bold">{t("list.title")}</h1>
        <p className="max-w-prose">{t("list.intro")}</p>
        {workshops.length === 0 ? (
          <EmptyState title={t("list.empty")} />
        ) : (
          <Table<KitWorkshop>
            locale={uiLocale(locale)}
            caption={t("list.caption")}
            rows={workshops}
            rowKey={(workshop) => workshop.id}
            columns={[
              {
                key: "workshop",
                header: t("list.workshop"),
                isRowHeader: true,
                cell: (workshop) => (
                  <span className="flex flex-col gap-1">
                    <span>{names.discreet ? t("list.workshop") : workshop.title}</span>
                    <span className="text-sm font-normal text-ink-muted">
                      {names.cohort(workshop.id, workshop.cohortName)}
                    </span>
                  </span>
                ),
              },
              {
                key: "when",
                header: t("list.when"),
                cell: (workshop) =>
                  `${formatDayTime(workshop.startsAt, locale)}${workshop.place ? ` · ${workshop.place}` : ""}`,
              },
              {
                key: "received",
                header: t("list.received"),
                cell: (workshop) => t("list.receivedValue", workshop.received),
              },
              {
                key: "register",
                header: t("list.register"),
                cell: (workshop) => t("list.registerValue", workshop.register),
              },
              {
                key: "open",
                header: t("list.open"),
                cell: (workshop) => (
                  // A plain address, never a neutral one: the kit's offline worker covers /trainer/kit/.
                  <a
                    href={kitHref(workshop.id)}
                    className="font-semibold text-primary underline"
                    aria-label={
                      names.discreet ? undefined : t("list.openFor", { title: workshop.title })
                    }
                  >
                    {t("list.open")}
                  </a>
                ),
              },
            ]}
          />
        )}
        <p>
          <AppLink to="/trainer/cohorts" className="text-primary underline">
            {t("list.backToCohorts")}
          </AppLink>
        </p>
      </div>
    </UiProvider>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
