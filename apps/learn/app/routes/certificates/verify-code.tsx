import { Alert, Card, UiProvider } from "@peacelearn/ui";
import { data } from "react-router";
import { getDb } from "~/lib/db.server";
import { useTranslation } from "~/lib/i18n-react";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { formatDate } from "~/modules/assessment/format";
import { verifyCertificate } from "~/modules/certificates/certificates.server";
import { VerifyForm } from "~/modules/certificates/verify-form";
import { uiLocale } from "~/modules/courses/ui-locale";
import type { Route } from "./+types/verify-code";

/**
 * Public, no login. Confirms a certificate and shows only the holder's display name, the course
 * and the completion date: no e-mail, country, gender, cohort or anything else about the person.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const certificate = await verifyCertificate(db, { code: params.code, locale });
  if (!certificate) {
    // A real page (with the form to try again), answered 404 so nothing caches it as valid.
    return data({ locale, typed: params.code.slice(0, 40), certificate: null }, { status: 404 });
  }
  return { locale, typed: params.code, certificate };
}

export default function VerifyCodePage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("assessment");
  const { locale, typed, certificate } = loaderData;
  const title = certificate ? t("verify.validTitle") : t("verify.notFoundTitle");
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
            {t("verify.notFoundBody", { code: typed })}
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
