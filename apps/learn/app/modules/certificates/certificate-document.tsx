import { formatDate } from "~/lib/format";
import { useTranslation } from "~/lib/i18n-react";

export type CertificateDocumentProps = {
  holderName: string | null;
  courseTitle: string;
  completedAt: Date | string;
  verificationCode: string;
  verifyUrl: string;
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
  locale,
}: CertificateDocumentProps) {
  const { t } = useTranslation(["assessment", "common"]);
  return (
    <article
      aria-labelledby="certificate-heading"
      className="certificate flex flex-col items-center gap-4 rounded-card border-4 border-double border-ink bg-surface px-4 py-10 text-center sm:px-10"
    >
      <p className="text-lg font-semibold tracking-wide text-primary uppercase">
        {t("common:app.name")}
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
    </article>
  );
}
