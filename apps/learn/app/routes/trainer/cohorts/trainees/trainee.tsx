import { Badge, ProgressBar, Stat, Table, UiProvider } from "@peacelearn/ui";
import { data, href } from "react-router";
import { AppLink } from "~/components/app-link";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { parseForm } from "~/lib/form.server";
import { formatDay, formatDayTime, formatPercent } from "~/lib/format";
import { assertSameOrigin } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { TraineePlans } from "~/modules/action-plans/components/plan-list";
import { listPlansOf } from "~/modules/action-plans/plans.server";
import { RecoveryCodeCard } from "~/modules/auth/components/recovery-code-card";
import { IssueRecoveryCodeSchema } from "~/modules/auth/schema";
import { requireCohortTrainer } from "~/modules/cohorts/access.server";
import { CohortNav } from "~/modules/cohorts/components/cohort-nav";
import { HelpSignals } from "~/modules/cohorts/components/help-signals";
import { traineeHref } from "~/modules/cohorts/hrefs";
import { issueTraineeRecoveryCode, traineeRecovery } from "~/modules/cohorts/recovery.server";
import { loadTraineeDetail, type TraineeDetail } from "~/modules/cohorts/trainee-detail.server";
import { moduleAnchor } from "~/modules/courses/hrefs";
import type { Route } from "./+types/trainee";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, cohort } = await requireCohortTrainer(request, params.cohortId);
  const locale = await getLocale(request);
  const [detail, recovery, plans] = await Promise.all([
    loadTraineeDetail(db, { cohortId: cohort.id, userId: params.userId, locale, now: new Date() }),
    traineeRecovery(db, { cohortId: cohort.id, userId: params.userId }),
    listPlansOf(db, params.userId),
  ]);
  if (!detail) throw data({ message: "not-found" }, { status: 404 });
  return { locale, ...detail, recovery: recovery ?? "through-admin", plans };
}

