import type { SubmissionResult } from "@conform-to/react";
import {
  interventionLevelLabels,
  interventionLevels,
  localize,
  wpsResolutionCodes,
  wpsResolutions,
} from "@peacelearn/domain";
import {
  Button,
  Card,
  Checkbox,
  ErrorSummary,
  RadioGroup,
  radioGroupFirstInputId,
  TextArea,
  TextField,
} from "@peacelearn/ui";
import { AppForm } from "~/components/app-form";
import { DefaultSubmit } from "~/components/default-submit";
import { fieldIdOf, formState } from "~/lib/forms";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { DateField } from "~/modules/accompaniment/components/date-field";
import { submittedValue } from "~/modules/accompaniment/form-values";
import type { PlanFormOptions } from "../plans.server";
import { MAX_STEP_ROWS } from "../schema";

const planFieldId = (name: string) => fieldIdOf("plan", name);

const STEP_FIELD = /^steps\[(\d+)\]\.(\w+)$/;

/** The values of a multiple-choice field sent back: one value comes back as a string. */
function submittedValues(result: SubmissionResult<string[]> | undefined, name: string): string[] {
  const value = (result?.initialValue as Record<string, unknown> | null | undefined)?.[name];
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
}

function ChoiceGroup({
  name,
  legend,
  options,
  checked,
  error,
  locale,
}: {
  name: string;
  legend: string;
  options: ReadonlyArray<{ value: string; label: string; description?: string }>;
  checked: readonly string[];
  error: string | undefined;
  locale: "en" | "fr";
}) {
  return (
    <fieldset id={planFieldId(name)} className="flex flex-col gap-3" tabIndex={-1}>
      <legend className="mb-2 font-semibold">{legend}</legend>
      {error ? (
        <p className="font-semibold text-danger" id={`${planFieldId(name)}-error`}>
          {error}
        </p>
      ) : null}
      {options.map((option) => (
        <Checkbox
          key={option.value}
          id={planFieldId(`${name}-${option.value}`)}
          name={name}
          value={option.value}
          defaultChecked={checked.includes(option.value)}
          description={option.description}
          locale={locale}
        >
          {option.label}
        </Checkbox>
      ))}
    </fieldset>
  );
}

export function PlanForm({
  options,
  result,
  rowCount,
  locale,
}: {
  options: PlanFormOptions;
  result: SubmissionResult<string[]> | undefined;
  rowCount: number;
  locale: string;
}) {
  const { t } = useTranslation("plans");
  const ui = uiLocale(locale);
  const form = formState(result, t);
  const value = (name: string) => submittedValue(result, name);

  const fieldLabel = (name: string) => {
    const row = STEP_FIELD.exec(name);
    if (row) {
      return `${t("form.stepLegend", { number: Number(row[1]) + 1 })} — ${t(runtimeKey(`form.step.${row[2]}`))}`;
    }
    return t(runtimeKey(`form.${name}`));
  };
  const summary = Object.entries(form.errors)
    .filter(([name]) => name !== "form")
    .map(([name, message]) => ({
      fieldId:
        name === "level"
          ? radioGroupFirstInputId(planFieldId("level"))
          : name === "steps"
            ? planFieldId("steps[0].description")
            : planFieldId(name),
      message: `${fieldLabel(name)}: ${message}`,
    }));

  return (
    <AppForm method="post" noValidate className="flex flex-col gap-6">
      <DefaultSubmit value="save" />
      {summary.length > 0 ? (
        <ErrorSummary title={t("form.errorSummary")} errors={summary} locale={ui} />
      ) : null}

      <Card title={t("form.goalHeading")} className="gap-4">
        <TextArea
          id={planFieldId("change")}
          name="change"
          rows={4}
          label={t("form.change")}
          description={t("form.changeHelp")}
          isRequired
          defaultValue={value("change")}
          error={form.error("change")}
          locale={ui}
        />
        <TextField
          id={planFieldId("target")}
          name="target"
          label={t("form.target")}
          description={t("form.targetHelp")}
          isRequired
          defaultValue={value("target")}
          error={form.error("target")}
          locale={ui}
        />
        <RadioGroup
          id={planFieldId("level")}
          name="level"
          label={t("form.level")}
          isRequired
          defaultValue={value("level")}
          error={form.error("level")}
          locale={ui}
          options={interventionLevels.map((level) => ({
            value: level,
            label: localize(interventionLevelLabels[level], ui),
          }))}
        />
      </Card>

      <Card title={t("form.frameworkHeading")} className="gap-6">
        {options.nap && options.nap.objectives.length > 0 ? (
          <div className="flex flex-col gap-2">
            <p className="text-ink-muted">
              {t(options.nap.inForce ? "form.napIntro" : "form.napLatest", {
                plan: options.nap.title ?? options.nap.id,
              })}
            </p>
            <ChoiceGroup
              name="napObjectiveIds"
              legend={t("form.napObjectiveIds")}
              options={options.nap.objectives.map((objective) => ({
                value: objective.id,
                label: objective.text,
                description: objective.pillar,
              }))}
              checked={submittedValues(result, "napObjectiveIds")}
              error={form.error("napObjectiveIds")}
              locale={ui}
            />
          </div>
        ) : (
          <p>{t("form.napNone")}</p>
        )}
        <ChoiceGroup
          name="resolutions"
          legend={t("form.resolutions")}
          options={wpsResolutionCodes.map((code) => ({
            value: code,
            label: wpsResolutions[code].symbol,
            description: localize(wpsResolutions[code].focus, ui),
          }))}
          checked={submittedValues(result, "resolutions")}
          error={form.error("resolutions")}
          locale={ui}
        />
        {options.modules.length > 0 ? (
          <ChoiceGroup
            name="moduleIds"
            legend={t("form.moduleIds")}
            options={options.modules.map((module) => ({ value: module.id, label: module.label }))}
            checked={submittedValues(result, "moduleIds")}
            error={form.error("moduleIds")}
            locale={ui}
          />
        ) : (
          <p>{t("form.modulesNone")}</p>
        )}
      </Card>

      <Card title={t("form.stepsHeading")} className="gap-4">
        {Array.from({ length: rowCount }, (_, index) => {
          const name = (field: string) => `steps[${index}].${field}`;
          return (
            <fieldset
              // Rows are positional: row n is always steps[n], typed values and errors included.
              key={name("row")}
              className="grid gap-3 rounded-card border border-border p-3 sm:grid-cols-3"
            >
              <legend className="px-1 font-semibold">
                {t("form.stepLegend", { number: index + 1 })}
              </legend>
              <TextField
                id={planFieldId(name("description"))}
                name={name("description")}
                label={t("form.step.description")}
                defaultValue={value(name("description"))}
                error={
                  form.error(name("description")) ?? (index === 0 ? form.error("steps") : undefined)
                }
                className="sm:col-span-2"
                locale={ui}
              />
              <DateField
                id={planFieldId(name("dueOn"))}
                name={name("dueOn")}
                label={t("form.step.dueOn")}
                description={t("form.dateHint")}
                defaultValue={value(name("dueOn"))}
                error={form.error(name("dueOn"))}
                locale={ui}
              />
            </fieldset>
          );
        })}
        {rowCount < MAX_STEP_ROWS ? (
          <div>
            <Button type="submit" name="intent" value="add-row" variant="secondary">
              {t("form.addStep")}
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
