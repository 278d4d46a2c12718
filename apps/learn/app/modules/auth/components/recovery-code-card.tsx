import { Alert, Button, Card } from "@peacelearn/ui";
import { AppForm } from "~/components/app-form";
import { useTranslation } from "~/lib/i18n-react";

export type RecoveryCardState =
  /** This reader may issue a code; `issued` is the one just issued, shown once. */
  | { kind: "allowed"; issued: { code: string } | null }
  /** Staff, trainers and admins are recovered by an admin, never by a cohort's trainer. */
  | { kind: "through-admin" };

/**
 * "Forgotten password" help for one person, on a trainee's page (her trainer) or a user's page
 * (an admin): a button that issues a one-time recovery code, and the code, once, right after.
 * Works without JavaScript: the form posts and the answer shows the code; nothing stores it.
 */
export function RecoveryCodeCard({ name, state }: { name: string; state: RecoveryCardState }) {
  const { t } = useTranslation("auth");
  return (
    <Card title={t("recoveryCard.heading")}>
      {state.kind === "through-admin" ? (
        <p>{t("recoveryCard.throughAdmin", { name })}</p>
      ) : (
        <div className="flex flex-col gap-4">
          {state.issued ? (
            <Alert tone="success" title={t("recoveryCard.issuedTitle", { name })}>
              <RecoveryCodeText code={state.issued.code} />
              <p>{t("recoveryCard.issuedHelp")}</p>
            </Alert>
          ) : (
            <p>{t("recoveryCard.intro", { name })}</p>
          )}
          <AppForm method="post">
            <input type="hidden" name="intent" value="recovery-code" />
            <Button type="submit" variant="secondary">
              {state.issued ? t("recoveryCard.issueAnother") : t("recoveryCard.issue")}
            </Button>
          </AppForm>
        </div>
      )}
    </Card>
  );
}

/** A code just issued, large and spaced for reading aloud; shown once, never stored. */
export function RecoveryCodeText({ code }: { code: string }) {
  return (
    <p className="my-2 font-mono text-2xl font-bold tracking-wider" data-testid="recovery-code">
      {code}
    </p>
  );
}
