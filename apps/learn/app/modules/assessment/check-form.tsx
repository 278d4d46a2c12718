import { Button, Checkbox, ErrorSummary, RadioGroup, radioGroupFirstInputId } from "@peacelearn/ui";
import { AppForm } from "~/components/app-form";
import { useTranslation } from "~/lib/i18n-react";
import { answerField, type FormQuestion } from "./schema";

const questionCard = "rounded-card border border-border bg-surface p-4";

export function questionId(questionKey: string) {
  return `question-${questionKey}`;
}

/** Where an error link should land: the first control of the question. */
function firstControlId(question: FormQuestion) {
  return question.kind === "multiple"
    ? `${questionId(question.key)}-0`
    : radioGroupFirstInputId(questionId(question.key));
}

/**
 * The knowledge-check form: one fieldset with a legend per question (radios for single choice
 * and true/false, checkboxes for multiple choice) and the one-time attempt token. A plain POST:
 * it needs no JavaScript. `errors` (translated, by question key) and `values` (what was chosen)
 * come back from a rejected submission so nothing chosen is lost.
 */
export function CheckForm({
  questions,
  token,
  errors,
  values,
}: {
  questions: readonly FormQuestion[];
  token: string;
  errors: Record<string, string>;
  values: Record<string, string[]>;
}) {
  const { t } = useTranslation("assessment");
  const summary = questions
    .filter((question) => errors[question.key])
    .map((question) => ({
      fieldId: firstControlId(question),
      message: t("errors.summaryItem", {
        number: questions.indexOf(question) + 1,
        error: errors[question.key],
      }),
    }));
  const formError = errors[""];

  return (
    <AppForm method="post" noValidate className="flex flex-col gap-6">
      {summary.length > 0 || formError ? (
        <ErrorSummary
          title={t("errors.summaryTitle")}
          errors={
            formError
              ? [
                  { fieldId: firstControlId(questions[0] as FormQuestion), message: formError },
                  ...summary,
                ]
              : summary
          }
        />
      ) : null}
      <input type="hidden" name="token" value={token} />
      {questions.map((question, index) => {
        const legend = t("check.legend", { number: index + 1, prompt: question.prompt });
        const chosen = values[question.key] ?? [];
        const error = errors[question.key];
        if (question.kind !== "multiple") {
          return (
            <div key={question.key} className={questionCard}>
              <RadioGroup
                id={questionId(question.key)}
                name={answerField(question.key)}
                label={legend}
                description={t("check.chooseOne")}
                error={error}
                defaultValue={chosen[0]}
                options={question.options.map((option) => ({
                  value: option.key,
                  label: option.label,
                }))}
              />
            </div>
          );
        }
        const hintId = `${questionId(question.key)}-hint`;
        const errorId = `${questionId(question.key)}-error`;
        return (
          <div key={question.key} className={questionCard}>
            <fieldset
              id={questionId(question.key)}
              aria-describedby={error ? `${hintId} ${errorId}` : hintId}
              className="flex flex-col gap-2"
            >
              <legend className="mb-1 font-semibold text-ink">{legend}</legend>
              <p id={hintId} className="text-sm text-ink-muted">
                {t("check.chooseAll")}
              </p>
              {error ? (
                <p id={errorId} className="text-sm font-semibold text-danger-ink">
                  {error}
                </p>
              ) : null}
              {question.options.map((option, optionIndex) => (
                <Checkbox
                  key={option.key}
                  id={`${questionId(question.key)}-${optionIndex}`}
                  name={answerField(question.key)}
                  value={option.key}
                  defaultChecked={chosen.includes(option.key)}
                  aria-invalid={error ? true : undefined}
                >
                  {option.label}
                </Checkbox>
              ))}
            </fieldset>
          </div>
        );
      })}
      <div>
        <Button type="submit">{t("check.submit")}</Button>
      </div>
    </AppForm>
  );
}

/**
 * Turns a rejected submission (conform's reply) into what {@link CheckForm} shows: one translated
 * message per question key (`""` for the whole form) and the options that were chosen.
 */
export function checkFormFeedback(
  result: { initialValue?: unknown; error?: Record<string, string[] | null> | null } | undefined,
  questions: readonly FormQuestion[],
  translate: (key: string) => string,
) {
  const initial = (result?.initialValue ?? {}) as Record<string, unknown>;
  const values: Record<string, string[]> = {};
  const errors: Record<string, string> = {};
  for (const question of questions) {
    const raw = initial[answerField(question.key)];
    values[question.key] = Array.isArray(raw) ? raw.map(String) : raw ? [String(raw)] : [];
  }
  for (const [path, messages] of Object.entries(result?.error ?? {})) {
    const message = messages?.[0];
    if (!message) continue;
    // "answer-pillars[0]" (a bad option) belongs to the question "pillars".
    const question = questions.find(
      (q) => path === answerField(q.key) || path.startsWith(`${answerField(q.key)}[`),
    );
    const key = question ? question.key : "";
    errors[key] ??= translate(message);
  }
  return { values, errors };
}
