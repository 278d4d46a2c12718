import { UiProvider } from "@peacelearn/ui";
import { data, href, redirect } from "react-router";
import { getDb } from "~/lib/db.server";
import { parseForm, parseSearch } from "~/lib/form.server";
import { assertSameOrigin, publicOrigin } from "~/lib/http.server";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { clientAddress } from "~/lib/request.server";
import { verifyThrottle, withRetryAfter } from "~/modules/auth/rate-limit.server";
import { retryAfterText } from "~/modules/auth/retry-after";
import { VerifyCodeSchema } from "~/modules/certificates/schema";
import { verificationCodeCandidates } from "~/modules/certificates/verification-code.server";
import { VerifyForm } from "~/modules/certificates/verify-form";
import { readCredentialFile } from "~/modules/credentials/baking";
import { publishedStatusList } from "~/modules/credentials/credentials.server";
import { MAX_CREDENTIAL_BYTES, VerifyUploadSchema } from "~/modules/credentials/schema";
import { VerificationResult } from "~/modules/credentials/verification-result";
import { checkOpenBadge } from "~/modules/credentials/verify.server";
import { VerifyUploadForm } from "~/modules/credentials/verify-upload-form";
import type { Route } from "./+types/index";

export const headers = withRetryAfter;

/**
 * Public, no login. The form is a GET: `/verify?code=…` sends the reader to `/verify/<CODE>`, a
 * clean address to bookmark or share. Guesses are counted where codes are looked up, on
 * `/verify/<CODE>`; this page only refuses to forward while that count is used up, so the reader
 * sees why on the form she typed in.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = await getLocale(request);
  const url = new URL(request.url);
  const none = { error: undefined, retryAfterSeconds: undefined };
  if (!url.searchParams.has("code")) return { locale, typed: "", ...none };
  const submission = parseSearch(url, VerifyCodeSchema);
  const typed = url.searchParams.get("code") ?? "";
  if (submission.status !== "success") {
    const error = submission.reply().error?.code?.[0] ?? "assessment:errors.codeInvalid";
    return data({ locale, typed, ...none, error }, { status: 400 });
  }
  const [canonical] = verificationCodeCandidates(submission.value.code);
  if (!canonical) {
    return data(
      { locale, typed, ...none, error: "assessment:errors.codeInvalid" },
      { status: 400 },
    );
  }
  const throttle = await verifyThrottle.check(await getDb(), clientAddress(context));
  if (!throttle.allowed) {
    return data(
      {
        locale,
        typed,
        error: "auth:errors.verifyLimited",
        retryAfterSeconds: throttle.retryAfterSeconds,
      },
      { status: 429, headers: { "Retry-After": String(throttle.retryAfterSeconds) } },
    );
  }
  throw redirect(href("/verify/:code", { code: encodeURIComponent(canonical) }), 303);
}

/**
 * A credential file (JSON, or an SVG badge with the credential baked in), checked offline: its
 * proof, issuer, dates and revocation. The answer shows only what the file itself says.
 */
export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const submission = await parseForm({ request, context }, VerifyUploadSchema, {
    multipart: true,
    // The file's limit plus room for the multipart framing and the e-mail field.
    maxBytes: MAX_CREDENTIAL_BYTES + 8 * 1024,
    maxFields: 4,
  });
  if (submission.status !== "success") {
    const error = submission.reply().error;
    return data(
      {
        check: null,
        errors: { credential: error?.credential?.[0], email: error?.email?.[0] },
      },
      { status: 400 },
    );
  }
  const { credential: file, email } = submission.value;
  const origin = publicOrigin(request);
  const db = await getDb();
  const check = await checkOpenBadge(readCredentialFile(await file.text()), {
    origin,
    email,
    statusList: () => publishedStatusList(db, { origin }),
  });
  return { check, errors: {} as { credential?: string; email?: string } };
}

export default function VerifyPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("assessment");
  const { t: tc } = useTranslation("credentials");
  const { locale, typed, error, retryAfterSeconds } = loaderData;
  const uploadErrors = actionData?.errors ?? {};
  const message = error
    ? [t(runtimeKey(error)), retryAfterSeconds ? retryAfterText(t, retryAfterSeconds) : ""]
        .join(" ")
        .trim()
    : undefined;
  const title = usePageTitle(t("verify.title"));
  return (
    <UiProvider locale={uiLocale(locale)}>
      <title>{title}</title>
      <div className="mx-auto flex max-w-xl flex-col gap-6">
        <h1 className="text-3xl font-bold">{t("verify.title")}</h1>
        <p>{t("verify.intro")}</p>
        {actionData?.check ? <VerificationResult check={actionData.check} locale={locale} /> : null}
        <VerifyForm defaultValue={typed} error={message} />
        <section aria-labelledby="verify-upload" className="flex flex-col gap-3">
          <h2 id="verify-upload" className="text-xl font-bold">
            {tc("verify.uploadHeading")}
          </h2>
          <p>{tc("verify.uploadIntro")}</p>
          <VerifyUploadForm
            errors={{
              credential: uploadErrors.credential
                ? tc(runtimeKey(uploadErrors.credential))
                : undefined,
              email: uploadErrors.email ? tc(runtimeKey(uploadErrors.email)) : undefined,
            }}
          />
        </section>
      </div>
    </UiProvider>
  );
}
