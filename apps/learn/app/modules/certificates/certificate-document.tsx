import { formatDate } from "~/lib/format";
import { useTranslation } from "~/lib/i18n-react";

/** Who issues and signs the certificates (CERTIFICATE_* in env.server.ts, issuer.server.ts). */
export type CertificateIssuer = {
  organisation: string;
  signatory: { name: string; role: string | null } | null;
};

export type CertificateDocumentProps = {
  holderName: string | null;
  courseTitle: string;
  completedAt: Date | string;
  verificationCode: string;
  verifyUrl: string;
  /** The verification address as an inline SVG QR code (issuer.server.ts). */
  verifyQrSvg?: string;
  studyMinutes?: number;
  issuer?: CertificateIssuer;
  locale: string;
};

/**
 * The certificate itself, laid out to read well on a phone and to print on one A4 landscape page
 * (see certificate-print.css): borders, no background colour, text only.
 */
export function CertificateDocument({
  holderName,
  courseTitle,
  completedAt,
  verificationCode,
  verifyUrl,
  verifyQrSvg,
  studyMinutes,
  issuer,
  locale,
}: CertificateDocumentProps) {
  const { t } = useTranslation(["assessment", "common"]);
  return (
    <article
      aria-labelledby="certificate-heading"
      className="certificate flex flex-col items-center gap-4 rounded-card border-4 border-double border-ink bg-surface px-4 py-10 text-center sm:px-10"
    >
      <p className="text-lg font-semibold tracking-wide text-primary uppercase">
        {issuer?.organisation ?? t("common:app.name")}
      </p>
      <h1 id="certificate-heading" className="text-3xl font-bold sm:text-4xl">
        {t("certificate.heading")}
      </h1>
      <p className="text-lg">{t("certificate.certifies")}</p>
      <p className="text-3xl font-bold break-words sm:text-4xl">
        {holderName ?? t("certificate.nameWithheld")}
      </p>
      <p className="text-lg">{t("certificate.completed")}</p>
      <p className="text-2xl font-semibold break-words">{courseTitle}</p>
      <p className="text-lg">
        {t("certificate.completedOn", { date: formatDate(completedAt, locale) })}
      </p>
      {studyMinutes ? (
        <p>
          {t("certificate.studyHours", {
            hours: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(
              Math.round((studyMinutes / 60) * 2) / 2 || 0.5,
            ),
          })}
        </p>
      ) : null}
      {issuer ? (
        <p className="text-sm">
          {t("certificate.issuedBy", { organisation: issuer.organisation })}
        </p>
      ) : null}
      {issuer?.signatory ? (
        <div className="mt-4 flex flex-col items-center">
          <span className="w-56 border-b border-ink" aria-hidden="true" />
          <span className="mt-1 font-semibold">{issuer.signatory.name}</span>
          {issuer.signatory.role ? <span className="text-sm">{issuer.signatory.role}</span> : null}
        </div>
      ) : null}
      <dl className="mt-6 flex flex-col items-center gap-1 border-t border-border pt-4 text-sm">
        <dt className="font-semibold">{t("certificate.codeLabel")}</dt>
        <dd className="font-mono text-lg tracking-widest" data-testid="verification-code">
          {verificationCode}
        </dd>
        <dt className="mt-2 font-semibold">{t("certificate.verifyAt")}</dt>
        <dd className="break-all">
          <a href={verifyUrl} className="underline">
            {verifyUrl}
          </a>
        </dd>
      </dl>
      {verifyQrSvg ? (
        <figure className="flex flex-col items-center gap-1">
          <div
            role="img"
            aria-label={t("certificate.qrLabel")}
            className="size-32 [&>svg]:size-full"
            // Made on the server by uqr from the verification address alone: no text from a user.
            dangerouslySetInnerHTML={{ __html: verifyQrSvg }}
          />
          <figcaption className="text-sm">{t("certificate.qrCaption")}</figcaption>
        </figure>
      ) : null}
    </article>
  );
}
