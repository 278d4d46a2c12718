import { userRoles } from "@peacelearn/db/schemas";
import {
  Alert,
  Breadcrumbs,
  Button,
  Card,
  Checkbox,
  ErrorSummary,
  LinkButton,
} from "@peacelearn/ui";
import { data, href } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { parseForm } from "~/lib/form.server";
import { formState } from "~/lib/forms";
import { assertSameOrigin } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n-react";
import { usePageTitle } from "~/lib/page-title";
import { setAccountActive } from "~/modules/admin/accounts.server";
import { AccountAccessCard } from "~/modules/admin/components/account-access-card";
import { issueUserRecoveryCode } from "~/modules/admin/recovery.server";
import { AdminUserFormSchema } from "~/modules/admin/schema";
import { changeRoles, findAccount } from "~/modules/admin/users.server";
import { RecoveryCodeCard } from "~/modules/auth/components/recovery-code-card";
import { requireRole } from "~/modules/auth/guards.server";
import type { Route } from "./+types/user";

export async function loader({ request, params }: Route.LoaderArgs) {
  const admin = await requireRole(request, "admin");
  const user = await findAccount(await getDb(), params.userId);
  if (!user || user.erasedAt) throw data(null, { status: 404 });
  return { user, isSelf: user.id === admin.id };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const admin = await requireRole(request, "admin");
  const submission = await parseForm({ request, context }, AdminUserFormSchema);
  if (submission.status !== "success") {
    return data(
      { result: submission.reply(), saved: false, issued: null, access: null },
      { status: 400 },
    );
  }
  const db = await getDb();
  const { intent } = submission.value;
  if (intent === "recovery-code") {
    const issued = await issueUserRecoveryCode(db, { adminId: admin.id, userId: params.userId });
    return { result: undefined, saved: false, issued: { code: issued.code }, access: null };
  }
  if (intent === "deactivate" || intent === "reactivate") {
    const changed = await setAccountActive(db, {
      actorId: admin.id,
      userId: params.userId,
      active: intent === "reactivate",
    });
    if (!changed.ok && changed.error === "not-found") throw data(null, { status: 404 });
    if (!changed.ok) {
      const message =
        changed.error === "self"
          ? "admin:errors.deactivateSelf"
          : "admin:errors.deactivateLastAdmin";
      return data(
        {
          result: submission.reply({ fieldErrors: { intent: [message] } }),
          saved: false,
          issued: null,
          access: null,
        },
        { status: 400 },
      );
    }
    return { result: undefined, saved: false, issued: null, access: intent };
  }
  const outcome = await changeRoles(db, {
    actorId: admin.id,
    userId: params.userId,
    roles: submission.value.roles,
  });
  if (!outcome.ok) {
    if (outcome.error === "not-found" || outcome.error === "erased")
      throw data(null, { status: 404 });
    const message =
      outcome.error === "self-demotion" ? "admin:errors.selfDemotion" : "admin:errors.lastAdmin";
    return data(
      {
        result: submission.reply({ fieldErrors: { roles: [message] } }),
        saved: false,
        issued: null,
        access: null,
      },
      { status: 400 },
    );
  }
  return { result: submission.reply(), saved: true, issued: null, access: null };
}

export default function AdminUserPage({ loaderData, actionData }: Route.ComponentProps) {
  const { user, isSelf } = loaderData;
  const { t } = useTranslation("admin");
  const title = usePageTitle(t("user.title", { name: user.displayName }));
  const form = formState(actionData?.saved ? undefined : actionData?.result, t);
  const rolesError = form.error("roles");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-8">
      <title>{title}</title>
      <Breadcrumbs
        items={[
          { label: t("users.title"), href: href("/admin") },
          { label: user.displayName, href: href("/admin/users/:userId", { userId: user.id }) },
        ]}
      />
      <h1 className="text-3xl font-bold">{user.displayName}</h1>
      <p className="text-ink-muted">{user.email}</p>
      <Card title={t("user.rolesHeading")}>
        {actionData?.saved ? (
          <Alert tone="success" title={t("user.saved")} className="mb-4" />
        ) : null}
        {rolesError ? (
          <ErrorSummary
            title={t("errors.summaryTitle")}
            errors={[{ fieldId: "role-trainee", message: rolesError }]}
          />
        ) : null}
        <AppForm method="post" className="flex flex-col gap-4">
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 font-semibold">{t("user.rolesLegend")}</legend>
            {isSelf ? <p className="text-sm text-ink-muted">{t("user.selfNote")}</p> : null}
            {userRoles.map((role) => (
              <Checkbox
                key={role}
                id={`role-${role}`}
                name="roles"
                value={role}
                defaultChecked={user.roles.includes(role)}
                description={t(`roleHelp.${role}`)}
              >
                {t(`roles.${role}`)}
              </Checkbox>
            ))}
          </fieldset>
          <div>
            <Button type="submit">{t("user.save")}</Button>
          </div>
        </AppForm>
      </Card>
      <AccountAccessCard
        deactivatedAt={user.deactivatedAt}
        isSelf={isSelf}
        changed={actionData?.access ?? null}
        error={form.error("intent")}
      />
      {isSelf || user.deactivatedAt ? null : (
        <RecoveryCodeCard
          name={user.displayName}
          state={{ kind: "allowed", issued: actionData?.issued ?? null }}
        />
      )}
      <Card title={t("erase.heading")}>
        <p className="mb-4">{t("erase.intro")}</p>
        <LinkButton
          as={AppLink}
          to={href("/admin/users/:userId/erase", { userId: user.id })}
          variant="danger"
        >
          {t("erase.start")}
        </LinkButton>
      </Card>
    </div>
  );
}
