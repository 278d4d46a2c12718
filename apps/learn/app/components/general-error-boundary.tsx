import { isRouteErrorResponse, useLocation, useRouteError } from "react-router";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "~/lib/i18n-react";
import { usePageTitle } from "~/lib/page-title";

/**
 * The one error page of the app. Known statuses (403, 404) get their own words; anything else
 * is an unexpected error whose details stay in the server log, never on the page.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const location = useLocation();

  const status = isRouteErrorResponse(error) ? error.status : 500;
  let title = t("errors.unexpectedTitle");
  let body = t("errors.unexpectedBody");
  if (status === 404) {
    title = t("errors.notFoundTitle");
    body = t("errors.notFoundBody", { path: location.pathname });
  } else if (status === 403) {
    title = t("errors.forbiddenTitle");
    body = t("errors.forbiddenBody");
  }
  const pageTitle = usePageTitle(title);
  if (!isRouteErrorResponse(error) && typeof document === "undefined") {
    console.error(error);
  }

  return (
    <section aria-labelledby="error-title" className="mx-auto max-w-2xl py-12">
      <title>{pageTitle}</title>
      <p className="text-sm font-semibold text-muted">{t("errors.status", { status })}</p>
      <h1 id="error-title" className="mt-2 text-3xl font-bold">
        {title}
      </h1>
      <p className="mt-4 text-lg">{body}</p>
      <p className="mt-8">
        <AppLink to="/" className="font-semibold text-primary underline">
          {t("errors.backHome")}
        </AppLink>
      </p>
    </section>
  );
}
