import { labelCategory } from "@peacelearn/domain";
import { Button, Select } from "@peacelearn/ui";
import { href } from "react-router";
import { AppForm } from "~/components/app-form";
import { getDb } from "~/lib/db.server";
import { readQuery } from "~/lib/form.server";
import { formatDate } from "~/lib/format";
import { useTranslation } from "~/lib/i18n-react";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { requireRole } from "~/modules/auth/guards.server";
import { MeansSection } from "~/modules/evaluation/components/evaluation-tables";
import {
  loadEvaluationReport,
  parseEvaluationQuery,
} from "~/modules/evaluation/evaluation-report.server";
import { evaluationMinCellSize } from "~/modules/evaluation/gain.server";
import { evaluationCutIds } from "~/modules/evaluation/protected-means.server";
import { formalAgeScheme } from "~/modules/reports/schema";
import type { Route } from "./+types/learning-gain";

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "staff");
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const report = await loadEvaluationReport(db, parseEvaluationQuery(readQuery(request)), {
    locale,
    ageScheme: formalAgeScheme,
  });
  // Server constants go to the page as data: the component must not import *.server modules.
  return { locale, ...report, minCellSize: evaluationMinCellSize, cutIds: evaluationCutIds };
}

export default function LearningGainReport({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("evaluation");
  const { locale, courses, cohorts, query, gain, reaction, minCellSize, cutIds } = loaderData;
  const pageTitle = usePageTitle(t("report.title"));
  return (
    <div className="flex flex-col gap-6">
      <title>{pageTitle}</title>
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("report.title")}</h1>
        <p>{t("report.intro", { k: minCellSize })}</p>
      </header>
      {courses.length === 0 ? (
        <p>{t("report.noCourses")}</p>
      ) : (
        <>
          <AppForm
            method="get"
            action={href("/reports/learning-gain")}
            className="flex flex-wrap items-end gap-4"
          >
            <Select
              id="evaluation-course"
              name="course"
              label={t("report.course")}
              defaultValue={query.course ?? ""}
              options={courses.map((course) => ({ value: course.key, label: course.title }))}
            />
            <Select
              id="evaluation-cohort"
              name="cohort"
              label={t("report.scope")}
              description={t("report.cohortCut")}
              defaultValue={query.cohort ?? ""}
              options={[
                { value: "", label: t("report.wholeCourse") },
                ...cohorts.map((cohort) => ({
                  value: cohort.id,
                  label: t("report.cohortLabel", {
                    number: cohort.slot,
                    region: labelCategory("region", cohort.programmeRegion, locale),
                    start: formatDate(cohort.startsOn, locale),
                  }),
                })),
              ]}
            />
            <Select
              id="evaluation-cut"
              name="cut"
              label={t("report.cut")}
              defaultValue={query.cut}
              options={cutIds.map((id) => ({ value: id, label: t(`report.cuts.${id}`) }))}
            />
            <Button type="submit">{t("report.show")}</Button>
          </AppForm>
          {gain ? (
            <MeansSection
              id="gain-heading"
              heading={t("report.gainHeading")}
              note={t("report.gainNote")}
              rows={gain.cells}
              total={gain.total}
              locale={locale}
              columns={[
                { key: "pre", header: t("report.columns.pre"), digits: 1 },
                { key: "post", header: t("report.columns.post"), digits: 1 },
                { key: "gain", header: t("report.columns.gain"), digits: 1 },
                {
                  key: "normalisedGain",
                  header: t("report.columns.normalisedGain"),
                  digits: 2,
                  undefinedText: t("report.notDefined"),
                },
              ]}
            />
          ) : null}
          {reaction ? (
            <MeansSection
              id="reaction-heading"
              heading={t("report.reactionHeading")}
              note={t("report.reactionNote")}
              rows={reaction.cells}
              total={reaction.total}
              locale={locale}
              columns={[
                { key: "usefulness", header: t("report.columns.usefulness"), digits: 1 },
                { key: "confidence", header: t("report.columns.confidence"), digits: 1 },
              ]}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
