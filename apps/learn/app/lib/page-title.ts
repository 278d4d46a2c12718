import { useRouteLoaderData } from "react-router";
import { useTranslation } from "~/lib/i18n-react";

/** What the root loader tells every page about discreet mode (see app/root.tsx). */
type RootDiscretion = { discreet?: boolean } | undefined;

/** Whether the visitor turned discreet mode on (POST /preferences/discreet). */
export function useDiscreetMode(): boolean {
  return (useRouteLoaderData("root") as RootDiscretion)?.discreet === true;
}

/**
 * The `<title>` for a page: `title` normally, a neutral word in discreet mode, so a browser tab
 * or task switcher seen over someone's shoulder says nothing about the site.
 *
 * `const title = usePageTitle(t("courses:catalogue.title"));` then `<title>{title}</title>`.
 */
export function usePageTitle(title: string): string {
  const discreet = useDiscreetMode();
  const { t } = useTranslation("safety");
  return discreet ? t("discreet.neutralTitle") : title;
}
