import { Button, TextField } from "@peacelearn/ui";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "~/lib/i18n-react";
import type { RosterView } from "../roster-view";

/** Search and "may need help" over the roster grid: a GET form, so it works without JavaScript. */
export function RosterFilter({
  view,
  shown,
  total,
  clearHref,
}: {
  view: RosterView;
  shown: number;
  total: number;
  /** The page without filters. */
  clearHref: string;
}) {
  const { t } = useTranslation("cohorts");
  const filtered = view.q !== "" || view.help;
  return (
    <AppForm
      method="get"
      className="flex flex-col gap-3 rounded-card border border-border bg-surface p-4 sm:flex-row sm:flex-wrap sm:items-end print:hidden"
    >
      <TextField
        id="roster-q"
        name="q"
        type="search"
        label={t("grid.search")}
        description={t("grid.searchHelp")}
        defaultValue={view.q}
        className="sm:w-64"
      />
      <label className="flex items-center gap-2 sm:pb-2">
        <input type="checkbox" name="help" value="1" defaultChecked={view.help} />
        {t("grid.helpOnly")}
      </label>
      {view.sort ? (
        <>
          <input type="hidden" name="sort" value={view.sort.column} />
          <input
            type="hidden"
            name="dir"
            value={view.sort.direction === "ascending" ? "asc" : "desc"}
          />
        </>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary">
          {t("grid.applyFilter")}
        </Button>
        {filtered ? (
          <AppLink to={clearHref} className="text-sm font-semibold text-primary underline">
            {t("grid.clearFilter")}
          </AppLink>
        ) : null}
      </div>
      <p aria-live="polite" className="text-sm sm:basis-full">
        {t("grid.shown", { count: shown, total })}
      </p>
    </AppForm>
  );
}
