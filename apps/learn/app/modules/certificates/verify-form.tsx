import { Button, ErrorSummary, TextField } from "@peacelearn/ui";
import { href } from "react-router";
import { AppForm } from "~/components/app-form";
import { useTranslation } from "~/lib/i18n-react";

/** The code form of /verify: a GET, so a result page is a plain link anyone can share. */
export function VerifyForm({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  const { t } = useTranslation("assessment");
  return (
    <AppForm method="get" action={href("/verify")} noValidate className="flex flex-col gap-4">
      {error ? (
        <ErrorSummary
          title={t("errors.verifySummaryTitle")}
          errors={[{ fieldId: "verify-code", message: error }]}
        />
      ) : null}
      <TextField
        id="verify-code"
        name="code"
        label={t("verify.codeLabel")}
        description={t("verify.codeHelp")}
        defaultValue={defaultValue}
        error={error}
        autoComplete="off"
        spellCheck="false"
        isRequired
      />
      <div>
        <Button type="submit">{t("verify.submit")}</Button>
      </div>
    </AppForm>
  );
}
