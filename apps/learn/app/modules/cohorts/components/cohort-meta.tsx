import { label } from "@peacelearn/domain";
import { ActivityTypeTag, CountryName, MarkerBadge, RegionBadge } from "@peacelearn/ui";
import { formatDay } from "~/lib/format";
import { useTranslation } from "~/lib/i18n-react";
import type { CohortSummary } from "../course-structure.server";

/** What a cohort is: course, place, dates and the programme markers. */
export function CohortMeta({ cohort, locale }: { cohort: CohortSummary; locale: string }) {
  const { t } = useTranslation("cohorts");
  const ui = locale === "fr" ? "fr" : "en";
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
      <div>
        <dt className="text-sm font-semibold text-ink-muted">{t("fields.courseId")}</dt>
        <dd className="ms-0" lang={cohort.course.title.lang}>
          {cohort.course.title.text}
        </dd>
      </div>
      <div>
        <dt className="text-sm font-semibold text-ink-muted">{t("fields.location")}</dt>
        <dd className="ms-0 flex flex-wrap items-center gap-2">
          <CountryName code={cohort.locationCode} locale={ui} />
          {cohort.place ? <span>— {cohort.place}</span> : null}
          <RegionBadge region={cohort.programmeRegion} locale={ui} />
        </dd>
      </div>
      <div>
        <dt className="text-sm font-semibold text-ink-muted">{t("fields.dates")}</dt>
        <dd className="ms-0">
          {cohort.endsOn
            ? t("list.dateRange", {
                start: formatDay(cohort.startsOn, locale),
                end: formatDay(cohort.endsOn, locale),
              })
            : t("list.dateFrom", { start: formatDay(cohort.startsOn, locale) })}
        </dd>
      </div>
      <div>
        <dt className="text-sm font-semibold text-ink-muted">{t("fields.markers")}</dt>
        <dd className="ms-0 flex flex-wrap items-center gap-2">
          <ActivityTypeTag type={cohort.activityType} locale={ui} />
          <MarkerBadge marker="dac-gender" code={cohort.dacGenderMarker} locale={ui} />
          <span className="text-sm">
            {t("fields.dacSectorShort", {
              code: cohort.dacSectorCode,
              name: label("dacSector", cohort.dacSectorCode, locale),
            })}
          </span>
        </dd>
      </div>
    </dl>
  );
}
