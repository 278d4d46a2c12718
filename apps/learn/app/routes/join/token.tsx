import { Alert, Button, Card, LinkButton, UiProvider } from "@peacelearn/ui";
import { data, href, redirect } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { getDb } from "~/lib/db.server";
import { parseForm } from "~/lib/form.server";
import { assertSameOrigin } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { usePageTitle } from "~/lib/page-title";
import { getUser, requireUser } from "~/modules/auth/guards.server";
import { cohortHref } from "~/modules/cohorts/hrefs";
import { joinPath, lookUpInvite, redeemInvite } from "~/modules/cohorts/invites.server";
import { JoinFormSchema } from "~/modules/cohorts/schema";
import { courseHref } from "~/modules/courses/hrefs";
import type { Route } from "./+types/token";

// `/join/:token` — public. Anyone holding a live link sees which cohort it is for; signing in
// (or up) brings them back here, and joining is an explicit POST, never a side effect of a GET.

type View =
  | { kind: "unknown" | "expired" | "revoked" | "used-up" }
  | { kind: "sign-in"; cohortName: string; back: string }
  | { kind: "confirm" | "already-member" | "trainer"; cohortName: string; courseKey: string };

export function headers() {
  // The token is in the URL: never send it to another site in a Referer header.
  return { "Referrer-Policy": "same-origin" };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const db = await getDb();
  const [invite, user] = await Promise.all([
    lookUpInvite(db, params.token, new Date()),
    getUser(request),
  ]);
  if (invite.state === "unknown") return data<View>({ kind: "unknown" }, { status: 404 });
  if (invite.state !== "active") return data<View>({ kind: invite.state }, { status: 410 });
  const { cohort } = invite;
  if (!user) {
    return data<View>({ kind: "sign-in", cohortName: cohort.name, back: joinPath(params.token) });
  }
  const [member, trainer] = await Promise.all([
    db.cohortMembership.findUnique({
      where: { cohortId_userId: { cohortId: cohort.id, userId: user.id } },
      select: { userId: true },
    }),
    db.cohortTrainer.findUnique({
      where: { cohortId_userId: { cohortId: cohort.id, userId: user.id } },
      select: { userId: true },
    }),
  ]);
  const kind = trainer ? "trainer" : member ? "already-member" : "confirm";
  return data<View>({ kind, cohortName: cohort.name, courseKey: cohort.courseKey });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  // The confirmation form has no fields; reading the body bounds (and refuses) what is sent.
  const submission = await parseForm({ request, context }, JoinFormSchema);
  // Only a hand-made post gets here (the form has no fields): redeem nothing.
  if (submission.status !== "success") throw data(null, { status: 400 });
  const db = await getDb();
  const result = await redeemInvite(db, { token: params.token, userId: user.id, now: new Date() });
  if (result.status === "joined" || result.status === "already-member") {
    return redirect(courseHref(result.courseKey), { status: 303 });
  }
  // Trainers run the cohort; they do not join it as trainees.
  if (result.status === "trainer") return redirect(cohortHref(result.cohortId), { status: 303 });
  return data<View>({ kind: result.status }, { status: result.status === "unknown" ? 404 : 410 });
}

export default function JoinPage({ loaderData, actionData }: Route.ComponentProps) {
  const view: View = actionData ?? loaderData;
  const { t, i18n } = useTranslation("cohorts");
  const title = usePageTitle(t("join.title"));

  return (
    <UiProvider locale={uiLocale(i18n.language)}>
      <div className="mx-auto flex max-w-xl flex-col gap-6">
        <title>{title}</title>
        <meta name="robots" content="noindex" />
        <h1 className="text-3xl font-bold">{t("join.title")}</h1>
        {!("cohortName" in view) ? (
          <Alert tone="warning" title={t(`join.invalid.${view.kind}`)}>
            {t("join.invalidHelp")}
          </Alert>
        ) : (
          <Card>
            <div className="flex flex-col gap-4">
              <p>{t("join.invitedTo", { name: view.cohortName })}</p>
              {view.kind === "sign-in" ? (
                <>
                  <p>{t("join.signInFirst")}</p>
                  <div className="flex flex-wrap gap-3">
                    <LinkButton
                      as={AppLink}
                      to={`${href("/login")}?${new URLSearchParams({ redirectTo: view.back })}`}
                    >
                      {t("join.logIn")}
                    </LinkButton>
                    <LinkButton
                      as={AppLink}
                      to={`${href("/signup")}?${new URLSearchParams({ redirectTo: view.back })}`}
                      variant="secondary"
                    >
                      {t("join.signUp")}
                    </LinkButton>
                  </div>
                </>
              ) : view.kind === "confirm" ? (
                <AppForm method="post">
                  <Button type="submit">{t("join.confirm")}</Button>
                </AppForm>
              ) : "courseKey" in view ? (
                <>
                  <p>{view.kind === "trainer" ? t("join.isTrainer") : t("join.alreadyMember")}</p>
                  <p>
                    <LinkButton as={AppLink} to={courseHref(view.courseKey)} variant="secondary">
                      {t("join.openCourse")}
                    </LinkButton>
                  </p>
                </>
              ) : null}
            </div>
          </Card>
        )}
      </div>
    </UiProvider>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
