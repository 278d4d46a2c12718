import { Alert, Breadcrumbs, Button, ErrorSummary, TextField } from "@peacelearn/ui";
import { data, href, redirect } from "react-router";
import { AppForm } from "~/components/app-form";
import { getDb } from "~/lib/db.server";
import { parseForm } from "~/lib/form.server";
import { formState } from "~/lib/forms";
import { assertSameOrigin } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n-react";
import { usePageTitle } from "~/lib/page-title";
import { ErasureReportPage } from "~/modules/admin/components/erasure-report";
import { loadErasureReport, resolveReviewItem } from "~/modules/admin/erasure-review.server";
import { EraseSchema } from "~/modules/admin/schema";
import { eraseUserOnRequest } from "~/modules/admin/users.server";
import { requireRole } from "~/modules/auth/guards.server";
import type { Route } from "./+types/erase";

export async function loader({ request, params }: Route.LoaderArgs) {
  const admin = await requireRole(request, "admin");
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: params.userId },
    select: { id: true, displayName: true, erasedAt: true },
  });
  if (!user) throw data(null, { status: 404 });
  if (!user.erasedAt) {
    return { user: { id: user.id, displayName: user.displayName }, report: null };
  }
  // Once erased, this page is the erasure's report and its review list.
  const report = await loadErasureReport(db, { userId: user.id, viewerId: admin.id });
  if (!report) throw data(null, { status: 404 });
  return { user: { id: user.id, displayName: user.displayName }, report };
}

const messages = {
  "email-mismatch": "admin:errors.emailMismatch",
  self: "admin:errors.eraseSelf",
  "last-admin": "admin:errors.eraseLastAdmin",
} as const;

export async function action({ request, params, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const admin = await requireRole(request, "admin");
  const submission = await parseForm({ request, context }, EraseSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const db = await getDb();
  const path = href("/admin/users/:userId/erase", { userId: params.userId });
  if (submission.value.intent === "review") {
    const resolved = await resolveReviewItem(db, {
      actorId: admin.id,
      userId: params.userId,
      index: submission.value.item,
      decision: submission.value.decision,
    });
    if (!resolved.ok && resolved.error === "not-found") throw data(null, { status: 404 });
    if (!resolved.ok) {
      return data(
        { result: submission.reply({ fieldErrors: { decision: ["admin:errors.reviewChanged"] } }) },
        { status: 409 },
      );
    }
    return redirect(path);
  }
  const outcome = await eraseUserOnRequest(db, {
    actorId: admin.id,
    userId: params.userId,
    confirmEmail: submission.value.confirmEmail,
  });
  if (!outcome.ok) {
    if (outcome.error === "not-found" || outcome.error === "already-erased") {
      throw data(null, { status: 404 });
    }
    return data(
      { result: submission.reply({ fieldErrors: { confirmEmail: [messages[outcome.error]] } }) },
      { status: 400 },
    );
  }
  return redirect(path);
}

export default function EraseUserPage({ loaderData, actionData }: Route.ComponentProps) {
  const { user, report } = loaderData;
  if (report) return <ErasureReportPage userId={user.id} report={report} actionData={actionData} />;
  const { t } = useTranslation("admin");
  const title = usePageTitle(t("erase.title", { name: user.displayName }));
  const form = formState(actionData?.result, t);
  const error = form.error("confirmEmail");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <title>{title}</title>
      <Breadcrumbs
        items={[
          { label: t("users.title"), href: href("/admin") },
          { label: user.displayName, href: href("/admin/users/:userId", { userId: user.id }) },
          {
            label: t("erase.heading"),
            href: href("/admin/users/:userId/erase", { userId: user.id }),
          },
        ]}
      />
      <h1 className="text-3xl font-bold">{t("erase.title", { name: user.displayName })}</h1>
      <Alert tone="warning" role="none" title={t("erase.warningTitle")}>
        <p>{t("erase.whatGoes")}</p>
        <p className="mt-2">{t("erase.whatStays")}</p>
      </Alert>
      {error ? (
        <ErrorSummary
          title={t("errors.summaryTitle")}
          errors={[{ fieldId: "erase-confirmEmail", message: error }]}
        />
      ) : null}
      <AppForm method="post" noValidate className="flex flex-col gap-4">
        <input type="hidden" name="intent" value="erase" />
        <TextField
          id="erase-confirmEmail"
          name="confirmEmail"
          type="email"
          autoComplete="off"
          label={t("erase.confirmLabel")}
          description={t("erase.confirmHelp")}
          error={error}
          defaultValue={form.value("confirmEmail")}
          isRequired
        />
        <div>
          <Button type="submit" variant="danger">
            {t("erase.submit")}
          </Button>
        </div>
      </AppForm>
    </div>
  );
}
