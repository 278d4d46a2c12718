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
import { AppForm } from "~/components/app-form";
import { useTranslation } from "~/lib/i18n-react";
import { minCellSizeChoices, type ReportQuery, reportMeasures } from "../schema";

const inputClass =
  "focus-ring min-h-11 w-full rounded-control border border-border-strong bg-surface px-3 py-2 text-base text-ink";

/** The report's GET form: every choice is in the URL, so it works without JavaScript. */
export function ReportFilters({ query, locale }: { query: ReportQuery; locale: string }) {
  const { t } = useTranslation("reports");
  return (
    <AppForm method="get" className="flex flex-col gap-6" aria-labelledby="report-filters-heading">
      <h2 id="report-filters-heading" className="text-xl font-bold">
        {t("filters.heading")}
      </h2>
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
      <div className="grid gap-4 sm:grid-cols-2">
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
        <Select
          id="report-minCellSize"
          name="minCellSize"
          label={t("filters.minCellSize")}
          description={t("filters.minCellSizeHelp")}
          defaultValue={String(query.minCellSize)}
          options={minCellSizeChoices.map((size) => ({ value: String(size), label: String(size) }))}
        />
      </div>
      <div>
        <Button type="submit">{t("filters.submit")}</Button>
      </div>
    </AppForm>
  );
}
