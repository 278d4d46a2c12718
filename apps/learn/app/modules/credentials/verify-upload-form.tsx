import { Button, ErrorSummary, Field, TextField } from "@peacelearn/ui";
import { href } from "react-router";
import { AppForm } from "~/components/app-form";
import { useTranslation } from "~/lib/i18n-react";
import { MAX_CREDENTIAL_BYTES } from "./schema";

const fileClass =
  "focus-ring w-full rounded-control border border-border-strong bg-surface px-3 py-2 text-base text-ink aria-[invalid=true]:border-2 aria-[invalid=true]:border-danger-border";

/**
 * The file form of /verify: a multipart POST of a credential (.json) or a badge (.svg), and
 * optionally the e-mail address the holder gave, compared with the credential's hash and never
 * stored. Works without JavaScript.
 */
export function VerifyUploadForm({
  errors = {},
  email,
}: {
  errors?: { credential?: string; email?: string };
  email?: string;
}) {
  const { t } = useTranslation("credentials");
  const summary = [
    errors.credential ? { fieldId: "verify-file", message: errors.credential } : null,
    errors.email ? { fieldId: "verify-email", message: errors.email } : null,
  ].filter((item) => item !== null);
  return (
    <AppForm
      method="post"
      action={href("/verify")}
      encType="multipart/form-data"
      noValidate
      className="flex flex-col gap-4"
    >
      {summary.length > 0 ? (
        <ErrorSummary title={t("errors.summaryTitle")} errors={summary} />
      ) : null}
      <Field
        id="verify-file"
        label={t("verify.fileLabel")}
        description={t("verify.fileHelp", { size: MAX_CREDENTIAL_BYTES / 1024 })}
        error={errors.credential}
        isRequired
      >
        {(control) => (
          <input
            {...control}
            type="file"
            name="credential"
            accept=".json,.svg,application/json,image/svg+xml"
            className={fileClass}
          />
        )}
      </Field>
      <TextField
        id="verify-email"
        name="email"
        type="email"
        label={t("verify.emailLabel")}
        description={t("verify.emailHelp")}
        defaultValue={email}
        error={errors.email}
        autoComplete="off"
      />
      <div>
        <Button type="submit">{t("verify.submit")}</Button>
      </div>
    </AppForm>
  );
}
