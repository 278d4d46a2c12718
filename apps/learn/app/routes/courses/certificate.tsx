import { LinkButton, UiProvider } from "@peacelearn/ui";
import { data } from "react-router";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { publicOrigin } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { requireUser } from "~/modules/auth/guards.server";
import { CertificateDocument } from "~/modules/certificates/certificate-document";
import printStyles from "~/modules/certificates/certificate-print.css?url";
import { certificateIssuer, verificationQrSvg } from "~/modules/certificates/issuer.server";
import { courseHref } from "~/modules/courses/hrefs";
import { CredentialDownloadForm } from "~/modules/credentials/download-form";
import { loadOwnCertificate } from "~/modules/learning/own-certificate.server";
import type { Route } from "./+types/certificate";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: printStyles }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const query = { userId: user.id, courseKey: params.courseKey, locale };
  const certificate = await loadOwnCertificate(db, query);
  // Only the holder reaches their certificate here; for anyone else it does not exist.
  if (!certificate) throw data(null, { status: 404 });
  const origin = publicOrigin(request);
  const verifyUrl = `${origin}/verify/${encodeURIComponent(certificate.verificationCode)}`;
  return {
    locale,
    courseKey: params.courseKey,
    certificate,
    verifyUrl,
    issuer: certificateIssuer(),
    verifyQrSvg: verificationQrSvg(verifyUrl),
  };
}

export default function CertificatePage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("assessment");
  const { locale, certificate, verifyUrl, courseKey, issuer, verifyQrSvg } = loaderData;
  const title = usePageTitle(t("certificate.pageTitle", { course: certificate.courseTitle }));
  return (
    <UiProvider locale={uiLocale(locale)}>
      <title>{title}</title>
      <div className="certificate-page mx-auto flex max-w-4xl flex-col gap-6">
        <CertificateDocument
          {...certificate}
          verifyUrl={verifyUrl}
          verifyQrSvg={verifyQrSvg}
          issuer={issuer}
          locale={locale}
        />
        <div data-screen-only className="flex flex-col gap-4">
          <p>{t("certificate.printHint")}</p>
          <CredentialDownloadForm
            courseKey={courseKey}
            courseTitle={certificate.courseTitle}
            holderName={certificate.holderName}
          />
          <div>
            <LinkButton as={AppLink} to={courseHref(courseKey)} variant="secondary">
              {t("certificate.backToCourse")}
            </LinkButton>
          </div>
        </div>
      </div>
    </UiProvider>
  );
}
