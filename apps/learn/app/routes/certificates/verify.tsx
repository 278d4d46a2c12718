import { parseWithZod } from "@conform-to/zod/v4";
import { UiProvider } from "@peacelearn/ui";
import { data, redirect } from "react-router";
import { useTranslation } from "~/lib/i18n-react";
import { getLocale } from "~/lib/locale.server";
import { usePageTitle } from "~/lib/page-title";
import { VerifyCodeSchema } from "~/modules/certificates/schema";
import { verificationCodeCandidates } from "~/modules/certificates/verification-code.server";
import { VerifyForm } from "~/modules/certificates/verify-form";
import { uiLocale } from "~/modules/courses/ui-locale";
import type { Route } from "./+types/verify";

/**
 * Public, no login. The form is a GET: `/verify?code=…` sends the reader to `/verify/<CODE>`, a
 * clean address to bookmark or share.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const locale = await getLocale(request);
  const url = new URL(request.url);
  if (!url.searchParams.has("code")) return { locale, typed: "", error: undefined };
  const submission = parseWithZod(url.searchParams, { schema: VerifyCodeSchema });
  const typed = url.searchParams.get("code") ?? "";
  if (submission.status !== "success") {
    const error = submission.reply().error?.code?.[0] ?? "assessment:errors.codeInvalid";
    return data({ locale, typed, error }, { status: 400 });
  }
  const [canonical] = verificationCodeCandidates(submission.value.code);
  if (!canonical) {
    return data({ locale, typed, error: "assessment:errors.codeInvalid" }, { status: 400 });
  }
  throw redirect(`/verify/${encodeURIComponent(canonical)}`, 303);
}

export default function VerifyPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("assessment");
  const { locale, typed, error } = loaderData;
  const title = usePageTitle(t("verify.title"));
  return (
    <UiProvider locale={uiLocale(locale)}>
      <title>{title}</title>
      <div className="mx-auto flex max-w-xl flex-col gap-6">
        <h1 className="text-3xl font-bold">{t("verify.title")}</h1>
        <p>{t("verify.intro")}</p>
        <VerifyForm defaultValue={typed} error={error ? t(error) : undefined} />
      </div>
    </UiProvider>
  );
}
