import { createContext, useCallback, useContext } from "react";
import { useTranslation } from "~/lib/i18n-react";
import { neutralUrl } from "~/lib/neutral-url";

/**
 * Whether the visitor turned discreet mode on (POST /preferences/discreet). The root layout
 * provides it once for every page, from its loader's data or, on a page without them (an
 * action's error page, an outage), from what the server read in the request's cookies.
 */
export const DiscreetModeContext = createContext(false);

export function useDiscreetMode(): boolean {
  return useContext(DiscreetModeContext);
}

/**
 * Makes addresses of this site neutral in discreet mode (`/n/<token>`, lib/neutral-url.ts) and
 * leaves them as they are otherwise. `AppLink`, `AppNavLink` and `AppForm` use it, so a link or a
 * form written with them never shows a course's words in the address bar.
 */
export function useNeutralUrl(): (to: string) => string {
  const discreet = useDiscreetMode();
  return useCallback((to: string) => (discreet ? neutralUrl(to) : to), [discreet]);
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
