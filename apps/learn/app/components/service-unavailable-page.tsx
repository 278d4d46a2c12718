import { Alert, Button, TextArea, TextField } from "@peacelearn/ui";
import { href, useLocation } from "react-router";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "~/lib/i18n-react";
import { useDiscreetMode } from "~/lib/page-title";
import { offeredFields, onSitePath, type ServiceUnavailableData } from "~/lib/service-unavailable";

/**
 * The page of a 503 answer: the database could not be reached. It says so plainly and never
 * claims more than is known — a form post whose action failed was not saved, and what was typed
 * is offered back in a plain form that sends it to the same address again (no JavaScript
 * needed). Passwords and codes were never kept, so they are asked for again.
 */
export function ServiceUnavailablePage({ data }: { data: ServiceUnavailableData }) {
  const { t } = useTranslation(["common", "safety"]);
  const location = useLocation();
  const discreet = useDiscreetMode() || data.discreet;
  const title = t("errors.unavailable.title");
  const here = onSitePath(`${location.pathname}${location.search}`);
  const form = data.lastAction === "not-saved" ? data.submittedForm : undefined;
  const fields = form ? offeredFields(form) : [];
  const shown = fields.filter((field) => field.as !== "hidden");

  return (
    <section aria-labelledby="error-title" className="mx-auto max-w-2xl py-12">
      <title>{discreet ? t("safety:discreet.neutralTitle") : title}</title>
      <p className="text-sm font-semibold text-muted">{t("errors.status", { status: 503 })}</p>
      <h1 id="error-title" className="mt-2 text-3xl font-bold">
        {title}
      </h1>
      <p className="mt-4 text-lg">{t("errors.unavailable.body")}</p>
      {data.lastAction === "not-saved" ? (
        <Alert tone="warning" title={t("errors.unavailable.notSaved")} className="mt-6">
          {fields.length > 0
            ? t("errors.unavailable.resendHelp")
            : t("errors.unavailable.noFields")}
        </Alert>
      ) : null}
      {data.lastAction === "unknown" ? (
        <p className="mt-4 text-lg">{t("errors.unavailable.unknown")}</p>
      ) : null}
      {form && fields.length > 0 ? (
        <form method="post" action={onSitePath(form.action)} className="mt-6 flex flex-col gap-4">
          {fields.map((field, index) =>
            field.as === "hidden" ? (
              <input key={field.name} type="hidden" name={field.name} value={field.value} />
            ) : field.as === "text" ? (
              <TextArea
                key={field.name}
                id={`resend-${index}`}
                name={field.name}
                label={field.label}
                defaultValue={field.value}
                rows={Math.min(12, Math.max(4, field.value.split("\n").length + 1))}
              />
            ) : (
              <TextField
                key={field.name}
                id={`resend-${index}`}
                name={field.name}
                label={field.label}
                defaultValue={field.value}
              />
            ),
          )}
          {shown.length === 0 ? <p>{t("errors.unavailable.nothingTyped")}</p> : null}
          <p className="text-sm text-ink-muted">{t("errors.unavailable.secretsNotKept")}</p>
          <div>
            <Button type="submit">{t("errors.unavailable.resend")}</Button>
          </div>
        </form>
      ) : (
        <p className="mt-8">
          {/* A plain link: trying again is a fresh page load, whatever the page shipped. */}
          <a
            href={data.submittedForm ? onSitePath(data.submittedForm.action) : here}
            className="font-semibold text-primary underline"
          >
            {data.lastAction === "none"
              ? t("errors.unavailable.retry")
              : t("errors.unavailable.back")}
          </a>
        </p>
      )}
      <p className="mt-8">
        <AppLink to={href("/")} className="font-semibold text-primary underline">
          {t("errors.backHome")}
        </AppLink>
      </p>
    </section>
  );
}
