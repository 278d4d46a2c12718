import { Alert, Button, Card, ErrorSummary, TextField } from "@peacelearn/ui";
import { data, href, useRouteLoaderData } from "react-router";
import { AppForm } from "~/components/app-form";
import { getDb } from "~/lib/db.server";
import { parseForm } from "~/lib/form.server";
import { formatDayTime } from "~/lib/format";
import { formState } from "~/lib/forms";
import { assertSameOrigin } from "~/lib/http.server";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { usePageTitle } from "~/lib/page-title";
import { changePassword } from "~/modules/auth/auth.server";
import { NewPasswordFields } from "~/modules/auth/components/new-password-fields";
import { readDeviceTokens } from "~/modules/auth/cookie.server";
import { deviceName } from "~/modules/auth/device-name";
import { getSession, requireUser } from "~/modules/auth/guards.server";
import { withRetryAfter } from "~/modules/auth/rate-limit.server";
import { retryAfterText } from "~/modules/auth/retry-after";
import { PasswordChangeSchema } from "~/modules/auth/schema";
import type { loader as rootLoader } from "~/root";
import type { Route } from "./+types/security";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const current = await getSession(request);
  const db = await getDb();
  const sessions = await db.session.findMany({
    where: { userId: user.id, expiresAt: { gt: new Date() } },
    select: { id: true, createdAt: true, lastUsedAt: true, userAgent: true },
    orderBy: { lastUsedAt: "desc" },
    take: 50,
  });
  return {
    // The browser and system, never the raw User-Agent string.
    sessions: sessions.map(({ id, userAgent, ...session }) => ({
      ...session,
      device: deviceName(userAgent),
      current: id === current?.session.id,
    })),
  };
}

export const headers = withRetryAfter;

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const current = await getSession(request);
  const submission = await parseForm({ request, context }, PasswordChangeSchema);
  const hidden = { hideFields: ["currentPassword", "newPassword", "confirmPassword"] };
  const failed = { changed: false, retryAfterSeconds: undefined };
  if (submission.status !== "success" || !current) {
    return data({ result: submission.reply(hidden), ...failed }, { status: 400 });
  }
  const outcome = await changePassword(await getDb(), {
    userId: user.id,
    sessionId: current.session.id,
    currentPassword: submission.value.currentPassword,
    newPassword: submission.value.newPassword,
    deviceTokens: readDeviceTokens(request),
  });
  if (outcome.ok) {
    return {
      result: submission.reply({ resetForm: true }),
      changed: true,
      retryAfterSeconds: undefined,
    };
  }
  if (outcome.reason === "rate-limited") {
    return data(
      {
        result: submission.reply({ ...hidden, formErrors: ["auth:errors.passwordChecksLimited"] }),
        ...failed,
        retryAfterSeconds: outcome.retryAfterSeconds,
      },
      { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
    );
  }
  return data(
    {
      result: submission.reply({
        ...hidden,
        fieldErrors: { currentPassword: ["auth:errors.wrongPassword"] },
      }),
      ...failed,
    },
    { status: 400 },
  );
}

const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

export default function SecurityPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation(["auth", "common"]);
  const pageTitle = usePageTitle(t("auth:security.title"));
  const locale = useRouteLoaderData<typeof rootLoader>("root")?.locale ?? "en";
  const form = formState(actionData?.changed ? undefined : actionData?.result, t);
  const summary = form.summary(FIELDS, "security", (name) => t(runtimeKey(`auth:fields.${name}`)));
  const formError = form.error("form");

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-8">
      <title>{pageTitle}</title>
      <h1 className="text-3xl font-bold">{t("auth:security.title")}</h1>

      <Card>
        <h2 className="mb-4 text-xl font-bold">{t("auth:security.passwordHeading")}</h2>
        {actionData?.changed ? (
          <Alert tone="success" title={t("auth:security.passwordChanged")} className="mb-4" />
        ) : null}
        <AppForm method="post" noValidate className="flex flex-col gap-4">
          {summary.length > 0 ? (
            <ErrorSummary title={t("auth:errors.summaryTitle")} errors={summary} />
          ) : null}
          {formError ? (
            <Alert tone="danger" title={formError}>
              {actionData?.retryAfterSeconds
                ? retryAfterText(t, actionData.retryAfterSeconds)
                : null}
            </Alert>
          ) : null}
          <TextField
            id="security-currentPassword"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            label={t("auth:fields.currentPassword")}
            error={form.error("currentPassword")}
            isRequired
          />
          <NewPasswordFields
            form="security"
            name="newPassword"
            errors={{
              password: form.error("newPassword"),
              confirmPassword: form.error("confirmPassword"),
            }}
          />
          <Button type="submit">{t("auth:security.changePassword")}</Button>
        </AppForm>
      </Card>

      <Card>
        <h2 className="mb-2 text-xl font-bold">{t("auth:security.sessionsHeading")}</h2>
        <p className="mb-4">{t("auth:security.sessionsIntro")}</p>
        <ul className="mb-4 flex flex-col gap-2">
          {loaderData.sessions.map((session) => (
            <li key={session.createdAt.toString()} className="rounded border border-border p-3">
              <p className="font-semibold">
                {session.device.browser && session.device.system
                  ? t("auth:security.browserOnSystem", {
                      browser: session.device.browser,
                      system: session.device.system,
                    })
                  : (session.device.browser ??
                    session.device.system ??
                    t("auth:security.unknownDevice"))}
                {session.current ? ` — ${t("auth:security.thisDevice")}` : ""}
              </p>
              <p className="text-sm text-ink-muted">
                {t("auth:security.lastUsed", { date: formatDayTime(session.lastUsedAt, locale) })}
              </p>
            </li>
          ))}
        </ul>
        <AppForm method="post" action={href("/logout")}>
          <input type="hidden" name="scope" value="everywhere" />
          <Button type="submit" variant="danger">
            {t("auth:security.logoutEverywhere")}
          </Button>
        </AppForm>
      </Card>
    </div>
  );
}
