import { Button, Card, ErrorSummary, UiProvider } from "@peacelearn/ui";
import { data, redirect } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { getDb } from "~/lib/db.server";
import { parseForm } from "~/lib/form.server";
import { formState } from "~/lib/forms";
import { assertSameOrigin } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { updateWorkshop } from "~/modules/attendance/attendance.server";
import { SessionFormSchema } from "~/modules/attendance/schema";
import { requireCohortTrainer } from "~/modules/cohorts/access.server";
import { CohortNav } from "~/modules/cohorts/components/cohort-nav";
import { WorkshopFields, workshopFields } from "~/modules/cohorts/components/workshop-fields";
import { workshopEditHref, workshopHref } from "~/modules/cohorts/hrefs";
import type { Route } from "./+types/edit";

/** A `datetime-local` value from a stored wall-clock time (kept with a UTC label). */
const wallClock = (date: Date | null) => (date ? date.toISOString().slice(0, 16) : "");

export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, cohort } = await requireCohortTrainer(request, params.cohortId);
  const workshop = await db.cohortSession.findFirst({
    where: { id: params.sessionId, cohortId: cohort.id },
    select: { id: true, title: true, startsAt: true, endsAt: true, place: true },
  });
  if (!workshop) throw data({ message: "not-found" }, { status: 404 });
  return {
    locale: await getLocale(request),
    cohort,
    workshop: {
      id: workshop.id,
      title: workshop.title,
      startsAt: wallClock(workshop.startsAt),
      endsAt: wallClock(workshop.endsAt),
      place: workshop.place ?? "",
    },
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const { cohort } = await requireCohortTrainer(request, params.cohortId);
  const submission = await parseForm({ request, context }, SessionFormSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const saved = await updateWorkshop(await getDb(), {
    cohortId: cohort.id,
    sessionId: params.sessionId,
    form: submission.value,
  });
  if (!saved) throw data({ message: "not-found" }, { status: 404 });
  return redirect(workshopHref(cohort.id, saved.id), { status: 303 });
}

export default function EditWorkshopPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, cohort, workshop } = loaderData;
  const { t } = useTranslation("cohorts");
  const title = usePageTitle(`${t("workshops.editTitle")} — ${cohort.name}`);
  const form = formState(actionData?.result, t);
  const value = (name: (typeof workshopFields)[number]) =>
    actionData ? form.value(name) : workshop[name];
  const summary = workshopFields
    .filter((name) => form.error(name))
    .map((name) => ({
      fieldId: `workshop-${name}`,
      message: `${t(`fields.${name}`)}: ${form.error(name)}`,
    }));
  return (
    <UiProvider locale={uiLocale(locale)}>
      <div className="mx-auto flex max-w-xl flex-col gap-6">
        <title>{title}</title>
        <CohortNav
          cohort={cohort}
          current={{ label: workshop.title, href: workshopEditHref(cohort.id, workshop.id) }}
        />
        <h1 className="text-3xl font-bold">{t("workshops.editTitle")}</h1>
        <Card>
          <AppForm method="post" noValidate className="flex flex-col gap-4">
            {summary.length > 0 ? (
              <ErrorSummary title={t("errors.summaryTitle")} errors={summary} />
            ) : null}
            <WorkshopFields value={value} error={form.error} />
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit">{t("workshops.save")}</Button>
              <AppLink
                to={workshopHref(cohort.id, workshop.id)}
                className="font-semibold text-primary underline"
              >
                {t("workshops.cancelEdit")}
              </AppLink>
            </div>
          </AppForm>
        </Card>
      </div>
    </UiProvider>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
