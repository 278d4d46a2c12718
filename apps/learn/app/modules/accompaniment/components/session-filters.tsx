import { Button, LinkButton, Select, type UiLocale } from "@peacelearn/ui";
import { href } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "~/lib/i18n-react";
import { personLabel } from "~/lib/people";
import { LIST_STATUS_FILTERS, type ListFilters } from "../schema";
import type { CohortOption, PersonOption } from "../sessions.server";
import { DateField } from "./date-field";

/** The list's filters: a GET form, so it works without JavaScript and the URL can be bookmarked. */
export function SessionFilters({
  filters,
  trainees,
  cohorts,
  locale,
}: {
  filters: ListFilters;
  trainees: PersonOption[];
  cohorts: CohortOption[];
  locale: UiLocale;
}) {
  const { t } = useTranslation("accompaniment");
  return (
    <AppForm
      method="get"
      aria-labelledby="accompaniment-filters"
      className="flex flex-col gap-4 rounded-card border border-border bg-surface p-4"
    >
      <h2 id="accompaniment-filters" className="text-lg font-bold">
        {t("filters.heading")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Select
          id="filter-trainee"
          name="trainee"
          label={t("filters.trainee")}
          placeholder={t("filters.allTrainees")}
          defaultValue={filters.trainee ?? ""}
          locale={locale}
          options={trainees.map((person) => ({ value: person.id, label: personLabel(person) }))}
        />
        <Select
          id="filter-cohort"
          name="cohort"
          label={t("filters.cohort")}
          placeholder={t("filters.allCohorts")}
          defaultValue={filters.cohort ?? ""}
          locale={locale}
          options={cohorts.map((cohort) => ({ value: cohort.id, label: cohort.name }))}
        />
        <Select
          id="filter-status"
          name="status"
          label={t("filters.status")}
          description={t("filters.statusHelp")}
          placeholder={t("filters.anyStatus")}
          defaultValue={filters.status ?? ""}
          locale={locale}
          options={LIST_STATUS_FILTERS.map((status) => ({
            value: status,
            label: t(`status.${status}`),
          }))}
        />
        <DateField
          id="filter-from"
          name="from"
          label={t("filters.from")}
          defaultValue={filters.from ?? ""}
          locale={locale}
        />
        <DateField
          id="filter-to"
          name="to"
          label={t("filters.to")}
          defaultValue={filters.to ?? ""}
          locale={locale}
        />
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit">{t("filters.apply")}</Button>
        <LinkButton as={AppLink} to={href("/trainer/accompaniment")} variant="secondary">
          {t("filters.clear")}
        </LinkButton>
      </div>
    </AppForm>
  );
}
