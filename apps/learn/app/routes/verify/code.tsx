import { Alert, Card, UiProvider } from "@peacelearn/ui";
import { data } from "react-router";
import { getDb } from "~/lib/db.server";
import { formatDate } from "~/lib/format";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { clientAddress } from "~/lib/request.server";
import { verifyThrottle, withRetryAfter } from "~/modules/auth/rate-limit.server";
import { retryAfterText } from "~/modules/auth/retry-after";
import { verifyCertificate } from "~/modules/certificates/certificates.server";
import { VerifyForm } from "~/modules/certificates/verify-form";
import type { Route } from "./+types/code";

export const headers = withRetryAfter;

/**
 * Public, no login. Confirms a certificate and shows only the holder's display name, the course
 * and the completion date: no e-mail, country, gender, cohort or anything else about the person.
 * Codes that do not exist are counted per address (docs/decisions/010-login-throttling.md): a
 * token is taken before the look-up and given back when the code exists, so checking many real
 * certificates is never limited and concurrent guesses cannot slip past the count.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const address = clientAddress(context);
  const typed = params.code.slice(0, 40);
  const throttle = await verifyThrottle.take(db, address);
  if (!throttle.allowed) {
    return data(
      { locale, typed, certificate: null, retryAfterSeconds: throttle.retryAfterSeconds },
      { status: 429, headers: { "Retry-After": String(throttle.retryAfterSeconds) } },
    );
  }
  const certificate = await verifyCertificate(db, { code: params.code, locale });
  if (!certificate) {
    // A real page (with the form to try again), answered 404 so nothing caches it as valid.
    return data(
      { locale, typed, certificate: null, retryAfterSeconds: undefined },
      { status: 404 },
    );
  }
  await verifyThrottle.giveBack(db, address);
  return { locale, typed: params.code, certificate, retryAfterSeconds: undefined };
}

export default function VerifyCodePage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("assessment");
  const { locale, typed, certificate, retryAfterSeconds } = loaderData;
  const title = certificate
    ? t("verify.validTitle")
    : retryAfterSeconds
      ? t("auth:errors.verifyLimited")
      : t("verify.notFoundTitle");
  const pageTitle = usePageTitle(title);
  return (
    <UiProvider locale={uiLocale(locale)}>
      <title>{pageTitle}</title>
      <div className="mx-auto flex max-w-xl flex-col gap-6">
        <h1 className="text-3xl font-bold">{t("verify.title")}</h1>
        {certificate ? (
          <>
            <Alert tone="success" role="none" title={title} />
            <Card>
              <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
                <dt className="font-semibold">{t("verify.holder")}</dt>
                <dd>{certificate.holderName ?? t("certificate.nameWithheld")}</dd>
                <dt className="font-semibold">{t("verify.course")}</dt>
                <dd>{certificate.courseTitle}</dd>
                <dt className="font-semibold">{t("verify.completedOn")}</dt>
                <dd>{formatDate(certificate.completedAt, locale)}</dd>
                <dt className="font-semibold">{t("verify.code")}</dt>
                <dd className="font-mono">{certificate.verificationCode}</dd>
              </dl>
            </Card>
            <p className="text-sm text-ink-muted">{t("verify.privacy")}</p>
          </>
        ) : (
          <Alert tone="danger" role="none" title={title}>
            {retryAfterSeconds
              ? retryAfterText(t, retryAfterSeconds)
              : t("verify.notFoundBody", { code: typed })}
          </Alert>
        )}
        <section aria-labelledby="verify-another" className="flex flex-col gap-3">
          <h2 id="verify-another" className="text-xl font-bold">
            {t("verify.another")}
          </h2>
          <VerifyForm />
        </section>
      </div>
    </UiProvider>
  );
}
