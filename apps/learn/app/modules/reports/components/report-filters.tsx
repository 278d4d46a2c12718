import {
  activityTypes,
  ageBandSchemes,
  dacGenderMarkerCodes,
  dacSectorCodes,
  disaggregationDimensions,
  label,
  labelCategory,
} from "@peacelearn/domain";
import { Button, Checkbox, Field, Select } from "@peacelearn/ui";
import type { ReactNode } from "react";
import { href } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "~/lib/i18n-react";
import {
  formalCutIds,
  formalCutOf,
  type ReportPeriod,
  type ReportQuery,
  type ReportTier,
  reportMeasures,
  reportTiers,
} from "../schema";

type FiltersProps = { query: ReportQuery; locale: string; periods: readonly ReportPeriod[] };

const inputClass =
  "focus-ring min-h-11 w-full rounded-control border border-border-strong bg-surface px-3 py-2 text-base text-ink";

/** A fixed period as a reader says it: "2026", "2026 Q2", "May 2026" / "mai 2026". */
export function periodLabel(period: ReportPeriod, locale: string): string {
  if (period.includes("-Q")) return period.replace("-", " ");
  if (period.length === 4) return period;
  return new Intl.DateTimeFormat(locale, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${period}-01T00:00:00Z`));
}

/**
 * The tier switch (two links) and the tier's GET form: every choice is in the URL, so it works
 * without JavaScript. Formal: measure, a cut of the family, a fixed period. Exploration: measure,
 * any dimensions, any window, the cohort markers, the age scheme.
 */
export function ReportFilters({ query, locale, periods }: FiltersProps) {
  const { t } = useTranslation("reports");
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t("tiers.heading")} className="flex flex-wrap gap-3">
        {reportTiers.map((tier) => (
          <AppLink
            key={tier}
            to={`${href("/reports")}?tier=${tier}&measure=${query.measure}`}
            aria-current={query.tier === tier ? "page" : undefined}
            className={`focus-ring rounded-control border px-4 py-2 ${query.tier === tier ? "border-ink font-bold" : "border-border-strong"}`}
          >
            {t(`tiers.${tier}`)}
          </AppLink>
        ))}
      </nav>
      <p className="max-w-3xl text-sm text-ink-muted">{t(`tiers.${query.tier}Help`)}</p>
      {query.tier === "formal" ? (
        <FormalFilters query={query} locale={locale} periods={periods} />
      ) : (
        <ExplorationFilters query={query} locale={locale} />
      )}
    </div>
  );
}

function MeasureSelect({ query }: { query: ReportQuery }) {
  const { t } = useTranslation("reports");
  return (
    <Select
      id="report-measure"
      name="measure"
      label={t("filters.measure")}
      defaultValue={query.measure}
      options={reportMeasures.map((measure) => ({
        value: measure,
        label: t(`measures.${measure}`),
      }))}
    />
  );
}

/** A tier's GET form: its heading, the tier as a hidden field, its fields, the submit button. */
function TierForm({ tier, children }: { tier: ReportTier; children: ReactNode }) {
  const { t } = useTranslation("reports");
  return (
    <AppForm method="get" className="flex flex-col gap-6" aria-labelledby="report-filters-heading">
      <h2 id="report-filters-heading" className="text-xl font-bold">
        {t("filters.heading")}
      </h2>
      <input type="hidden" name="tier" value={tier} />
      {children}
      <div>
        <Button type="submit">{t("filters.submit")}</Button>
      </div>
    </AppForm>
  );
}

function FormalFilters({ query, locale, periods }: FiltersProps) {
  const { t } = useTranslation("reports");
  return (
    <TierForm tier="formal">
      <div className="grid gap-4 sm:grid-cols-3">
        <MeasureSelect query={query} />
        <Select
          id="report-cut"
          name="cut"
          label={t("filters.cut")}
          defaultValue={formalCutOf(query.by) ?? ""}
          options={formalCutIds.map((id) => ({ value: id, label: t(`cuts.${id}`) }))}
        />
        <Select
          id="report-period"
          name="period"
          label={t("filters.fixedPeriod")}
          defaultValue={query.period ?? periods[0] ?? ""}
          options={periods.map((period) => ({ value: period, label: periodLabel(period, locale) }))}
        />
      </div>
    </TierForm>
  );
}

function ExplorationFilters({ query, locale }: { query: ReportQuery; locale: string }) {
  const { t } = useTranslation("reports");
  return (
    <TierForm tier="exploration">
      <MeasureSelect query={query} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">{t("filters.by")}</legend>
        <p className="text-sm text-ink-muted">{t("filters.byHelp")}</p>
        {disaggregationDimensions.map((dimension) => (
          <Checkbox
            key={dimension}
            id={`report-by-${dimension}`}
            name="by"
            value={dimension}
            defaultChecked={query.by.includes(dimension)}
          >
            {t(`dimensions.${dimension}`)}
          </Checkbox>
        ))}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 font-semibold">{t("filters.period")}</legend>
        <Field id="report-from" label={t("filters.from")}>
          {(control) => (
            <input
              {...control}
              type="date"
              name="from"
              defaultValue={query.from}
              className={inputClass}
            />
          )}
        </Field>
        <Field id="report-to" label={t("filters.to")}>
          {(control) => (
            <input
              {...control}
              type="date"
              name="to"
              defaultValue={query.to}
              className={inputClass}
            />
          )}
        </Field>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-1 font-semibold">{t("filters.cohortMarkers")}</legend>
        <Select
          id="report-activityType"
          name="activityType"
          label={t("filters.activityType")}
          placeholder={t("filters.any")}
          defaultValue={query.activityType ?? ""}
          options={activityTypes.map((code) => ({
            value: code,
            label: labelCategory("activityType", code, locale),
          }))}
        />
        <Select
          id="report-dacSector"
          name="dacSector"
          label={t("filters.dacSector")}
          placeholder={t("filters.any")}
          defaultValue={query.dacSector ?? ""}
          options={dacSectorCodes.map((code) => ({
            value: code,
            label: `${code} — ${label("dacSector", code, locale)}`,
          }))}
        />
        <Select
          id="report-dacGenderMarker"
          name="dacGenderMarker"
          label={t("filters.dacGenderMarker")}
          placeholder={t("filters.any")}
          defaultValue={query.dacGenderMarker === undefined ? "" : String(query.dacGenderMarker)}
          options={dacGenderMarkerCodes.map((code) => ({
            value: String(code),
            label: `${code} — ${label("dacGenderMarker", code, locale)}`,
          }))}
        />
      </fieldset>
      <Select
        id="report-ageScheme"
        name="ageScheme"
        label={t("filters.ageScheme")}
        defaultValue={query.ageScheme}
        options={ageBandSchemes.map((scheme) => ({
          value: scheme,
          label: label("ageBandScheme", scheme, locale),
        }))}
      />
    </TierForm>
  );
}
