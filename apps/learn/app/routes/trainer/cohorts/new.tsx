import {
  activityTypes,
  conflictContextCodes,
  countryCodes,
  dacGenderMarker,
  dacGenderMarkerCodes,
  dacSectorCodes,
  label,
  localize,
  locationName,
} from "@peacelearn/domain";
import {
  Breadcrumbs,
  Button,
  Card,
  ErrorSummary,
  RadioGroup,
  radioGroupFirstInputId,
  Select,
  TextField,
  UiProvider,
} from "@peacelearn/ui";
import { data, href, redirect } from "react-router";
import { AppForm } from "~/components/app-form";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { getDb } from "~/lib/db.server";
import { parseForm } from "~/lib/form.server";
import { formState } from "~/lib/forms";
import { assertSameOrigin } from "~/lib/http.server";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { requireRole } from "~/modules/auth/guards.server";
import { createCohort, listCourseOptions } from "~/modules/cohorts/cohorts.server";
import { renderLink } from "~/modules/cohorts/components/cohort-nav";
import { NativeField } from "~/modules/cohorts/components/native-field";
import { cohortHref } from "~/modules/cohorts/hrefs";
import { CohortFormSchema } from "~/modules/cohorts/schema";
import type { Route } from "./+types/new";

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "trainer");
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  return { locale, courses: await listCourseOptions(db, locale) };
}

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const user = await requireRole(request, "trainer");
  const submission = await parseForm({ request, context }, CohortFormSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const created = await createCohort(await getDb(), user.id, submission.value);
  if (!created.ok) {
    return data(
      {
        result: submission.reply({ fieldErrors: { courseId: ["cohorts:errors.courseRequired"] } }),
      },
      { status: 400 },
    );
  }
  return redirect(cohortHref(created.cohortId), { status: 303 });
}

const FIELDS = [
  "name",
  "courseId",
  "locationCode",
  "place",
  "startsOn",
  "endsOn",
  "activityType",
  "dacSectorCode",
] as const;

export default function NewCohortPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, courses } = loaderData;
  const { t } = useTranslation(["cohorts", "common"]);
  const title = usePageTitle(t("create.title"));
  const form = formState(actionData?.result, t);
  const fieldId = (name: string) => `cohort-${name}`;
  const summary = [...FIELDS, "dacGenderMarker"]
    .filter((name) => form.error(name))
    .map((name) => ({
      fieldId: name === "dacGenderMarker" ? radioGroupFirstInputId(fieldId(name)) : fieldId(name),
      message: `${t(runtimeKey(`cohorts:fields.${name}`))}: ${form.error(name)}`,
    }));
  const byName = (a: { label: string }, b: { label: string }) =>
    a.label.localeCompare(b.label, locale);

  return (
    <UiProvider locale={uiLocale(locale)}>
      <div className="mx-auto flex max-w-2xl flex-col gap-6">
        <title>{title}</title>
        <Breadcrumbs
          renderLink={renderLink}
          items={[
            { label: t("cohorts:list.title"), href: href("/trainer/cohorts") },
            { label: t("cohorts:create.title"), href: href("/trainer/cohorts/new") },
          ]}
        />
        <h1 className="text-3xl font-bold">{t("cohorts:create.title")}</h1>
        <p>{t("cohorts:create.intro")}</p>
        <Card>
          <AppForm method="post" noValidate className="flex flex-col gap-5">
            {summary.length > 0 ? (
              <ErrorSummary title={t("cohorts:errors.summaryTitle")} errors={summary} />
            ) : null}
            <TextField
              id={fieldId("name")}
              name="name"
              label={t("cohorts:fields.name")}
              description={t("cohorts:create.nameHelp")}
              defaultValue={form.value("name")}
              error={form.error("name")}
              isRequired
            />
            <Select
              id={fieldId("courseId")}
              name="courseId"
              label={t("cohorts:fields.courseId")}
              placeholder={t("cohorts:create.choose")}
              options={courses.map((course) => ({ value: course.id, label: course.title.text }))}
              defaultValue={form.value("courseId")}
              error={form.error("courseId")}
              isRequired
            />
            <Select
              id={fieldId("locationCode")}
              name="locationCode"
              label={t("cohorts:fields.locationCode")}
              description={t("cohorts:create.locationHelp")}
              placeholder={t("cohorts:create.choose")}
              defaultValue={form.value("locationCode")}
              error={form.error("locationCode")}
              isRequired
            >
              <optgroup label={t("cohorts:create.countries")}>
                {countryCodes
                  .map((code) => ({ value: code, label: locationName(code, { locale }) }))
                  .sort(byName)
                  .map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
              </optgroup>
              <optgroup label={t("cohorts:create.conflictContexts")}>
                {conflictContextCodes.map((code) => (
                  <option key={code} value={code}>
                    {t("cohorts:create.conflictContextOption", {
                      name: locationName(code, { locale }),
                    })}
                  </option>
                ))}
              </optgroup>
            </Select>
            <TextField
              id={fieldId("place")}
              name="place"
              label={t("cohorts:fields.place")}
              description={t("cohorts:create.placeHelp")}
              defaultValue={form.value("place")}
              error={form.error("place")}
            />
            <div className="grid gap-5 sm:grid-cols-2">
              <NativeField
                id={fieldId("startsOn")}
                type="date"
                name="startsOn"
                label={t("cohorts:fields.startsOn")}
                defaultValue={form.value("startsOn")}
                error={form.error("startsOn")}
                isRequired
              />
              <NativeField
                id={fieldId("endsOn")}
                type="date"
                name="endsOn"
                label={t("cohorts:fields.endsOn")}
                description={t("cohorts:create.endsOnHelp")}
                defaultValue={form.value("endsOn")}
                error={form.error("endsOn")}
              />
            </div>
            <fieldset className="flex flex-col gap-5 rounded border border-border p-4">
              <legend className="px-1 font-semibold">{t("cohorts:create.markers")}</legend>
              <p className="text-sm text-ink-muted">{t("cohorts:create.markersHelp")}</p>
              <Select
                id={fieldId("activityType")}
                name="activityType"
                label={t("cohorts:fields.activityType")}
                placeholder={t("cohorts:create.choose")}
                options={activityTypes.map((code) => ({
                  value: code,
                  label: label("activityType", code, locale),
                }))}
                defaultValue={form.value("activityType")}
                error={form.error("activityType")}
                isRequired
              />
              <Select
                id={fieldId("dacSectorCode")}
                name="dacSectorCode"
                label={t("cohorts:fields.dacSectorCode")}
                placeholder={t("cohorts:create.choose")}
                options={dacSectorCodes.map((code) => ({
                  value: code,
                  label: `${code} — ${label("dacSector", code, locale)}`,
                }))}
                defaultValue={form.value("dacSectorCode")}
                error={form.error("dacSectorCode")}
                isRequired
              />
              <RadioGroup
                id={fieldId("dacGenderMarker")}
                name="dacGenderMarker"
                label={t("cohorts:fields.dacGenderMarker")}
                options={dacGenderMarkerCodes.map((code) => ({
                  value: String(code),
                  label: `${code} — ${localize(dacGenderMarker[code].name, locale)}`,
                  description: localize(dacGenderMarker[code].definition, locale),
                }))}
                defaultValue={form.value("dacGenderMarker")}
                error={form.error("dacGenderMarker")}
                isRequired
              />
            </fieldset>
            <Button type="submit">{t("cohorts:create.submit")}</Button>
          </AppForm>
        </Card>
      </div>
    </UiProvider>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
