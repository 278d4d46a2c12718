import { Checkbox } from "@peacelearn/ui";
import { useTranslation } from "~/lib/i18n-react";

/**
 * "This phone is not only mine" (ADR 019): the session then ends when the browser closes or after
 * 20 idle minutes, and quick exit wipes what the site saved. On every form that signs her in.
 */
export function SharedDeviceCheckbox({ form, checked }: { form: string; checked: boolean }) {
  const { t } = useTranslation("auth");
  return (
    <Checkbox
      id={`${form}-sharedDevice`}
      name="sharedDevice"
      value="on"
      defaultChecked={checked}
      description={t("login.sharedDeviceHelp")}
    >
      {t("login.sharedDevice")}
    </Checkbox>
  );
}
