import { attendanceStatuses } from "@peacelearn/db/schemas";
import {
  Alert,
  Button,
  Card,
  ErrorSummary,
  RadioGroup,
  radioGroupFirstInputId,
  UiProvider,
} from "@peacelearn/ui";
import { data } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { parseForm } from "~/lib/form.server";
import { formatDay, formatDayTime } from "~/lib/format";
import { formState } from "~/lib/forms";
import { assertSameOrigin } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { personLabel } from "~/lib/people";
import {
  loadAttendanceSheet,
  markAllPresent,
  recordAttendance,
} from "~/modules/attendance/attendance.server";
import { AttendanceFormSchema } from "~/modules/attendance/schema";
import { requireCohortTrainer } from "~/modules/cohorts/access.server";
import { CohortNav } from "~/modules/cohorts/components/cohort-nav";
import { workshopEditHref, workshopHref } from "~/modules/cohorts/hrefs";
import { kitHref } from "~/modules/workshop-kit/hrefs";
import type { Route } from "./+types/session";

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

export async function action({ request, params, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const { db, cohort, user } = await requireCohortTrainer(request, params.cohortId);
  const submission = await parseForm({ request, context }, AttendanceFormSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply(), saved: null }, { status: 400 });
  }
  const where = { cohortId: cohort.id, sessionId: params.sessionId, recorderId: user.id };
  const saved =
    submission.value.intent === "all-present"
      ? await markAllPresent(db, { ...where, locale: await getLocale(request), now: new Date() })
      : await recordAttendance(db, {
          ...where,
          statuses: submission.value.status ?? {},
          now: new Date(),
        });
  if (!saved) throw data({ message: "not-found" }, { status: 404 });
  return data({ result: submission.reply(), saved });
}

const SHEET_ID = "attendance-sheet";

export default function AttendanceSheetPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, cohort, session, rows } = loaderData;
  const { t } = useTranslation("cohorts");
  const title = usePageTitle(`${session.title} — ${cohort.name}`);
  const options = attendanceStatuses.map((status) => ({
    value: status,
    label: t(`attendance.state.${status}`),
  }));
  const form = formState(actionData?.result, t);
  const statusField = (userId: string) => `status.${userId}`;
  const groupId = (userId: string) => `status-${userId}`;
  // Every wrong answer is named by the trainee it belongs to; one for somebody not on this sheet
  // (a stale page, a hand-made post) is named as such.
  const onSheet = new Set(rows.map((row) => statusField(row.userId)));
  const problems = [
    ...rows
      .filter((row) => form.error(statusField(row.userId)))
      .map((row) => ({
        fieldId: radioGroupFirstInputId(groupId(row.userId)),
        message: `${personLabel(row)}: ${form.error(statusField(row.userId))}`,
      })),
    ...(Object.keys(form.errors).some(
      (field) => field === "status" || (field.startsWith("status.") && !onSheet.has(field)),
    )
      ? [{ fieldId: SHEET_ID, message: t("errors.statusNotOnSheet") }]
      : []),
  ];

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
          <p className="print:hidden">
            <AppLink
              to={workshopEditHref(cohort.id, session.id)}
              className="font-semibold text-primary underline"
            >
              {t("workshops.edit")}
            </AppLink>
          </p>
          <p className="print:hidden">
            {/* Its own address, never a neutral one: the kit's offline worker covers /trainer/kit/. */}
            <a href={kitHref(session.id)} className="font-semibold text-primary underline">
              {t("kit:list.fromSheet")}
            </a>
          </p>
        </div>

        {actionData?.saved ? (
          <Alert tone="success" title={t("attendance.savedTitle")} role="status">
            {t("attendance.saved", { count: actionData.saved.saved })}
          </Alert>
        ) : null}
        {actionData && !actionData.saved && problems.length > 0 ? (
          <ErrorSummary title={t("errors.summaryTitle")} errors={problems} />
        ) : null}

        {rows.length === 0 ? (
          <p>{t("grid.emptyBody")}</p>
        ) : (
          <Card>
            <AppForm method="post" id={SHEET_ID} tabIndex={-1} className="flex flex-col gap-5">
              <p className="text-sm text-ink-muted">{t("attendance.sheetHelp")}</p>
              {/* A submit button, so it works without JavaScript: it saves every member as present. */}
              <div className="flex flex-wrap items-center gap-3 print:hidden">
                <Button type="submit" name="intent" value="all-present" variant="secondary">
                  {t("attendance.markAllPresent")}
                </Button>
                <span className="text-sm text-ink-muted">{t("attendance.markAllPresentHelp")}</span>
              </div>
              {rows.map((row) =>
                row.wasMember ? (
                  <RadioGroup
                    key={row.userId}
                    id={groupId(row.userId)}
                    name={statusField(row.userId)}
                    label={personLabel(row)}
                    orientation="horizontal"
                    options={options}
                    defaultValue={form.value(statusField(row.userId)) || (row.status ?? undefined)}
                    error={form.error(statusField(row.userId))}
                    description={row.status ? undefined : t("attendance.notRecordedYet")}
                    className="border-b border-border pb-4"
                  />
                ) : (
                  <div key={row.userId} className="flex flex-col border-b border-border pb-4">
                    <span className="font-semibold">{personLabel(row)}</span>
                    <span className="text-sm text-ink-muted">
                      {t("attendance.notYetMember", { date: formatDay(row.joinedAt, locale) })}
                    </span>
                  </div>
                ),
              )}
              <Button type="submit" name="intent" value="save" className="print:hidden">
                {t("attendance.save")}
              </Button>
            </AppForm>
          </Card>
        )}
      </div>
    </UiProvider>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
