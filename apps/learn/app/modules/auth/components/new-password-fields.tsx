import { TextField } from "@peacelearn/ui";
import { useTranslation } from "~/lib/i18n-react";
import { PASSWORD_MIN } from "../schema";

/**
 * A new password and its repetition, as sign-up, password change and account recovery ask for
 * them: the same rule shown, the same `new-password` autocomplete (phones offer to remember it),
 * never a value echoed back. Ids are `<form>-<name>`, as the forms' error summaries expect.
 */
export function NewPasswordFields({
  form,
  name,
  errors,
}: {
  /** The form's id prefix, e.g. "signup". */
  form: string;
  /** The password field's name in the form's schema. */
  name: "password" | "newPassword";
  errors: { password: string | undefined; confirmPassword: string | undefined };
}) {
  const { t } = useTranslation("auth");
  return (
    <>
      <TextField
        id={`${form}-${name}`}
        name={name}
        type="password"
        autoComplete="new-password"
        label={t(name === "password" ? "fields.password" : "fields.newPassword")}
        description={t("signup.passwordHelp", { count: PASSWORD_MIN })}
        error={errors.password}
        isRequired
      />
      <TextField
        id={`${form}-confirmPassword`}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        label={t("fields.confirmPassword")}
        error={errors.confirmPassword}
        isRequired
      />
    </>
  );
}
