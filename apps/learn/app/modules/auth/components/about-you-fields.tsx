import { genderLabels, genders, localize, locationCodes, locationName } from "@peacelearn/domain";
import { Select, TextField } from "@peacelearn/ui";
import { useTranslation } from "~/lib/i18n-react";

/**
 * "About you (optional)": gender (with "prefer not to say"), birth year, country or area and
 * organisation — at sign-up and on the profile page, with the same rules (schema.ts `aboutYou`).
 */
export function AboutYouFields({
  form,
  locale,
  values,
  errors,
}: {
  /** The form's id prefix: controls are `${form}-gender`, … (the error summary links to them). */
  form: string;
  locale: string;
  values: { gender?: string; birthYear?: string; locationCode?: string; organisation?: string };
  errors: (name: string) => string | undefined;
}) {
  const { t } = useTranslation("auth");
  const locationOptions = [
    { value: "", label: t("signup.preferNotToSay") },
    ...locationCodes.map((code) => ({ value: code, label: locationName(code, { locale }) })),
  ];
  const genderOptions = genders
    .filter((gender) => gender !== "not-recorded")
    .map((gender) => ({ value: gender, label: localize(genderLabels[gender], locale) }));
  return (
    <fieldset className="flex flex-col gap-4 rounded border border-border p-4">
      <legend className="px-1 font-semibold">{t("signup.aboutYou")}</legend>
      <p className="text-sm text-ink-muted">{t("signup.aboutYouHelp")}</p>
      <Select
        id={`${form}-gender`}
        name="gender"
        label={t("fields.gender")}
        options={genderOptions}
        defaultValue={
          values.gender && values.gender !== "not-recorded" ? values.gender : "prefer-not-to-say"
        }
        error={errors("gender")}
      />
      <TextField
        id={`${form}-birthYear`}
        name="birthYear"
        type="number"
        inputMode="numeric"
        label={t("fields.birthYear")}
        description={t("signup.birthYearHelp")}
        defaultValue={values.birthYear}
        error={errors("birthYear")}
      />
      <Select
        id={`${form}-locationCode`}
        name="locationCode"
        label={t("fields.locationCode")}
        options={locationOptions}
        defaultValue={values.locationCode}
        error={errors("locationCode")}
      />
      <TextField
        id={`${form}-organisation`}
        name="organisation"
        autoComplete="organization"
        label={t("fields.organisation")}
        defaultValue={values.organisation}
        error={errors("organisation")}
      />
    </fieldset>
  );
}
