import { Alert, Button, Card, ErrorSummary, Select, TextField } from "@peacelearn/ui";
import { data } from "react-router";
import { AppForm } from "~/components/app-form";
import { getDb } from "~/lib/db.server";
import { parseForm } from "~/lib/form.server";
import { formState } from "~/lib/forms";
import { assertSameOrigin } from "~/lib/http.server";
import { supportedLocales } from "~/lib/i18n";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { localeNames } from "~/lib/locale";
import { localeCookie } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { AboutYouFields } from "~/modules/auth/components/about-you-fields";
import { requireUser } from "~/modules/auth/guards.server";
import { loadProfile, updateProfile } from "~/modules/auth/profile.server";
import { ProfileSchema } from "~/modules/auth/schema";
import type { Route } from "./+types/profile";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const profile = await loadProfile(await getDb(), user.id);
  return { profile };
}

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const submission = await parseForm({ request, context }, ProfileSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply(), saved: false }, { status: 400 });
  }
  await updateProfile(await getDb(), { userId: user.id, input: submission.value });
  // Her language is also this browser's, from this page on.
  return data(
    { result: submission.reply({ resetForm: true }), saved: true },
    {
      headers: {
        "Set-Cookie": await localeCookie.serialize(submission.value.preferredLocale),
      },
    },
  );
}

const FIELDS = [
  "displayName",
  "preferredLocale",
  "gender",
  "birthYear",
  "locationCode",
  "organisation",
];

export default function ProfilePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation(["auth", "common"]);
  const pageTitle = usePageTitle(t("auth:profile.title"));
  const { profile } = loaderData;
  const failed = actionData && !actionData.saved ? actionData.result : undefined;
  const form = formState(failed, t);
  const summary = form.summary(FIELDS, "profile", (name) => t(runtimeKey(`auth:fields.${name}`)));
  // After a failed save, what she typed; otherwise what is saved.
  const value = (name: keyof typeof profile) =>
    failed ? form.value(name) : String(profile[name] ?? "");

  return (
    <div className="mx-auto max-w-xl">
      <title>{pageTitle}</title>
      <h1 className="mb-2 text-3xl font-bold">{t("auth:profile.title")}</h1>
      <p className="mb-6">{t("auth:profile.intro")}</p>
      {actionData?.saved ? (
        <Alert tone="success" title={t("auth:profile.saved")} className="mb-6" />
      ) : null}
      <Card>
        <AppForm method="post" noValidate className="flex flex-col gap-4">
          {summary.length > 0 ? (
            <ErrorSummary title={t("auth:errors.summaryTitle")} errors={summary} />
          ) : null}
          <TextField
            id="profile-displayName"
            name="displayName"
            autoComplete="name"
            label={t("auth:fields.displayName")}
            description={t("auth:signup.displayNameHelp")}
            defaultValue={value("displayName")}
            error={form.error("displayName")}
            isRequired
          />
          <Select
            id="profile-preferredLocale"
            name="preferredLocale"
            label={t("auth:fields.preferredLocale")}
            options={supportedLocales.map((code) => ({
              value: code,
              label: localeNames[code] ?? code,
            }))}
            defaultValue={value("preferredLocale")}
            error={form.error("preferredLocale")}
          />
          <AboutYouFields
            form="profile"
            locale={profile.preferredLocale}
            values={{
              gender: value("gender"),
              birthYear: value("birthYear"),
              locationCode: value("locationCode"),
              organisation: value("organisation"),
            }}
            errors={form.error}
          />
          <Button type="submit">{t("auth:profile.submit")}</Button>
        </AppForm>
      </Card>
    </div>
  );
}
