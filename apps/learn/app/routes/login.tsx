import { Alert, Button, Card, ErrorSummary, TextField } from "@peacelearn/ui";
import { data, href, useSearchParams } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink, withSearch } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { parseForm } from "~/lib/form.server";
import { formState } from "~/lib/forms";
import { assertSameOrigin } from "~/lib/http.server";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { usePageTitle } from "~/lib/page-title";
import { clientAddress } from "~/lib/request.server";
import { logIn } from "~/modules/auth/auth.server";
import { SharedDeviceCheckbox } from "~/modules/auth/components/shared-device-checkbox";
import { readDeviceTokens, redirectSignedIn } from "~/modules/auth/cookie.server";
import { requireAnonymous } from "~/modules/auth/guards.server";
import { withRetryAfter } from "~/modules/auth/rate-limit.server";
import { retryAfterText } from "~/modules/auth/retry-after";
import { LoginSchema } from "~/modules/auth/schema";
import type { Route } from "./+types/login";

export async function loader({ request }: Route.LoaderArgs) {
  await requireAnonymous(request);
  return null;
}

export const headers = withRetryAfter;

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const submission = await parseForm({ request, context }, LoginSchema);
  if (submission.status !== "success") {
    return data(
      { result: submission.reply({ hideFields: ["password"] }), retryAfterSeconds: undefined },
      { status: 400 },
    );
  }
  const db = await getDb();
  const outcome = await logIn(db, {
    email: submission.value.email,
    password: submission.value.password,
    clientAddress: clientAddress(context),
    userAgent: request.headers.get("User-Agent"),
    deviceTokens: readDeviceTokens(request),
    shared: submission.value.sharedDevice,
  });
  if (outcome.ok) return redirectSignedIn(request, submission.value.redirectTo, outcome);
  if (outcome.reason === "invalid-credentials") {
    const result = submission.reply({
      formErrors: ["auth:errors.invalidCredentials"],
      hideFields: ["password"],
    });
    return data({ result, retryAfterSeconds: undefined }, { status: 401 });
  }
  const result = submission.reply({
    formErrors: ["auth:errors.rateLimited"],
    hideFields: ["password"],
  });
  return data(
    { result, retryAfterSeconds: outcome.retryAfterSeconds },
    { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
  );
}

export default function LoginPage({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation(["auth", "common"]);
  const pageTitle = usePageTitle(t("auth:login.title"));
  const [searchParams] = useSearchParams();
  const form = formState(actionData?.result, t);
  const formError = form.error("form");
  const fieldErrors = form.summary(["email", "password"], "login", (name) =>
    t(runtimeKey(`auth:fields.${name}`)),
  );

  return (
    <div className="mx-auto max-w-md">
      <title>{pageTitle}</title>
      <h1 className="mb-6 text-3xl font-bold">{t("auth:login.title")}</h1>
      <Card>
        <AppForm method="post" noValidate className="flex flex-col gap-4">
          {fieldErrors.length > 0 ? (
            <ErrorSummary title={t("auth:errors.summaryTitle")} errors={fieldErrors} />
          ) : null}
          {formError ? (
            <Alert tone="danger" title={formError}>
              {actionData?.retryAfterSeconds
                ? retryAfterText(t, actionData.retryAfterSeconds)
                : null}
            </Alert>
          ) : null}
          <input
            type="hidden"
            name="redirectTo"
            value={searchParams.get("redirectTo") ?? href("/learning")}
          />
          <TextField
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            label={t("auth:fields.email")}
            defaultValue={form.value("email")}
            error={form.error("email")}
            isRequired
          />
          <TextField
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            label={t("auth:fields.password")}
            error={form.error("password")}
            isRequired
          />
          <SharedDeviceCheckbox form="login" checked={form.value("sharedDevice") === "on"} />
          <Button type="submit">{t("auth:login.submit")}</Button>
        </AppForm>
      </Card>
      <p className="mt-6">
        {t("auth:login.forgotten")}{" "}
        <AppLink to={href("/recover")} className="font-semibold text-primary underline">
          {t("auth:login.recoverLink")}
        </AppLink>
      </p>
      <p className="mt-6">
        {t("auth:login.noAccount")}{" "}
        <AppLink
          to={withSearch(href("/signup"), searchParams)}
          className="font-semibold text-primary underline"
        >
          {t("auth:login.signupLink")}
        </AppLink>
      </p>
    </div>
  );
}
