import { Alert, Button, Card, ErrorSummary, TextField } from "@peacelearn/ui";
import { data, href } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { parseForm } from "~/lib/form.server";
import { formState } from "~/lib/forms";
import { assertSameOrigin } from "~/lib/http.server";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { usePageTitle } from "~/lib/page-title";
import { clientAddress } from "~/lib/request.server";
import { NewPasswordFields } from "~/modules/auth/components/new-password-fields";
import { SharedDeviceCheckbox } from "~/modules/auth/components/shared-device-checkbox";
import { readDeviceTokens, redirectSignedIn } from "~/modules/auth/cookie.server";
import { requireAnonymous } from "~/modules/auth/guards.server";
import { withRetryAfter } from "~/modules/auth/rate-limit.server";
import { redeemRecoveryCode } from "~/modules/auth/recovery.server";
import { retryAfterText } from "~/modules/auth/retry-after";
import { RecoverySchema } from "~/modules/auth/schema";
import type { Route } from "./+types/recover";

export async function loader({ request }: Route.LoaderArgs) {
  await requireAnonymous(request);
  return null;
}

export const headers = withRetryAfter;

const hideFields = ["code", "newPassword", "confirmPassword"];

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const submission = await parseForm({ request, context }, RecoverySchema);
  if (submission.status !== "success") {
    return data(
      { result: submission.reply({ hideFields }), retryAfterSeconds: undefined },
      { status: 400 },
    );
  }
  const outcome = await redeemRecoveryCode(await getDb(), {
    email: submission.value.email,
    code: submission.value.code,
    newPassword: submission.value.newPassword,
    clientAddress: clientAddress(context),
    userAgent: request.headers.get("User-Agent"),
    deviceTokens: readDeviceTokens(request),
    shared: submission.value.sharedDevice,
  });
  if (outcome.ok) return redirectSignedIn(request, href("/learning"), outcome);
  if (outcome.reason === "invalid-code") {
    const result = submission.reply({ formErrors: ["auth:errors.codeNotAccepted"], hideFields });
    return data({ result, retryAfterSeconds: undefined }, { status: 400 });
  }
  const result = submission.reply({ formErrors: ["auth:errors.recoveryLimited"], hideFields });
  return data(
    { result, retryAfterSeconds: outcome.retryAfterSeconds },
    { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
  );
}

export default function RecoverPage({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation(["auth", "common"]);
  const pageTitle = usePageTitle(t("auth:recover.title"));
  const form = formState(actionData?.result, t);
  const formError = form.error("form");
  const fieldErrors = form.summary(
    ["email", "code", "newPassword", "confirmPassword"],
    "recover",
    (name) => t(runtimeKey(`auth:fields.${name}`)),
  );

  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <title>{pageTitle}</title>
      <h1 className="text-3xl font-bold">{t("auth:recover.title")}</h1>
      <div className="flex flex-col gap-2">
        <p>{t("auth:recover.intro")}</p>
        <p>{t("auth:recover.whoToAsk")}</p>
      </div>
      <Card title={t("auth:recover.formHeading")}>
        <AppForm method="post" noValidate className="flex flex-col gap-4">
          {fieldErrors.length > 0 ? (
            <ErrorSummary title={t("auth:errors.summaryTitle")} errors={fieldErrors} />
          ) : null}
          {formError ? (
            <Alert tone="danger" title={formError}>
              {actionData?.retryAfterSeconds
                ? retryAfterText(t, actionData.retryAfterSeconds)
                : t("auth:recover.codeHelpAfterError")}
            </Alert>
          ) : null}
          <TextField
            id="recover-email"
            name="email"
            type="email"
            autoComplete="username"
            label={t("auth:fields.email")}
            defaultValue={form.value("email")}
            error={form.error("email")}
            isRequired
          />
          <TextField
            id="recover-code"
            name="code"
            autoComplete="one-time-code"
            spellCheck="false"
            label={t("auth:fields.code")}
            description={t("auth:recover.codeHelp")}
            error={form.error("code")}
            isRequired
          />
          <NewPasswordFields
            form="recover"
            name="newPassword"
            errors={{
              password: form.error("newPassword"),
              confirmPassword: form.error("confirmPassword"),
            }}
          />
          <SharedDeviceCheckbox form="recover" checked={form.value("sharedDevice") === "on"} />
          <Button type="submit">{t("auth:recover.submit")}</Button>
        </AppForm>
      </Card>
      <p>
        <AppLink to={href("/login")} className="font-semibold text-primary underline">
          {t("auth:recover.backToLogin")}
        </AppLink>
      </p>
    </div>
  );
}
