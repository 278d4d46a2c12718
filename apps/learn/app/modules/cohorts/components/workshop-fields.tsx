import { TextField } from "@peacelearn/ui";
import { useTranslation } from "~/lib/i18n-react";
import { NativeField } from "./native-field";

/** The workshop form's fields (schedule and edit): controls are `workshop-<name>`. */
export const workshopFields = ["title", "startsAt", "endsAt", "place"] as const;

/** `startsAt` and `endsAt` are `datetime-local` values ("2026-11-27T09:00"), venue wall clock. */
export function WorkshopFields({
  value,
  error,
}: {
  value: (name: (typeof workshopFields)[number]) => string;
  error: (name: (typeof workshopFields)[number]) => string | undefined;
}) {
  const { t } = useTranslation("cohorts");
  return (
    <>
      <TextField
        id="workshop-title"
        name="title"
        label={t("fields.title")}
        defaultValue={value("title")}
        error={error("title")}
        isRequired
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <NativeField
          id="workshop-startsAt"
          type="datetime-local"
          name="startsAt"
          label={t("fields.startsAt")}
          description={t("workshops.timeHelp")}
          defaultValue={value("startsAt")}
          error={error("startsAt")}
          isRequired
        />
        <NativeField
          id="workshop-endsAt"
          type="datetime-local"
          name="endsAt"
          label={t("fields.endsAt")}
          defaultValue={value("endsAt")}
          error={error("endsAt")}
        />
      </div>
      <TextField
        id="workshop-place"
        name="place"
        label={t("fields.place")}
        defaultValue={value("place")}
        error={error("place")}
      />
    </>
  );
}