/** The page's one form: issue a recovery code for this trainee (shown once, in the answer). */
export async function action({ request, params, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const { db, user, cohort } = await requireCohortTrainer(request, params.cohortId);
  const submission = await parseForm({ request, context }, IssueRecoveryCodeSchema);
  if (submission.status !== "success") {
    return data({ issued: null, result: submission.reply() }, { status: 400 });
  }
  const issued = await issueTraineeRecoveryCode(db, {
    issuerId: user.id,
    cohortId: cohort.id,
    userId: params.userId,
  });
  return { issued: { code: issued.code }, result: submission.reply() };
}

type Workshop = TraineeDetail["workshops"][number];

export default function TraineeDetailPage({ loaderData, actionData }: Route.ComponentProps) {
  const {
    locale,
    cohort,
    trainee,
    course,
    modules,
    workshops,
    attendance,
    signals,
    lastActivityAt,
    recovery,
  } = loaderData;
  const { t } = useTranslation("cohorts");
  const title = usePageTitle(`${trainee.displayName} — ${cohort.name}`);
  const ui = locale === "fr" ? "fr" : "en";

  return (
    <UiProvider locale={uiLocale(locale)}>
      <div className="flex flex-col gap-8">
        <title>{title}</title>
        <CohortNav
          cohort={cohort}
          current={{ label: trainee.displayName, href: traineeHref(cohort.id, trainee.id) }}
        />
        <div className="flex flex-col gap-1">
          <h1 className="text-3xl font-bold">{trainee.displayName}</h1>
          <p className="text-ink-muted">
            {trainee.email} · {t("grid.joined", { date: formatDay(trainee.joinedAt, locale) })}
          </p>
          <p>
            {/* The accompaniment list filtered to this trainee (notes stay guarded there). */}
            <AppLink
              to={`${href("/trainer/accompaniment")}?${new URLSearchParams({ trainee: trainee.id, cohort: cohort.id })}`}
              className="font-semibold text-primary underline"
            >
              {t("detail.accompanimentHistory")}
            </AppLink>
          </p>
        </div>

        <div className="grid gap-4 sm:grid-cols-3">
          <Stat
            label={t("detail.course")}
            value={formatPercent(course.percent, locale, 1)}
            description={t("grid.lessons", { count: course.completed, total: course.total })}
          />
          <Stat
            label={t("grid.attendance")}
            value={
              attendance.ratePercent === null
                ? t("grid.noRate")
                : formatPercent(attendance.ratePercent, locale, 1)
            }
            description={t("detail.attendanceCounts", attendance)}
          />
          <Stat
            label={t("detail.lastActivity")}
            value={lastActivityAt ? formatDay(lastActivityAt, locale) : t("detail.never")}
          />
        </div>

        <section aria-labelledby="help-heading" className="flex flex-col gap-2">
          <h2 id="help-heading" className="text-2xl font-bold">
            {t("grid.needsHelp")}
          </h2>
          <HelpSignals signals={signals} locale={locale} />
          <p className="text-sm text-ink-muted">{t("stats.needHelpHelp")}</p>
        </section>

        {modules.map((module, index) => (
          <section
            key={module.key}
            id={moduleAnchor(index + 1)}
            aria-labelledby={`${moduleAnchor(index + 1)}-heading`}
            className="flex flex-col gap-3"
          >
            <h2
              id={`${moduleAnchor(index + 1)}-heading`}
              className="text-2xl font-bold"
              lang={module.title.lang}
            >
              {t("grid.moduleHeader", { number: index + 1, title: module.title.text })}
            </h2>
            <ProgressBar
              locale={ui}
              label={t("detail.lessonsDone")}
              value={module.progress.completed}
              max={Math.max(module.progress.total, 1)}
              valueText={t("grid.lessons", {
                count: module.progress.completed,
                total: module.progress.total,
              })}
            />
            <ul className="flex list-none flex-col gap-1 ps-0">
              {module.lessons.map((lesson) => (
                <li key={lesson.key} className="flex flex-wrap items-center gap-2">
                  <Badge
                    tone={
                      lesson.state === "completed"
                        ? "success"
                        : lesson.state === "in-progress"
                          ? "info"
                          : "neutral"
                    }
                  >
                    {t(`detail.lessonState.${lesson.state}`)}
                  </Badge>
                  <span lang={lesson.title.lang}>{lesson.title.text}</span>
                  {lesson.completedAt ? (
                    <span className="text-sm text-ink-muted">
                      {t("detail.completedOn", { date: formatDay(lesson.completedAt, locale) })}
                    </span>
                  ) : lesson.lastViewedAt ? (
                    <span className="text-sm text-ink-muted">
                      {t("detail.viewedOn", { date: formatDay(lesson.lastViewedAt, locale) })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
            {module.checks.map((check) => (
              <Table
                key={check.id}
                locale={ui}
                caption={t("detail.attemptsCaption", {
                  title: check.title.text,
                  passMark: check.passMark,
                })}
                rows={check.attempts.map((attempt, n) => ({ ...attempt, n: n + 1 }))}
                rowKey={(attempt) => String(attempt.n)}
                emptyMessage={t("detail.noAttempts")}
                columns={[
                  { key: "n", header: t("detail.attempt"), isRowHeader: true, cell: (a) => a.n },
                  {
                    key: "date",
                    header: t("detail.submitted"),
                    cell: (a) => formatDayTime(a.submittedAt, locale),
                  },
                  {
                    key: "score",
                    header: t("detail.score"),
                    align: "end",
                    cell: (a) => formatPercent(a.score, locale, 1),
                  },
                  {
                    key: "result",
                    header: t("detail.result"),
                    cell: (a) => (
                      <Badge tone={a.passed ? "success" : "warning"}>
                        {a.passed ? t("detail.passed") : t("detail.notPassed")}
                      </Badge>
                    ),
                  },
                ]}
              />
            ))}
          </section>
        ))}

        <section aria-labelledby="attendance-heading" className="flex flex-col gap-3">
          <h2 id="attendance-heading" className="text-2xl font-bold">
            {t("detail.attendanceHeading")}
          </h2>
          <Table<Workshop>
            locale={ui}
            caption={t("detail.attendanceCaption", { name: trainee.displayName })}
            rows={workshops}
            rowKey={(workshop) => workshop.id}
            emptyMessage={t("workshops.empty")}
            columns={[
              { key: "title", header: t("fields.title"), isRowHeader: true, cell: (w) => w.title },
              {
                key: "date",
                header: t("fields.startsAt"),
                cell: (w) => formatDayTime(w.startsAt, locale),
              },
              {
                key: "state",
                header: t("detail.status"),
                cell: (w) => t(`attendance.state.${w.state}`),
              },
            ]}
          />
          <p className="text-sm text-ink-muted">{t("attendance.rateHelp")}</p>
        </section>

        <TraineePlans plans={loaderData.plans} locale={locale} />

        <RecoveryCodeCard
          name={trainee.displayName}
          state={
            recovery === "allowed"
              ? { kind: "allowed", issued: actionData?.issued ?? null }
              : { kind: "through-admin" }
          }
        />
      </div>
    </UiProvider>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
