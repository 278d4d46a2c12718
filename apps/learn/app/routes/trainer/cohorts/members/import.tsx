import { genders, locationCodes, locationName } from "@peacelearn/domain";
import { Alert, Badge, Button, Card, Table, UiProvider } from "@peacelearn/ui";
import { data, href } from "react-router";
import { AppForm } from "~/components/app-form";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { decodeCsvBytes } from "~/lib/csv";
import { isFormRejection, parseForm } from "~/lib/form.server";
import { assertSameOrigin } from "~/lib/http.server";
import type { Translate } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { uiLocale } from "~/lib/locale";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { requireCohortTrainer } from "~/modules/cohorts/access.server";
import { CohortNav } from "~/modules/cohorts/components/cohort-nav";
import { NativeField } from "~/modules/cohorts/components/native-field";
import { countOutcomes, inviteMembers, type RowOutcome } from "~/modules/cohorts/members.server";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readRosterCsv } from "~/modules/cohorts/roster-import";
import { RosterUploadSchema } from "~/modules/cohorts/schema";
import type { Route } from "./+types/import";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { cohort } = await requireCohortTrainer(request, params.cohortId);
  return { locale: await getLocale(request), cohort };
}

type ImportError =
  | "no-file"
  | "too-large"
  | "empty"
  | "not-utf8"
  | "no-email-column"
  | "too-many-rows"
  | "malformed";

const failed = (error: ImportError, line?: number, status = 400) =>
  data({ error, line: line ?? null, report: null, counts: null }, { status });

/** Bytes of a whole upload: the file's limit plus room for the multipart framing. */
export const MAX_UPLOAD_BYTES = MAX_IMPORT_BYTES + 16 * 1024;

/** Whether `thrown` is the 413 that readForm answers for a body over its limit. */
function isBodyTooLarge(thrown: unknown): boolean {
  if (typeof thrown !== "object" || thrown === null || !("data" in thrown)) return false;
  const body = (thrown as { data: unknown }).data;
  return isFormRejection(body) && body.formRejection.reason === "body-too-large";
}

