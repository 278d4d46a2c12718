import {
  Button,
  EmptyState,
  LinkButton,
  Stat,
  Table,
  type TableColumn,
  tableSortHref,
  UiProvider,
} from "@peacelearn/ui";
import { data, href, useLocation } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { CsvSeparatorChoice } from "~/components/csv-separator-choice";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { useDiscreetNames } from "~/lib/discreet-names";
import { readQuery } from "~/lib/form.server";
import { formatDay, formatPercent } from "~/lib/format";
import type { Translate, TranslationKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { requireCohortTrainer } from "~/modules/cohorts/access.server";
import { CohortMeta } from "~/modules/cohorts/components/cohort-meta";
import { CohortNav } from "~/modules/cohorts/components/cohort-nav";
import { HelpSignals } from "~/modules/cohorts/components/help-signals";
import { RosterFilter } from "~/modules/cohorts/components/roster-filter";
import { exportAction, traineeHref } from "~/modules/cohorts/hrefs";
import {
  loadCohortRoster,
  type ModuleCell,
  type TraineeProgress,
} from "~/modules/cohorts/roster.server";
import { parseRosterView, viewRoster } from "~/modules/cohorts/roster-view";
import { moduleAnchor } from "~/modules/courses/hrefs";
import type { Route } from "./+types/cohort";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, cohort } = await requireCohortTrainer(request, params.cohortId);
  const locale = await getLocale(request);
  const roster = await loadCohortRoster(db, { cohortId: cohort.id, locale, now: new Date() });
  if (!roster) throw data({ message: "not-found" }, { status: 404 });
  const view = parseRosterView(readQuery(request));
  return {
    locale,
    ...roster,
    view,
    // The grid's rows; the figures above it stay those of the whole cohort.
    shown: viewRoster(roster.trainees, view, locale),
  };
}

