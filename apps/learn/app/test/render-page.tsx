// Server-renders route components as a browser without JavaScript receives them: inside a router
// (links, forms) and the i18n provider, from loader-shaped data.
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { createI18n } from "~/lib/i18n";
import { I18nProvider } from "~/lib/i18n-react";

/** The HTML of `element` rendered at `path` (default "/page") in `locale` (default "en"). */
export function renderPage(element: ReactNode, locale = "en", path = "/page"): string {
  const Stub = createRoutesStub([{ path: "*", Component: () => element }]);
  return renderToString(
    <I18nProvider i18n={createI18n(locale)}>
      <Stub initialEntries={[path]} />
    </I18nProvider>,
  );
}

/**
 * A route component given loader-shaped props. Route components are typed for their own loader;
 * a test hands them that loader's real data, or data of the same shape.
 */
export function routePage<P>(
  Component: (props: P) => ReactNode,
  loaderData: unknown,
  actionData?: unknown,
  params: Record<string, string> = {},
): ReactNode {
  const props = { loaderData, actionData, params, matches: [] } as unknown as P;
  return <Component {...(props as P & object)} />;
}
