import { Button, Card, ErrorSummary, TextField } from "@peacelearn/ui";
import { data, href, useRouteLoaderData, useSearchParams } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink, withSearch } from "~/components/app-link";
import { getDb } from "~/lib/db.server";
import { parseForm } from "~/lib/form.server";
import { formState } from "~/lib/forms";
import { assertSameOrigin } from "~/lib/http.server";
import { runtimeKey } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { signUp } from "~/modules/auth/auth.server";
import { AboutYouFields } from "~/modules/auth/components/about-you-fields";
import { NewPasswordFields } from "~/modules/auth/components/new-password-fields";
import { readDeviceTokens, redirectSignedIn } from "~/modules/auth/cookie.server";
import { requireAnonymous } from "~/modules/auth/guards.server";
import { SignupSchema } from "~/modules/auth/schema";
import type { loader as rootLoader } from "~/root";
import type { Route } from "./+types/signup";

export async function loader({ request }: Route.LoaderArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const submission = await parseForm({ request, context }, SignupSchema);
  const hidden = { hideFields: ["password", "confirmPassword"] };
  if (submission.status !== "success") {
    return data({ result: submission.reply(hidden) }, { status: 400 });
  }
  const { confirmPassword: _confirm, redirectTo, ...profile } = submission.value;
  const db = await getDb();
  const outcome = await signUp(db, {
    ...profile,
    preferredLocale: await getLocale(request),
    userAgent: request.headers.get("User-Agent"),
    deviceTokens: readDeviceTokens(request),
  });
  if (!outcome.ok) {
    return data(
      {
        result: submission.reply({ ...hidden, fieldErrors: { email: ["auth:errors.emailTaken"] } }),
      },
      { status: 409 },
    );
  }
  return redirectSignedIn(request, redirectTo, outcome);
}

const FIELDS = ["email", "displayName", "password", "confirmPassword", "birthYear", "organisation"];

export default function SignupPage({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation(["auth", "common"]);
  const pageTitle = usePageTitle(t("auth:signup.title"));
  const locale = useRouteLoaderData<typeof rootLoader>("root")?.locale ?? "en";
  const [searchParams] = useSearchParams();
  const form = formState(actionData?.result, t);
  const summary = form.summary([...FIELDS, "gender", "locationCode"], "signup", (name) =>
    t(runtimeKey(`auth:fields.${name}`)),
  );

  return (
    <div className="mx-auto max-w-xl">
      <title>{pageTitle}</title>
      <h1 className="mb-2 text-3xl font-bold">{t("auth:signup.title")}</h1>
      <p className="mb-6">{t("auth:signup.intro")}</p>
      <Card>
        <AppForm method="post" noValidate className="flex flex-col gap-4">
          {summary.length > 0 ? (
            <ErrorSummary title={t("auth:errors.summaryTitle")} errors={summary} />
          ) : null}
          <input
            type="hidden"
            name="redirectTo"
            value={searchParams.get("redirectTo") ?? href("/learning")}
          />
          <TextField
            id="signup-email"
            name="email"
            type="email"
            autoComplete="email"
            label={t("auth:fields.email")}
            defaultValue={form.value("email")}
            error={form.error("email")}
            isRequired
          />
          <TextField
            id="signup-displayName"
            name="displayName"
            autoComplete="name"
            label={t("auth:fields.displayName")}
            description={t("auth:signup.displayNameHelp")}
            defaultValue={form.value("displayName")}
            error={form.error("displayName")}
            isRequired
          />
          <NewPasswordFields
            form="signup"
            name="password"
            errors={{
              password: form.error("password"),
              confirmPassword: form.error("confirmPassword"),
            }}
          />
          <AboutYouFields
            form="signup"
            locale={locale}
            values={{
              gender: form.value("gender"),
              birthYear: form.value("birthYear"),
              locationCode: form.value("locationCode"),
              organisation: form.value("organisation"),
            }}
            errors={form.error}
          />
          <Button type="submit">{t("auth:signup.submit")}</Button>
        </AppForm>
      </Card>
      <p className="mt-6">
        {t("auth:signup.haveAccount")}{" "}
        <AppLink
          to={withSearch(href("/login"), searchParams)}
          className="font-semibold text-primary underline"
        >
          {t("auth:signup.loginLink")}
        </AppLink>
      </p>
    </div>
  );
}