export default function CohortPage({ loaderData }: Route.ComponentProps) {
  const { locale, cohort, modules, trainees, workshopCount, view, shown } = loaderData;
  const location = useLocation();
  const { t } = useTranslation("cohorts");
  const names = useDiscreetNames();
  const title = usePageTitle(cohort.name);
  const needHelp = trainees.filter((trainee) => trainee.signals.length > 0).length;
  // Cells repeat the same few phrases ("1 of 2 lessons", "Check: passed (80 %, 1 attempt)"):
  // translate each distinct one once per render.
  const phrase = rememberingT(t);

  const checkText = (cell: ModuleCell) => {
    if (cell.check === "none") return null;
    if (cell.check === "not-attempted") return phrase("grid.checkNotAttempted");
    const score = cell.bestScore === null ? "" : formatPercent(cell.bestScore, locale, 1);
    return cell.check === "passed"
      ? phrase("grid.checkPassed", { score, count: cell.attempts })
      : phrase("grid.checkFailed", { score, count: cell.attempts });
  };

  // The grid links are plain anchors: this page ships no JavaScript (no `hydrate` handle), so a
  // router <AppLink> would render the same <a href> at the cost of its hooks in every cell. Their
  // addresses hold ids and numbers only; in discreet mode the server turns them neutral.
  const columns: TableColumn<TraineeProgress>[] = [
    {
      key: "trainee",
      header: t("grid.trainee"),
      isRowHeader: true,
      sortable: true,
      cell: (trainee) => (
        <span className="flex flex-col">
          <a className="text-primary underline" href={traineeHref(cohort.id, trainee.userId)}>
            {trainee.displayName}
          </a>
          {/* A second detail, so two trainees with one name are never one row (issue 12). */}
          <span className="text-sm font-normal text-ink-muted">{trainee.email}</span>
          <span className="text-sm font-normal text-ink-muted">
            {phrase("grid.joined", { date: formatDay(trainee.joinedAt, locale) })}
          </span>
          {trainee.inactive ? (
            <span className="text-sm font-semibold text-ink">{t("grid.inactive")}</span>
          ) : null}
        </span>
      ),
    },
    ...modules.map(
      (module, index): TableColumn<TraineeProgress> => ({
        key: `module-${module.key}`,
        header: (
          <span lang={module.title.lang}>
            {t("grid.moduleHeader", { number: index + 1, title: module.title.text })}
          </span>
        ),
        cell: (trainee) => {
          const cell = trainee.cells[index];
          if (!cell) return null;
          const check = checkText(cell);
          return (
            <a
              className="flex flex-col text-primary underline"
              href={`${traineeHref(cohort.id, trainee.userId)}#${moduleAnchor(index + 1)}`}
            >
              <span>
                {phrase("grid.lessons", {
                  count: cell.lessonsCompleted,
                  total: cell.lessonsTotal,
                })}
              </span>
              {check ? <span className="text-sm">{check}</span> : null}
              <span className="sr-only">
                {t("grid.cellContext", { name: trainee.displayName, module: module.title.text })}
              </span>
            </a>
          );
        },
      }),
    ),
    {
      key: "course",
      header: t("grid.course"),
      align: "end",
      sortable: true,
      cell: (trainee) => formatPercent(trainee.course.percent, locale, 1),
    },
    {
      key: "attendance",
      header: t("grid.attendance"),
      align: "end",
      sortable: true,
      cell: (trainee) =>
        trainee.attendance.ratePercent === null
          ? t("grid.noRate")
          : formatPercent(trainee.attendance.ratePercent, locale, 1),
    },
    {
      key: "help",
      header: t("grid.needsHelp"),
      cell: (trainee) => <HelpSignals signals={trainee.signals} locale={locale} />,
    },
  ];

  return (
    <UiProvider locale={uiLocale(locale)}>
      <div className="flex flex-col gap-8">
        <title>{title}</title>
        <CohortNav cohort={cohort} />
        <h1 className="text-3xl font-bold">{names.cohort(cohort.id, cohort.name)}</h1>
        <CohortMeta cohort={cohort} locale={locale} />

        <div className="grid gap-4 sm:grid-cols-3">
          <Stat label={t("stats.members")} value={trainees.length} />
          <Stat
            label={t("stats.needHelp")}
            value={needHelp}
            description={t("stats.needHelpHelp")}
          />
          <Stat label={t("stats.workshops")} value={workshopCount} />
        </div>

        {trainees.length === 0 ? (
          <EmptyState
            title={t("grid.emptyTitle")}
            description={t("grid.emptyBody")}
            action={
              <LinkButton
                as={AppLink}
                to={href("/trainer/cohorts/:cohortId/members", { cohortId: cohort.id })}
              >
                {t("grid.addTrainees")}
              </LinkButton>
            }
          />
        ) : (
          <section aria-labelledby="grid-heading" className="flex flex-col gap-3">
            <h2 id="grid-heading" className="text-2xl font-bold">
              {t("grid.heading")}
            </h2>
            <p className="text-sm text-ink-muted">{t("grid.legend")}</p>
            <RosterFilter
              view={view}
              shown={shown.length}
              total={trainees.length}
              clearHref={href("/trainer/cohorts/:cohortId", { cohortId: cohort.id })}
            />
            <Table<TraineeProgress>
              locale={locale === "fr" ? "fr" : "en"}
              caption={t("grid.caption", { name: cohort.name })}
              rows={shown}
              rowKey={(trainee) => trainee.userId}
              columns={columns}
              sort={view.sort}
              sortHref={(sort) => tableSortHref(sort, location.search)}
              emptyMessage={t("grid.noneShown")}
            />
          </section>
        )}

        <section aria-labelledby="export-heading" className="flex flex-col gap-3">
          <h2 id="export-heading" className="text-2xl font-bold">
            {t("export.heading")}
          </h2>
          <p className="text-sm text-ink-muted">{t("export.help")}</p>
          {/* A GET form (no JavaScript needed): the file's kind is the button pressed. */}
          <AppForm
            method="get"
            action={exportAction(cohort.id)}
            reloadDocument
            className="flex flex-col gap-3"
          >
            <CsvSeparatorChoice locale={locale} />
            <label className="flex items-center gap-2">
              <input type="checkbox" name="headers" value="codes" />
              {t("export.headersCodes")}
            </label>
            <ul className="flex list-none flex-wrap gap-3 ps-0">
              {(["roster", "progress", "attendance"] as const).map((kind) => (
                <li key={kind}>
                  <Button type="submit" name="kind" value={kind} variant="secondary">
                    {t(`export.${kind}`)}
                  </Button>
                </li>
              ))}
            </ul>
          </AppForm>
        </section>
      </div>
    </UiProvider>
  );
}

/** `t` that remembers its answers, for one render (a fresh one per render: no stale language). */
function rememberingT(t: Translate<"cohorts">) {
  const known = new Map<string, string>();
  return (key: TranslationKey<"cohorts">, options?: Record<string, string | number>): string => {
    const id = options ? `${key} ${JSON.stringify(options)}` : key;
    let text = known.get(id);
    if (text === undefined) {
      text = t(key, options);
      known.set(id, text);
    }
    return text;
  };
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
