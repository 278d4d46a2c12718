import { Alert, Button, ErrorSummary, Table, TextField } from "@peacelearn/ui";
import { data } from "react-router";
import { AppForm } from "~/components/app-form";
import { getDb } from "~/lib/db.server";
import { parseForm } from "~/lib/form.server";
import { formatDayTime } from "~/lib/format";
import { formState } from "~/lib/forms";
import { assertSameOrigin } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n-react";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { requireRole } from "~/modules/auth/guards.server";
import {
  recentRevocations,
  revokeCertificateCredential,
} from "~/modules/credentials/credentials.server";
import { RevokeSchema } from "~/modules/credentials/schema";
import type { Route } from "./+types/credentials";

/** The erasure's own reason code (packages/db eraseUser), shown in words. */
const ERASURE_REASON = "erasure";

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "admin");
  const [locale, db] = await Promise.all([getLocale(request), getDb()]);
  const revocations = await recentRevocations(db);
  return {
    locale,
    revocations: revocations.map((row) => ({
      code: row.certificate.verificationCode,
      revokedAt: row.revokedAt,
      reason: row.revocationReason,
    })),
  };
}

/** Revokes a certificate's credentials, with a reason the audit log keeps. */
export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const admin = await requireRole(request, "admin");
  const submission = await parseForm({ request, context }, RevokeSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply(), outcome: null }, { status: 400 });
  }
  const outcome = await revokeCertificateCredential(await getDb(), {
    ...submission.value,
    actorId: admin.id,
  });
  if (!outcome.ok) {
    return data(
      {
        result: submission.reply({ fieldErrors: { code: ["credentials:admin.notFound"] } }),
        outcome: null,
      },
      { status: 404 },
    );
  }
  return {
    result: submission.reply({ resetForm: true }),
    outcome: outcome.alreadyRevoked ? ("already" as const) : ("revoked" as const),
  };
}

type Row = Route.ComponentProps["loaderData"]["revocations"][number];

export default function AdminCredentialsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, revocations } = loaderData;
  const { t } = useTranslation("credentials");
  const title = usePageTitle(t("admin.title"));
  const form = formState(actionData?.result, t);
  const fields = ["code", "reason"] as const;
  const labels = { code: t("admin.codeLabel"), reason: t("admin.reasonLabel") };
  const summary = form.summary(fields, "revoke", (field) => labels[field as keyof typeof labels]);
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <title>{title}</title>
      <h1 className="text-3xl font-bold">{t("admin.title")}</h1>
      <p>{t("admin.intro")}</p>
      {actionData?.outcome ? (
        <Alert
          tone={actionData.outcome === "revoked" ? "success" : "info"}
          role="status"
          title={t(actionData.outcome === "revoked" ? "admin.revoked" : "admin.alreadyRevoked")}
        />
      ) : null}
      {summary.length > 0 ? (
        <ErrorSummary title={t("errors.summaryTitle")} errors={summary} />
      ) : null}
      <AppForm method="post" noValidate className="flex flex-col gap-4">
        <TextField
          id="revoke-code"
          name="code"
          label={labels.code}
          error={form.error("code")}
          defaultValue={form.value("code")}
          autoComplete="off"
          spellCheck="false"
          isRequired
        />
        <TextField
          id="revoke-reason"
          name="reason"
          label={labels.reason}
          error={form.error("reason")}
          defaultValue={form.value("reason")}
          isRequired
        />
        <div>
          <Button type="submit" variant="danger">
            {t("admin.submit")}
          </Button>
        </div>
      </AppForm>
      {/* A plain block: the table is a region named by its caption already (axe landmark-unique). */}
      <div className="flex flex-col gap-3">
        <h2 className="text-2xl font-bold">{t("admin.recentHeading")}</h2>
        {revocations.length === 0 ? (
          <p>{t("admin.none")}</p>
        ) : (
          <Table<Row>
            locale={locale === "fr" ? "fr" : "en"}
            caption={t("admin.recentHeading")}
            rows={revocations}
            rowKey={(row) => row.code}
            columns={[
              {
                key: "code",
                header: t("admin.code"),
                isRowHeader: true,
                cell: (row) => <span className="font-mono">{row.code}</span>,
              },
              {
                key: "date",
                header: t("admin.date"),
                cell: (row) => (row.revokedAt ? formatDayTime(row.revokedAt, locale) : ""),
              },
              {
                key: "reason",
                header: t("admin.reason"),
                cell: (row) =>
                  row.reason === ERASURE_REASON ? t("admin.erasure") : (row.reason ?? ""),
              },
            ]}
          />
        )}
      </div>
    </div>
  );
}
