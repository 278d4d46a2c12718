import { curriculumLocales } from "@peacelearn/curriculum/vocabulary";
import { localize, programmeRegionCodes, programmeRegions } from "@peacelearn/domain";
import { Button, EmptyState, Select, TextField } from "@peacelearn/ui";
import { href } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { readQuery } from "~/lib/form.server";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { getUser } from "~/modules/auth/guards.server";
import { listCatalogue } from "~/modules/courses/catalogue.server";
import { CourseCard } from "~/modules/courses/components/course-card";
import { parseCatalogueFilter } from "~/modules/courses/schema";
import type { Route } from "./+types/index";

export async function loader({ request }: Route.LoaderArgs) {
  const [locale, user, db] = await Promise.all([getLocale(request), getUser(request), getDb()]);
  const filter = parseCatalogueFilter(readQuery(request));
  const courses = await listCatalogue(db, { locale, filter, userId: user?.id });
  return { locale, filter, courses };
}

export default function CataloguePage({ loaderData }: Route.ComponentProps) {
  const { locale, filter, courses } = loaderData;
  const { t } = useTranslation("courses");
  const title = usePageTitle(t("catalogue.title"));
  const isFiltered = Boolean(filter.language || filter.region || filter.q);

  return (
    <div className="flex flex-col gap-6">
      <title>{title}</title>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("catalogue.title")}</h1>
        <p className="max-w-3xl text-lg">{t("catalogue.intro")}</p>
      </div>

      <AppForm method="get" className="rounded-card border border-border bg-surface p-4">
        <fieldset className="flex flex-col gap-4 sm:flex-row sm:flex-wrap sm:items-end">
          <legend className="mb-2 font-semibold">{t("catalogue.filtersLegend")}</legend>
          <TextField
            id="catalogue-q"
            name="q"
            type="search"
            label={t("catalogue.search")}
            defaultValue={filter.q ?? ""}
            className="sm:w-64"
          />
          <Select
            name="language"
            label={t("catalogue.language")}
            defaultValue={filter.language ?? ""}
            locale={uiLocale(locale)}
            className="sm:w-56"
            options={[
              { value: "", label: t("catalogue.anyLanguage") },
              ...curriculumLocales.map((code) => ({ value: code, label: t(`languages.${code}`) })),
            ]}
          />
          <Select
            name="region"
            label={t("catalogue.region")}
            defaultValue={filter.region ?? ""}
            locale={uiLocale(locale)}
            className="sm:w-64"
            options={[
              { value: "", label: t("catalogue.anyRegion") },
              ...programmeRegionCodes.map((code) => ({
                value: code,
                label: localize(programmeRegions[code].name, locale),
              })),
            ]}
          />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit">{t("catalogue.apply")}</Button>
            {isFiltered ? (
              <AppLink
                to={href("/courses")}
                className="text-sm font-semibold text-primary underline"
              >
                {t("catalogue.clear")}
              </AppLink>
            ) : null}
          </div>
        </fieldset>
      </AppForm>

      <section aria-labelledby="catalogue-results" className="flex flex-col gap-4">
        <h2 id="catalogue-results" className="text-xl font-bold">
          {t("catalogue.results", { count: courses.length })}
        </h2>
        {courses.length === 0 ? (
          <EmptyState
            headingLevel={3}
            title={t("catalogue.emptyTitle")}
            description={t("catalogue.emptyBody")}
            action={
              <AppLink to={href("/courses")} className="font-semibold text-primary underline">
                {t("catalogue.clear")}
              </AppLink>
            }
          />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {courses.map((course) => (
              <li key={course.key}>
                <CourseCard course={course} locale={locale} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
