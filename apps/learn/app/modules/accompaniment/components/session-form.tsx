import type { SubmissionResult } from "@conform-to/react";
import { accompanimentModes, followUpStatuses } from "@peacelearn/db/schemas";
import { type ActivityType, activityTypeLabels, activityTypes, localize } from "@peacelearn/domain";
import {
  Button,
  Card,
  Checkbox,
  ErrorSummary,
  RadioGroup,
  radioGroupFirstInputId,
  Select,
  TextArea,
  TextField,
} from "@peacelearn/ui";
import { AppForm } from "~/components/app-form";
import { DefaultSubmit } from "~/components/default-submit";
import { fieldIdOf, formState } from "~/lib/forms";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { personLabel } from "~/lib/people";
import { submittedValue } from "../form-values";
import { DEFAULT_ACTIVITY_TYPE, FOLLOW_UP_OWNERS, MAX_FOLLOW_UP_ROWS, MAX_TOPICS } from "../schema";
import type { PersonOption } from "../sessions.server";
import { DateField } from "./date-field";

const sessionFieldId = (name: string) => fieldIdOf("session", name);

const ROW_FIELD = /^followUps\[(\d+)\]\.(\w+)$/;

export function SessionForm({
  trainees,
  result,
  rowCount,
  defaultTraineeId,
  today,
  locale,
}: {
  trainees: PersonOption[];
  result: SubmissionResult<string[]> | undefined;
  rowCount: number;
  defaultTraineeId: string;
  today: string;
  locale: string;
}) {
  const { t } = useTranslation("accompaniment");
  const ui = uiLocale(locale);
  const form = formState(result, t);
  const value = (name: string) => submittedValue(result, name);
  const hasValues = Boolean(result?.initialValue);
  // After a failed submit the form shows exactly what was sent; a fresh form shows defaults.
  const initial = (name: string, fallback: string) => (hasValues ? value(name) : fallback);

  const fieldLabel = (name: string) => {
    const row = ROW_FIELD.exec(name);
    if (row) {
      return `${t("form.followUpLegend", { number: Number(row[1]) + 1 })} — ${t(runtimeKey(`form.followUp.${row[2]}`))}`;
    }
    return t(runtimeKey(`form.${name}`));
  };
  const summary = Object.entries(form.errors)
    .filter(([name]) => name !== "form")
    .map(([name, message]) => ({
      fieldId:
        name === "mode" ? radioGroupFirstInputId(sessionFieldId("mode")) : sessionFieldId(name),
      message: `${fieldLabel(name)}: ${message}`,
    }));

  return (
    <AppForm method="post" noValidate className="flex flex-col gap-6">
      <DefaultSubmit value="save" />
      {summary.length > 0 ? (
        <ErrorSummary title={t("form.errorSummary")} errors={summary} locale={ui} />
      ) : null}

      <Card title={t("form.sessionHeading")} className="gap-4">
        <Select
          id={sessionFieldId("traineeId")}
          name="traineeId"
          label={t("form.traineeId")}
          description={t("form.traineeHelp")}
          placeholder={t("form.traineePlaceholder")}
          isRequired
          defaultValue={initial("traineeId", defaultTraineeId)}
          error={form.error("traineeId")}
          locale={ui}
          options={trainees.map((person) => ({
            value: person.id,
            label:
              person.cohorts.length > 0
                ? `${personLabel(person)} — ${person.cohorts.join(", ")}`
                : personLabel(person),
          }))}
        />
        <DateField
          id={sessionFieldId("occurredOn")}
          name="occurredOn"
          label={t("form.occurredOn")}
          isRequired
          defaultValue={initial("occurredOn", today)}
          error={form.error("occurredOn")}
          locale={ui}
        />
        <RadioGroup
          id={sessionFieldId("mode")}
          name="mode"
          label={t("form.mode")}
          orientation="horizontal"
          isRequired
          defaultValue={initial("mode", "in-person")}
          error={form.error("mode")}
          locale={ui}
          options={accompanimentModes.map((mode) => ({ value: mode, label: t(`mode.${mode}`) }))}
        />
        <TextField
          id={sessionFieldId("durationMinutes")}
          name="durationMinutes"
          type="number"
          label={t("form.durationMinutes")}
          suffix={t("form.minutes")}
          defaultValue={value("durationMinutes")}
          error={form.error("durationMinutes")}
          locale={ui}
        />
        <Select
          id={sessionFieldId("activityType")}
          name="activityType"
          label={t("form.activityType")}
          defaultValue={initial("activityType", DEFAULT_ACTIVITY_TYPE)}
          error={form.error("activityType")}
          locale={ui}
          options={activityTypes.map((type: ActivityType) => ({
            value: type,
            label: localize(activityTypeLabels[type], ui),
          }))}
        />
        <TextField
          id={sessionFieldId("topics")}
          name="topics"
          label={t("form.topics")}
          description={t("form.topicsHelp", { count: MAX_TOPICS })}
          defaultValue={value("topics")}
          error={form.error("topics")}
          locale={ui}
        />
      </Card>

      <Card title={t("form.notesHeading")} className="gap-4">
        <TextArea
          id={sessionFieldId("notes")}
          name="notes"
          rows={6}
          label={t("form.notes")}
          description={t("form.notesHelp")}
          defaultValue={value("notes")}
          error={form.error("notes")}
          locale={ui}
        />
        <Checkbox
          id={sessionFieldId("isSensitive")}
          name="isSensitive"
          defaultChecked={value("isSensitive") === "on"}
          description={t("form.isSensitiveHelp")}
          locale={ui}
        >
          {t("form.isSensitive")}
        </Checkbox>
      </Card>

      <Card title={t("form.followUpsHeading")} className="gap-4">
        <p className="text-ink-muted">{t("form.followUpsHelp")}</p>
        {Array.from({ length: rowCount }, (_, index) => {
          const name = (field: string) => `followUps[${index}].${field}`;
          return (
            <fieldset
              // Rows are positional: row n is always followUps[n], typed values and errors included.
              key={name("row")}
              className="grid gap-3 rounded-card border border-border p-3 sm:grid-cols-2"
            >
              <legend className="px-1 font-semibold">
                {t("form.followUpLegend", { number: index + 1 })}
              </legend>
              <TextField
                id={sessionFieldId(name("description"))}
                name={name("description")}
                label={t("form.followUp.description")}
                defaultValue={value(name("description"))}
                error={form.error(name("description"))}
                className="sm:col-span-2"
                locale={ui}
              />
              <Select
                id={sessionFieldId(name("owner"))}
                name={name("owner")}
                label={t("form.followUp.owner")}
                defaultValue={initial(name("owner"), "trainee")}
                error={form.error(name("owner"))}
                locale={ui}
                options={FOLLOW_UP_OWNERS.map((owner) => ({
                  value: owner,
                  label: t(`owner.${owner}`),
                }))}
              />
              <DateField
                id={sessionFieldId(name("dueOn"))}
                name={name("dueOn")}
                label={t("form.followUp.dueOn")}
                defaultValue={value(name("dueOn"))}
                error={form.error(name("dueOn"))}
                locale={ui}
              />
              <Select
                id={sessionFieldId(name("status"))}
                name={name("status")}
                label={t("form.followUp.status")}
                defaultValue={initial(name("status"), "open")}
                error={form.error(name("status"))}
                locale={ui}
                options={followUpStatuses.map((status) => ({
                  value: status,
                  label: t(`status.${status}`),
                }))}
              />
            </fieldset>
          );
        })}
        {rowCount < MAX_FOLLOW_UP_ROWS ? (
          <div>
            <Button type="submit" name="intent" value="add-row" variant="secondary">
              {t("form.addRow")}
            </Button>
          </div>
        ) : null}
      </Card>

      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="save">
          {t("form.save")}
        </Button>
      </div>
    </AppForm>
  );
}