export async function action({ request, params, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const { db, cohort, user } = await requireCohortTrainer(request, params.cohortId);
  // The body is read (an oversized one drained) before any answer, so the browser gets this
  // page's own "too large" message rather than a connection reset halfway through the upload.
  let submission: Awaited<ReturnType<typeof parseForm<typeof RosterUploadSchema>>>;
  try {
    submission = await parseForm({ request, context }, RosterUploadSchema, {
      multipart: true,
      maxBytes: MAX_UPLOAD_BYTES,
      maxFields: 10,
    });
  } catch (thrown) {
    if (isBodyTooLarge(thrown)) return failed("too-large", undefined, 413);
    throw thrown;
  }
  if (submission.status !== "success") return failed("no-file");
  const { file } = submission.value;
  if (file.size === 0) return failed("no-file");
  if (file.size > MAX_IMPORT_BYTES) return failed("too-large", undefined, 413);
  // UTF-8, or Windows-1252 as French Excel saves "CSV (séparateur : point-virgule)".
  const read = readRosterCsv(decodeCsvBytes(await file.arrayBuffer()).text);
  if (!read.ok) return failed(read.error, read.line);
  const report = await inviteMembers(db, {
    cohortId: cohort.id,
    invitedById: user.id,
    rows: read.rows,
    now: new Date(),
  });
  return data({ error: null, line: null, report, counts: countOutcomes(report) });
}

export default function CohortImportPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, cohort } = loaderData;
  const { t } = useTranslation("cohorts");
  const pageTitle = t("import.title");
  const title = usePageTitle(`${pageTitle} — ${cohort.name}`);
  const membersHref = href("/trainer/cohorts/:cohortId/members", { cohortId: cohort.id });
  const example =
    "email,name,gender,birth_year,location\r\nama.kollie@example.org,Ama Kollie,woman,1990,LR";

  return (
    <UiProvider locale={uiLocale(locale)}>
      <div className="flex flex-col gap-8">
        <title>{title}</title>
        <CohortNav cohort={cohort} current={{ label: pageTitle, href: `${membersHref}/import` }} />
        <h1 className="text-3xl font-bold">{pageTitle}</h1>

        {actionData?.error ? (
          <Alert tone="danger" title={t("import.failedTitle")}>
            {t(`import.errors.${actionData.error}`, {
              line: actionData.line,
              rows: MAX_IMPORT_ROWS,
              size: Math.round(MAX_IMPORT_BYTES / 1024),
            })}
          </Alert>
        ) : null}

        {actionData?.report && actionData.counts ? (
          <section aria-labelledby="report-heading" className="flex flex-col gap-3">
            <h2 id="report-heading" className="text-2xl font-bold">
              {t("import.reportHeading")}
            </h2>
            <Alert tone={actionData.counts.rejected > 0 ? "warning" : "success"} role="status">
              {t("import.summary", actionData.counts)}
            </Alert>
            <Table<RowOutcome>
              locale={locale === "fr" ? "fr" : "en"}
              caption={t("import.reportCaption")}
              rows={actionData.report}
              rowKey={(row) => `${row.line}`}
              columns={[
                { key: "line", header: t("import.line"), align: "end", cell: (row) => row.line },
                {
                  key: "email",
                  header: t("fields.email"),
                  isRowHeader: true,
                  cell: (row) => row.email,
                },
                { key: "name", header: t("fields.displayName"), cell: (row) => row.name },
                {
                  key: "status",
                  header: t("import.result"),
                  cell: (row) => (
                    <Badge
                      tone={
                        row.status === "invited"
                          ? "success"
                          : row.status === "skipped"
                            ? "info"
                            : "danger"
                      }
                    >
                      {t(`import.status.${row.status}`)}
                    </Badge>
                  ),
                },
                {
                  key: "why",
                  header: t("import.details"),
                  cell: (row) => outcomeDetail(row, t),
                },
              ]}
            />
          </section>
        ) : null}

        <Card>
          <AppForm
            method="post"
            encType="multipart/form-data"
            noValidate
            className="flex flex-col gap-4"
          >
            <NativeField
              id="import-file"
              type="file"
              name="file"
              accept=".csv,text/csv"
              label={t("import.file")}
              description={t("import.fileHelp", {
                size: Math.round(MAX_IMPORT_BYTES / 1024),
                rows: MAX_IMPORT_ROWS,
              })}
              isRequired
            />
            <Button type="submit">{t("import.submit")}</Button>
          </AppForm>
        </Card>

        <section aria-labelledby="format-heading" className="flex flex-col gap-3">
          <h2 id="format-heading" className="text-2xl font-bold">
            {t("import.formatHeading")}
          </h2>
          <p>{t("import.formatIntro")}</p>
          {/* A scrollable box on a phone: focusable and named, so a keyboard can scroll it too. */}
          <section
            aria-label={t("import.exampleLabel")}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
            tabIndex={0}
            className="focus-ring overflow-x-auto rounded border border-border bg-surface-muted p-3"
          >
            <pre className="text-sm">{example}</pre>
          </section>
          <ul className="list-disc ps-6">
            <li>{t("import.columnEmail")}</li>
            <li>{t("import.columnName")}</li>
            <li>{t("import.columnGender", { codes: genders.join(", ") })}</li>
            <li>{t("import.columnBirthYear")}</li>
            <li>
              {t("import.columnLocation", {
                codes: locationCodes
                  .map((code) => `${code} (${locationName(code, { locale })})`)
                  .join(", "),
              })}
            </li>
          </ul>
          <p>{t("import.encoding")}</p>
          <p>{t("import.fillBlanks")}</p>
          <p>{t("import.unknownEmails")}</p>
        </section>
      </div>
    </UiProvider>
  );
}

/** Why a row ended as it did, in the reader's language. */
function outcomeDetail(row: RowOutcome, t: Translate<"cohorts">): string {
  if (row.status === "invited") return t("import.reason.invited");
  if (row.status === "skipped") return t("import.reason.already-member");
  const problem = row.problem;
  if (problem.reason === "duplicate-row") {
    return t("import.reason.duplicate-row", { line: problem.firstLine });
  }
  if (problem.reason === "unknown-code") {
    return t(`import.reason.unknown-${problem.column}`, { value: problem.value });
  }
  if (problem.reason === "invalid-birth-year") {
    return t("import.reason.invalid-birth-year", { value: problem.value });
  }
  return t(`import.reason.${row.reason}`);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
