import { Alert, Badge, ErrorSummary } from "@peacelearn/ui";
import { formatDate, formatPercent } from "~/lib/format";
import { useTranslation } from "~/lib/i18n-react";
import { questionId } from "./check-form";

export type ResultView = {
  score: number;
  passed: boolean;
  passMark: number;
  submittedAt: Date | string;
  correctCount: number;
  total: number;
  questions: Array<{
    key: string;
    prompt: string;
    correct: boolean;
    chosen: Array<{ key: string; label: string; feedback: string; isCorrect: boolean }>;
    correctLabels: string[];
  }>;
};

/**
 * One attempt explained: the verdict first (score against the pass mark), links to the questions
 * to review, then every question with the options chosen, each one's feedback, and the right
 * options. Colour is never the only cue: every mark is also written out.
 */
export function CheckResult({ result, locale }: { result: ResultView; locale: string }) {
  const { t } = useTranslation("assessment");
  const wrong = result.questions.filter((question) => !question.correct);
  const numberOf = (key: string) => result.questions.findIndex((q) => q.key === key) + 1;

  return (
    <div className="flex flex-col gap-6">
      <Alert
        tone={result.passed ? "success" : "danger"}
        role="none"
        title={result.passed ? t("result.passedTitle") : t("result.failedTitle")}
      >
        <p>
          {t("result.scoreLine", {
            score: formatPercent(result.score, locale),
            correct: result.correctCount,
            total: result.total,
            passMark: formatPercent(result.passMark, locale),
          })}
        </p>
        <p className="text-sm text-ink-muted">
          {t("result.submittedOn", { date: formatDate(result.submittedAt, locale) })}
        </p>
      </Alert>
      {wrong.length > 0 ? (
        <ErrorSummary
          title={t("result.reviewTitle")}
          autoFocus={false}
          errors={wrong.map((question) => ({
            fieldId: questionId(question.key),
            message: t("check.legend", { number: numberOf(question.key), prompt: question.prompt }),
          }))}
        />
      ) : null}
      <ol className="flex list-none flex-col gap-4 ps-0">
        {result.questions.map((question, index) => (
          <li key={question.key}>
            <section
              id={questionId(question.key)}
              tabIndex={-1}
              aria-labelledby={`${questionId(question.key)}-heading`}
              className="flex flex-col gap-3 rounded-card border border-border bg-surface p-4"
            >
              <h2
                id={`${questionId(question.key)}-heading`}
                className="text-lg font-semibold text-ink"
              >
                {t("check.legend", { number: index + 1, prompt: question.prompt })}
              </h2>
              <p>
                <Badge tone={question.correct ? "success" : "danger"}>
                  {question.correct ? t("result.questionCorrect") : t("result.questionWrong")}
                </Badge>
              </p>
              <div>
                <h3 className="font-semibold">{t("result.yourAnswer")}</h3>
                <ul className="mt-1 flex list-none flex-col gap-2 ps-0">
                  {question.chosen.map((option) => (
                    <li key={option.key} className="border-s-4 border-border ps-3">
                      <p>
                        <span className="font-semibold">{option.label}</span>{" "}
                        <span className={option.isCorrect ? "text-success-ink" : "text-danger-ink"}>
                          ({option.isCorrect ? t("result.chosenRight") : t("result.chosenWrong")})
                        </span>
                      </p>
                      {option.feedback ? <p className="text-ink-muted">{option.feedback}</p> : null}
                    </li>
                  ))}
                </ul>
              </div>
              <div>
                <h3 className="font-semibold">
                  {t("result.correctAnswer", { count: question.correctLabels.length })}
                </h3>
                <ul className="mt-1 list-disc ps-6">
                  {question.correctLabels.map((label) => (
                    <li key={label}>{label}</li>
                  ))}
                </ul>
              </div>
            </section>
          </li>
        ))}
      </ol>
    </div>
  );
}
