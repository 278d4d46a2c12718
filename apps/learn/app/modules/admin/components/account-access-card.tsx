import { Alert, Button, Card, ErrorSummary } from "@peacelearn/ui";
import { AppForm } from "~/components/app-form";
import { formatDay } from "~/lib/format";
import { useTranslation } from "~/lib/i18n-react";

/**
 * Deactivate or reactivate an account on its admin page (ADR 027): one button, which posts its
 * intent, so it works without JavaScript. An admin's own account shows why it has no button.
 */
export function AccountAccessCard({
  deactivatedAt,
  isSelf,
  changed,
  error,
}: {
  deactivatedAt: Date | string | null;
  isSelf: boolean;
  /** What the admin just did, for the confirmation. */
  changed: "deactivate" | "reactivate" | null;
  error: string | undefined;
}) {
  const { t, i18n } = useTranslation("admin");
  return (
    <Card title={t("access.heading")}>
      <div className="flex flex-col gap-4">
        {changed ? (
          <Alert
            tone="success"
            title={changed === "deactivate" ? t("access.deactivated") : t("access.reactivated")}
          />
        ) : null}
        {error ? (
          <ErrorSummary
            title={t("errors.summaryTitle")}
            errors={[{ fieldId: "account-access", message: error }]}
          />
        ) : null}
        {deactivatedAt ? (
          <p>{t("access.inactiveSince", { date: formatDay(deactivatedAt, i18n.language) })}</p>
        ) : (
          <p>
            {t("access.active")} {isSelf ? t("access.selfNote") : t("access.deactivateIntro")}
          </p>
        )}
        {isSelf && !deactivatedAt ? null : (
          <AppForm method="post">
            <input
              type="hidden"
              name="intent"
              value={deactivatedAt ? "reactivate" : "deactivate"}
            />
            <Button
              id="account-access"
              type="submit"
              variant={deactivatedAt ? "secondary" : "danger"}
            >
              {deactivatedAt ? t("access.reactivate") : t("access.deactivate")}
            </Button>
          </AppForm>
        )}
      </div>
    </Card>
  );
}
