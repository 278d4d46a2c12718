import { Alert, Card } from "@peacelearn/ui";
import { formatDate } from "~/lib/format";
import { useTranslation } from "~/lib/i18n-react";
import type { CredentialCheck } from "./verify.server";

const TITLE = {
  valid: "verify.valid",
  revoked: "verify.revoked",
  expired: "verify.expired",
  "status-unknown": "verify.statusUnknown",
  "invalid-proof": "verify.invalidProof",
  "wrong-issuer": "verify.wrongIssuer",
  unreadable: "verify.unreadable",
} as const;

const BODY = {
  revoked: "verify.revokedBody",
  "invalid-proof": "verify.invalidProofBody",
  "wrong-issuer": "verify.wrongIssuerBody",
  unreadable: "verify.unreadableBody",
} as const;

/**
 * The answer for an uploaded credential, in plain words: the verdict, what the credential says
 * (only what is in the file the reader already holds), and what it proves and does not.
 */
export function VerificationResult({ check, locale }: { check: CredentialCheck; locale: string }) {
  const { t } = useTranslation("credentials");
  const tone =
    check.status === "valid" ? "success" : check.status === "status-unknown" ? "warning" : "danger";
  const body = check.status in BODY ? t(BODY[check.status as keyof typeof BODY]) : undefined;
  return (
    <section aria-labelledby="credential-result" className="flex flex-col gap-4">
      <h2 id="credential-result" className="text-xl font-bold">
        {t("verify.resultHeading")}
      </h2>
      <Alert tone={tone} role="none" title={t(TITLE[check.status])}>
        {body}
      </Alert>
      {"facts" in check ? (
        <>
          <Card>
            <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
              <dt className="font-semibold">{t("verify.title")}</dt>
              <dd>{check.facts.title}</dd>
              <dt className="font-semibold">{t("verify.issuer")}</dt>
              <dd>{check.facts.issuerName}</dd>
              <dt className="font-semibold">{t("verify.awardedOn")}</dt>
              <dd>{formatDate(check.facts.awardedAt, locale)}</dd>
              <dt className="font-semibold">{t("verify.holder")}</dt>
              <dd>{check.facts.holderName ?? t("verify.holderHidden")}</dd>
              {check.facts.expiresAt ? (
                <>
                  <dt className="font-semibold">{t("verify.expiresOn")}</dt>
                  <dd>{formatDate(check.facts.expiresAt, locale)}</dd>
                </>
              ) : null}
            </dl>
          </Card>
          {check.facts.emailMatches === null ? null : (
            <Alert
              tone={check.facts.emailMatches ? "success" : "warning"}
              role="none"
              title={t(check.facts.emailMatches ? "verify.emailMatches" : "verify.emailDiffers")}
            />
          )}
          {check.status === "valid" ? (
            <div className="flex flex-col gap-2">
              <h3 className="text-lg font-bold">{t("verify.provesHeading")}</h3>
              <p>{t("verify.proves", { issuer: check.facts.issuerName })}</p>
              <h3 className="text-lg font-bold">{t("verify.doesNotProveHeading")}</h3>
              <p>{t("verify.doesNotProve")}</p>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
