import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Button, Card, RadioGroup, UiProvider } from "@peacelearn/ui";
import { data, Form } from "react-router";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { assertSameOrigin } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n-react";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { loadAttendanceSheet, recordAttendance } from "~/modules/attendance/attendance.server";
import { attendanceStatuses } from "~/modules/attendance/attendance-rates";
import { AttendanceFormSchema } from "~/modules/attendance/schema";
import { requireCohortTrainer } from "~/modules/cohorts/access.server";
import { CohortNav } from "~/modules/cohorts/components/cohort-nav";
import { formatDay, formatDayTime } from "~/modules/cohorts/format";
import { workshopHref } from "~/modules/cohorts/hrefs";
import { uiLocale } from "~/modules/courses/ui-locale";
import type { Route } from "./+types/cohort-session";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, cohort } = await requireCohortTrainer(request, params.cohortId);
  const locale = await getLocale(request);
  const sheet = await loadAttendanceSheet(db, {
    cohortId: cohort.id,
    sessionId: params.sessionId,
    locale,
  });
  if (!sheet) throw data({ message: "not-found" }, { status: 404 });
  return { locale, cohort, ...sheet };
}

export async function action({ request, params }: Route.ActionArgs) {
  assertSameOrigin(request);
  const { db, cohort, user } = await requireCohortTrainer(request, params.cohortId);
  const submission = parseWithZod(await request.formData(), { schema: AttendanceFormSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), saved: null }, { status: 400 });
  }
  const saved = await recordAttendance(db, {
    cohortId: cohort.id,
    sessionId: params.sessionId,
    recorderId: user.id,
    statuses: submission.value.status ?? {},
    now: new Date(),
  });
  if (!saved) throw data({ message: "not-found" }, { status: 404 });
  return data({ result: submission.reply(), saved });
}

export default function AttendanceSheetPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, cohort, session, rows } = loaderData;
  const { t } = useTranslation("cohorts");
  const title = usePageTitle(`${session.title} — ${cohort.name}`);
  const options = attendanceStatuses.map((status) => ({
    value: status,
    label: t(`attendance.state.${status}`),
  }));

  return (
    <UiProvider locale={uiLocale(locale)}>
      <div className="flex flex-col gap-6">
        <title>{title}</title>
        <CohortNav
          cohort={cohort}
          current={{ label: session.title, href: workshopHref(cohort.id, session.id) }}
        />
        <div className="flex flex-col gap-1">
          <h1 className="text-3xl font-bold">{session.title}</h1>
          <p className="text-ink-muted">
            {formatDayTime(session.startsAt, locale)}
            {session.place ? ` · ${session.place}` : ""}
          </p>
        </div>

        {actionData?.saved ? (
          <Alert tone="success" title={t("attendance.savedTitle")} role="status">
            {t("attendance.saved", { count: actionData.saved.saved })}
          </Alert>
        ) : null}
        {actionData && !actionData.saved ? (
          <Alert tone="danger" title={t("errors.summaryTitle")}>
            {t("errors.statusInvalid")}
          </Alert>
        ) : null}

        {rows.length === 0 ? (
          <p>{t("grid.emptyBody")}</p>
        ) : (
          <Card>
            <Form method="post" className="flex flex-col gap-5">
              <p className="text-sm text-ink-muted">{t("attendance.sheetHelp")}</p>
              {rows.map((row) =>
                row.wasMember ? (
                  <RadioGroup
                    key={row.userId}
                    id={`status-${row.userId}`}
                    name={`status.${row.userId}`}
                    label={row.displayName}
                    orientation="horizontal"
                    options={options}
                    defaultValue={row.status ?? undefined}
                    description={row.status ? undefined : t("attendance.notRecordedYet")}
                    className="border-b border-border pb-4"
                  />
                ) : (
                  <div key={row.userId} className="flex flex-col border-b border-border pb-4">
                    <span className="font-semibold">{row.displayName}</span>
                    <span className="text-sm text-ink-muted">
                      {t("attendance.notYetMember", { date: formatDay(row.joinedAt, locale) })}
                    </span>
                  </div>
                ),
              )}
              <Button type="submit">{t("attendance.save")}</Button>
            </Form>
          </Card>
        )}
      </div>
    </UiProvider>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
