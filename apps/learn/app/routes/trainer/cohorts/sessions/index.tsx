import { attendanceStatuses } from "@peacelearn/db/schemas";
import { Button, Card, ErrorSummary, Table, UiProvider } from "@peacelearn/ui";
import { data, href, redirect } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { parseForm } from "~/lib/form.server";
import { formatDayTime, formatPercent } from "~/lib/format";
import { formState } from "~/lib/forms";
import { assertSameOrigin } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import {
  createWorkshop,
  loadCohortAttendance,
  type MemberAttendance,
  type WorkshopWithCounts,
} from "~/modules/attendance/attendance.server";
import { SessionFormSchema } from "~/modules/attendance/schema";
import { requireCohortTrainer } from "~/modules/cohorts/access.server";
import { CohortNav } from "~/modules/cohorts/components/cohort-nav";
import { WorkshopFields, workshopFields } from "~/modules/cohorts/components/workshop-fields";
import { traineeHref, workshopHref } from "~/modules/cohorts/hrefs";
import type { Route } from "./+types/index";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, cohort } = await requireCohortTrainer(request, params.cohortId);
  const locale = await getLocale(request);
  const attendance = await loadCohortAttendance(db, {
    cohortId: cohort.id,
    locale,
    now: new Date(),
  });
  return { locale, cohort, ...attendance };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const { db, cohort } = await requireCohortTrainer(request, params.cohortId);
  const submission = await parseForm({ request, context }, SessionFormSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const workshop = await createWorkshop(db, cohort.id, submission.value);
  return redirect(workshopHref(cohort.id, workshop.id), { status: 303 });
}

const ERRORS_ID = "workshop-errors";

export default function CohortSessionsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, cohort, sessions, members } = loaderData;
  const { t } = useTranslation("cohorts");
  const pageTitle = t("workshops.title");
  const title = usePageTitle(`${pageTitle} — ${cohort.name}`);
  const form = formState(actionData?.result, t);
  const ui = locale === "fr" ? "fr" : "en";
  const summary = workshopFields
    .filter((name) => form.error(name))
    .map((name) => ({
      fieldId: `workshop-${name}`,
      message: `${t(`fields.${name}`)}: ${form.error(name)}`,
    }));
  const rate = (value: number | null) =>
    value === null ? t("grid.noRate") : formatPercent(value, locale, 1);

  return (
    <UiProvider locale={uiLocale(locale)}>
      <div className="flex flex-col gap-8">
        <title>{title}</title>
        <CohortNav
          cohort={cohort}
          current={{
            label: pageTitle,
            href: href("/trainer/cohorts/:cohortId/sessions", { cohortId: cohort.id }),
          }}
        />
        <h1 className="text-3xl font-bold">{pageTitle}</h1>
        {/*
          A failed "schedule a workshop" comes back to the top of a long page: its errors are
          here, each linking to its field, and the form posts to this block's fragment, so the
          browser scrolls to it and starts keyboard focus there even without JavaScript.
        */}
        {summary.length > 0 ? (
          <div id={ERRORS_ID} tabIndex={-1}>
            <ErrorSummary title={t("errors.summaryTitle")} errors={summary} />
          </div>
        ) : null}

        <Table<WorkshopWithCounts>
          locale={ui}
          caption={t("workshops.caption")}
          rows={sessions}
          rowKey={(session) => session.id}
          emptyMessage={t("workshops.empty")}
          columns={[
            {
              key: "title",
              header: t("fields.title"),
              isRowHeader: true,
              cell: (session) => (
                <AppLink
                  to={workshopHref(cohort.id, session.id)}
                  className="text-primary underline"
                >
                  {session.title}
                </AppLink>
              ),
            },
            {
              key: "when",
              header: t("fields.startsAt"),
              cell: (session) => formatDayTime(session.startsAt, locale),
            },
            { key: "place", header: t("fields.place"), cell: (session) => session.place ?? "" },
            ...([...attendanceStatuses, "not-recorded"] as const).map((state) => ({
              key: state,
              header: t(`attendance.state.${state}`),
              align: "end" as const,
              cell: (session: WorkshopWithCounts) => session.counts[state],
            })),
          ]}
        />

        <section aria-labelledby="rates-heading" className="flex flex-col gap-3">
          <h2 id="rates-heading" className="text-2xl font-bold">
            {t("attendance.ratesHeading")}
          </h2>
          <p className="text-sm text-ink-muted">{t("attendance.rateHelp")}</p>
          <Table<MemberAttendance>
            locale={ui}
            caption={t("attendance.ratesCaption")}
            rows={members}
            rowKey={(member) => member.userId}
            emptyMessage={t("grid.emptyBody")}
            columns={[
              {
                key: "name",
                header: t("grid.trainee"),
                isRowHeader: true,
                cell: (member) => (
                  <AppLink
                    to={traineeHref(cohort.id, member.userId)}
                    className="text-primary underline"
                  >
                    {member.displayName}
                  </AppLink>
                ),
              },
              ...attendanceStatuses.map((status) => ({
                key: status,
                header: t(`attendance.state.${status}`),
                align: "end" as const,
                cell: (member: MemberAttendance) => member.summary[status],
              })),
              {
                key: "notRecorded",
                header: t("attendance.state.not-recorded"),
                align: "end",
                cell: (member) => member.summary.notRecorded,
              },
              {
                key: "rate",
                header: t("grid.attendance"),
                align: "end",
                cell: (member) => rate(member.summary.ratePercent),
              },
            ]}
          />
        </section>

        <section aria-labelledby="new-workshop-heading" className="flex flex-col gap-3">
          <h2 id="new-workshop-heading" className="text-2xl font-bold">
            {t("workshops.newHeading")}
          </h2>
          <Card>
            <AppForm
              method="post"
              action={`${href("/trainer/cohorts/:cohortId/sessions", { cohortId: cohort.id })}#${ERRORS_ID}`}
              noValidate
              className="flex flex-col gap-4"
            >
              <WorkshopFields value={form.value} error={form.error} />
              <Button type="submit">{t("workshops.create")}</Button>
            </AppForm>
          </Card>
        </section>
      </div>
    </UiProvider>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
