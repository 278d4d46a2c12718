import { Breadcrumbs, UiProvider } from "@peacelearn/ui";
import { data, href, redirect } from "react-router";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { parseForm, readQuery } from "~/lib/form.server";
import { assertSameOrigin } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { SessionForm } from "~/modules/accompaniment/components/session-form";
import { dayString, utcToday } from "~/modules/accompaniment/dates";
import { addRowReply, submittedRowCount } from "~/modules/accompaniment/form-values";
import {
  INITIAL_FOLLOW_UP_ROWS,
  MAX_FOLLOW_UP_ROWS,
  SessionFormSchema,
} from "~/modules/accompaniment/schema";
import {
  loadViewer,
  recordSession,
  resolveTrainee,
  traineeOptions,
} from "~/modules/accompaniment/sessions.server";
import { requireRole } from "~/modules/auth/guards.server";
import type { Route } from "./+types/new";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireRole(request, "trainer");
  const [db, locale] = await Promise.all([getDb(), getLocale(request)]);
  const viewer = await loadViewer(db, user);
  const trainees = await traineeOptions(db, viewer);
  // ?trainee= preselects only someone the viewer may choose; anything else is ignored.
  const wanted = readQuery(request).get("trainee") ?? "";
  const defaultTraineeId = trainees.some((person) => person.id === wanted) ? wanted : "";
  return { locale, trainees, defaultTraineeId, today: dayString(utcToday()) };
}

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const user = await requireRole(request, "trainer");
  const submission = await parseForm({ request, context }, SessionFormSchema);

  const rows = {
    field: "followUps",
    initial: INITIAL_FOLLOW_UP_ROWS,
    max: MAX_FOLLOW_UP_ROWS,
  };
  if (submission.payload.intent === "add-row") return addRowReply(submission.reply(), rows);

  const rowCount = submittedRowCount(submission.reply(), rows);
  if (submission.status !== "success") {
    return data({ result: submission.reply(), rowCount }, { status: 400 });
  }
  const db = await getDb();
  const viewer = await loadViewer(db, user);
  const trainee = await resolveTrainee(db, viewer, submission.value.traineeId);
  if (!trainee.allowed) {
    return data(
      {
        result: submission.reply({
          fieldErrors: { traineeId: ["accompaniment:errors.traineeNotAllowed"] },
        }),
        rowCount,
      },
      { status: 400 },
    );
  }
  const session = await recordSession(db, {
    viewer,
    values: submission.value,
    cohortId: trainee.cohortId,
  });
  return redirect(
    `${href("/trainer/accompaniment/:sessionId", { sessionId: session.id })}?recorded=1`,
    303,
  );
}

export default function NewSessionPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, trainees, defaultTraineeId, today } = loaderData;
  const { t } = useTranslation("accompaniment");
  const title = usePageTitle(t("new.title"));
  return (
    <UiProvider locale={uiLocale(locale)}>
      <div className="mx-auto flex max-w-3xl flex-col gap-6">
        <title>{title}</title>
        <Breadcrumbs
          items={[
            { label: t("list.title"), href: href("/trainer/accompaniment") },
            { label: t("new.title"), href: href("/trainer/accompaniment/new") },
          ]}
          renderLink={({ href, ...props }) => <AppLink to={href} {...props} />}
        />
        <h1 className="text-3xl font-bold">{t("new.title")}</h1>
        <p className="text-ink-muted">{t("new.intro")}</p>
        {trainees.length === 0 ? <p role="status">{t("new.noTrainees")}</p> : null}
        <SessionForm
          trainees={trainees}
          result={actionData?.result}
          rowCount={actionData?.rowCount ?? INITIAL_FOLLOW_UP_ROWS}
          defaultTraineeId={defaultTraineeId}
          today={today}
          locale={locale}
        />
      </div>
    </UiProvider>
  );
}
