import { href, isRouteErrorResponse, useLocation, useRouteError } from "react-router";
import { AppLink } from "~/components/app-link";
import { ServiceUnavailablePage } from "~/components/service-unavailable-page";
import type { FormRejection } from "~/lib/form.server";
import type { Translate } from "~/lib/i18n-keys";
import { useTranslation } from "~/lib/i18n-react";
import { usePageTitle } from "~/lib/page-title";
import { onSitePath, readServiceUnavailable } from "~/lib/service-unavailable";
import { retryAfterText } from "~/modules/auth/retry-after";

/**
 * The one error page of the app. Each status a person can meet gets its own words — 400, 413
 * and 415 for a form the server refused to read (naming the field or the limit), 403, 404, 429
 * (with the wait), 503 (the database is out of reach: see ServiceUnavailablePage) — and
 * anything else is an unexpected error, whose details stay in the server log (entry.server's
 * `handleError`), never on the page.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const outage = readServiceUnavailable(error);
  if (outage) return <ServiceUnavailablePage data={outage} />;
  return <StatusPage error={error} />;
}

function StatusPage({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation(["common", "auth"]);
  const location = useLocation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const data: unknown = isRouteErrorResponse(error) ? error.data : undefined;
  const { title, body, backToPage } = describeStatus(t, i18n.language, status, data, {
    path: location.pathname,
  });
  const pageTitle = usePageTitle(title);

  return (
    <section aria-labelledby="error-title" className="mx-auto max-w-2xl py-12">
      <title>{pageTitle}</title>
      <p className="text-sm font-semibold text-muted">{t("errors.status", { status })}</p>
      <h1 id="error-title" className="mt-2 text-3xl font-bold">
        {title}
      </h1>
      <p className="mt-4 text-lg">{body}</p>
      {backToPage ? (
        <p className="mt-8">
          {/* A plain link: the page is loaded afresh, its form empty of the refused body. */}
          <a
            href={onSitePath(`${location.pathname}${location.search}`)}
            className="font-semibold text-primary underline"
          >
            {t("errors.rejected.backToPage")}
          </a>
        </p>
      ) : null}
      <p className="mt-8">
        <AppLink to={href("/")} className="font-semibold text-primary underline">
          {t("errors.backHome")}
        </AppLink>
      </p>
    </section>
  );
}

type StatusText = { title: string; body: string; backToPage?: boolean };

function describeStatus(
  t: Translate<readonly ["common", "auth"]>,
  locale: string,
  status: number,
  data: unknown,
  { path }: { path: string },
): StatusText {
  const rejection = formRejectionOf(data);
  switch (status) {
    case 400:
      if (rejection?.reason === "field-name") {
        return {
          title: t("errors.rejected.title"),
          body: t("errors.rejected.fieldName", { field: rejection.field }),
          backToPage: true,
        };
      }
      return {
        title: rejection ? t("errors.rejected.title") : t("errors.badRequest.title"),
        body: rejection ? t("errors.rejected.malformedBody") : t("errors.badRequest.body"),
        backToPage: true,
      };
    case 403:
      return { title: t("errors.forbiddenTitle"), body: t("errors.forbiddenBody") };
    case 404:
      return { title: t("errors.notFoundTitle"), body: t("errors.notFoundBody", { path }) };
    case 413:
      return {
        title: t("errors.tooLarge.title"),
        body:
          rejection?.reason === "body-too-large"
            ? t("errors.tooLarge.bodyTooLarge", { size: formatBytes(rejection.maxBytes, locale) })
            : rejection?.reason === "too-many-fields"
              ? t("errors.tooLarge.tooManyFields", { count: rejection.maxFields })
              : t("errors.tooLarge.body"),
        backToPage: true,
      };
    case 415:
      return {
        title: t("errors.unsupported.title"),
        body: t("errors.unsupported.body"),
        backToPage: true,
      };
    case 429: {
      const wait = retryAfterOf(data);
      return {
        title: t("errors.tooManyRequests.title"),
        body: wait === undefined ? t("errors.tooManyRequests.body") : retryAfterText(t, wait),
      };
    }
    case 503:
      return { title: t("errors.unavailable.title"), body: t("errors.unavailable.body") };
    default:
      return { title: t("errors.unexpectedTitle"), body: t("errors.unexpectedBody") };
  }
}

/** The form parser's refusal (form.server.ts), read defensively: it crossed the network. */
function formRejectionOf(data: unknown): FormRejection | undefined {
  if (typeof data !== "object" || data === null || !("formRejection" in data)) return undefined;
  const rejection = (data as { formRejection: unknown }).formRejection as Partial<FormRejection>;
  switch (rejection?.reason) {
    case "field-name":
      return typeof rejection.field === "string" ? (rejection as FormRejection) : undefined;
    case "body-too-large":
      return typeof rejection.maxBytes === "number" ? (rejection as FormRejection) : undefined;
    case "too-many-fields":
      return typeof rejection.maxFields === "number" ? (rejection as FormRejection) : undefined;
    case "unsupported-media-type":
    case "malformed-body":
      return rejection as FormRejection;
    default:
      return undefined;
  }
}

/** `retryAfterSeconds` of a thrown 429's data, as the throttled routes send it. */
function retryAfterOf(data: unknown): number | undefined {
  const seconds = (data as { retryAfterSeconds?: unknown } | null | undefined)?.retryAfterSeconds;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0
    ? seconds
    : undefined;
}

/** "64 kB", "64 ko", "2 MB": the limit in the reader's units (binary multiples, as read). */
function formatBytes(bytes: number, locale: string) {
  const mega = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: mega ? "megabyte" : "kilobyte",
    maximumFractionDigits: 1,
  }).format(bytes / (mega ? 1024 * 1024 : 1024));
}
