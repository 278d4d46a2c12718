import { userRoles } from "@peacelearn/db/schemas";
import {
  Alert,
  Breadcrumbs,
  Button,
  Card,
  ErrorSummary,
  LinkButton,
  Select,
  TextField,
} from "@peacelearn/ui";
import { data, href } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { parseForm } from "~/lib/form.server";
import { formState } from "~/lib/forms";
import { assertSameOrigin } from "~/lib/http.server";
import { supportedLocales } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n-react";
import { localeNames } from "~/lib/locale";
import { usePageTitle } from "~/lib/page-title";
import { createAccount, listCohortChoices } from "~/modules/admin/accounts.server";
import { CreateAccountSchema } from "~/modules/admin/schema";
import { RecoveryCodeText } from "~/modules/auth/components/recovery-code-card";
import { requireRole } from "~/modules/auth/guards.server";
import type { Route } from "./+types/new";

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "admin");
  return { cohorts: await listCohortChoices(await getDb()) };
}

const ERRORS = {
  "email-taken": ["email", "admin:errors.emailTaken"],
  "unknown-cohort": ["cohortId", "admin:errors.cohortInvalid"],
  "cohort-role": ["cohortId", "admin:errors.cohortRole"],
} as const;

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const admin = await requireRole(request, "admin");
  const submission = await parseForm({ request, context }, CreateAccountSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply(), created: null }, { status: 400 });
  }
  const outcome = await createAccount(await getDb(), {
    actorId: admin.id,
    account: submission.value,
  });
  if (!outcome.ok) {
    const [field, message] = ERRORS[outcome.error];
    return data(
      { result: submission.reply({ fieldErrors: { [field]: [message] } }), created: null },
      { status: 400 },
    );
  }
  // The code is in this answer only (every page is no-store): never stored, logged or in a URL.
  return {
    result: undefined,
    created: {
      userId: outcome.userId,
      name: submission.value.displayName,
      code: outcome.issued.code,
    },
  };
}

const FIELDS = ["displayName", "email", "role", "preferredLocale", "cohortId"] as const;

export default function NewAccountPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation(["admin", "auth"]);
  const title = usePageTitle(t("create.title"));
  const form = formState(actionData?.result, t);
  const labels: Record<(typeof FIELDS)[number], string> = {
    displayName: t("create.name"),
    email: t("create.email"),
    role: t("create.role"),
    preferredLocale: t("create.language"),
    cohortId: t("create.cohort"),
  };
  const summary = form.summary(
    FIELDS,
    "new-account",
    (name) => labels[name as keyof typeof labels],
  );
  const created = actionData?.created ?? null;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-8">
      <title>{title}</title>
      <Breadcrumbs
        items={[
          { label: t("users.title"), href: href("/admin") },
          { label: t("create.title"), href: href("/admin/users/new") },
        ]}
      />
      <h1 className="text-3xl font-bold">{t("create.title")}</h1>
      {created ? (
        <Alert tone="success" title={t("create.created", { name: created.name })}>
          <RecoveryCodeText code={created.code} />
          <p className="mb-3">{t("create.codeHelp")}</p>
          <LinkButton
            as={AppLink}
            to={href("/admin/users/:userId", { userId: created.userId })}
            variant="secondary"
          >
            {t("create.open")}
          </LinkButton>
        </Alert>
      ) : (
        <p>{t("create.intro")}</p>
      )}
      <Card>
        <AppForm method="post" noValidate className="flex flex-col gap-4">
          {summary.length > 0 ? (
            <ErrorSummary title={t("errors.summaryTitle")} errors={summary} />
          ) : null}
          <TextField
            id="new-account-displayName"
            name="displayName"
            autoComplete="off"
            label={labels.displayName}
            defaultValue={form.value("displayName")}
            error={form.error("displayName")}
            isRequired
          />
          <TextField
            id="new-account-email"
            name="email"
            type="email"
            autoComplete="off"
            label={labels.email}
            defaultValue={form.value("email")}
            error={form.error("email")}
            isRequired
          />
          <Select
            id="new-account-role"
            name="role"
            label={labels.role}
            options={userRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            defaultValue={form.value("role") || "trainee"}
            error={form.error("role")}
          />
          <Select
            id="new-account-preferredLocale"
            name="preferredLocale"
            label={labels.preferredLocale}
            options={supportedLocales.map((code) => ({
              value: code,
              label: localeNames[code] ?? code,
            }))}
            defaultValue={form.value("preferredLocale") || "en"}
            error={form.error("preferredLocale")}
          />
          <Select
            id="new-account-cohortId"
            name="cohortId"
            label={labels.cohortId}
            description={t("create.cohortHelp")}
            options={[
              { value: "", label: t("create.noCohort") },
              ...loaderData.cohorts.map((cohort) => ({ value: cohort.id, label: cohort.name })),
            ]}
            defaultValue={form.value("cohortId")}
            error={form.error("cohortId")}
          />
          <div>
            <Button type="submit">{t("create.submit")}</Button>
          </div>
        </AppForm>
      </Card>
    </div>
  );
}
