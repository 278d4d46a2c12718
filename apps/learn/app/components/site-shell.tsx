import { Button, buttonClassName } from "@peacelearn/ui";
import { Form, useLocation } from "react-router";
import { AppLink } from "~/components/app-link";
import { supportedLocales } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n-react";
import { MainNav } from "./main-nav";

/** Native names, so a reader can find their language whatever the page is in. */
const localeNames: Record<string, string> = { en: "English", fr: "Français" };

export type ShellUser = { displayName: string; roles: string[] };

/**
 * Where "Leave this site quickly" goes: an everyday site that says nothing about the person
 * visiting it. `rel="noreferrer"` keeps this site's address out of its logs.
 */
export const QUICK_EXIT_URL = "https://www.bbc.com/weather";

export function SiteShell({
  locale,
  user,
  discreet = false,
  children,
}: {
  locale: string;
  user: ShellUser | null;
  /** Discreet mode: a neutral name instead of the site's (see app/lib/page-title.ts). */
  discreet?: boolean;
  children: React.ReactNode;
}) {
  const { t } = useTranslation(["common", "auth", "safety"]);
  const location = useLocation();
  const here = location.pathname + location.search;

  return (
    <>
      <a href="#main" className="skip-link">
        {t("nav.skipToContent")}
      </a>
      <header className="border-b border-border bg-surface">
        <div className="bg-surface-muted">
          <div className="mx-auto flex max-w-5xl justify-end px-4 py-1">
            <a
              href={QUICK_EXIT_URL}
              rel="noreferrer"
              title={t("safety:quickExit.description")}
              className={buttonClassName("danger", "sm")}
            >
              {t("safety:quickExit.label")}
            </a>
          </div>
        </div>
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <AppLink to="/" className="text-xl font-bold text-primary">
            {discreet ? t("safety:discreet.neutralName") : t("app.name")}
          </AppLink>
          <nav aria-label={t("nav.account")} className="flex flex-wrap items-center gap-3">
            {user ? (
              <>
                <span className="text-sm">
                  {t("auth:nav.signedInAs", { name: user.displayName })}
                </span>
                <AppLink to="/account/security" className="text-sm underline">
                  {t("auth:nav.account")}
                </AppLink>
                <Form method="post" action="/logout">
                  <Button type="submit" variant="secondary" size="sm">
                    {t("auth:nav.logout")}
                  </Button>
                </Form>
              </>
            ) : (
              <>
                <AppLink to="/login" className="text-sm font-semibold underline">
                  {t("auth:nav.login")}
                </AppLink>
                <AppLink to="/signup" className="text-sm font-semibold underline">
                  {t("auth:nav.signup")}
                </AppLink>
              </>
            )}
          </nav>
          <Form method="post" action="/locale">
            <input type="hidden" name="redirectTo" value={here} />
            <fieldset className="flex items-center gap-2">
              <legend className="float-start me-2 text-sm">{t("nav.language")}</legend>
              {supportedLocales.map((code) => (
                <button
                  key={code}
                  type="submit"
                  name="locale"
                  value={code}
                  lang={code}
                  aria-pressed={code === locale}
                  className="focus-ring rounded px-2 py-1 text-sm underline aria-pressed:font-bold aria-pressed:no-underline"
                >
                  {localeNames[code] ?? code}
                </button>
              ))}
            </fieldset>
          </Form>
          <Form method="post" action="/preferences/discreet">
            <input type="hidden" name="redirectTo" value={here} />
            <input type="hidden" name="discreet" value={discreet ? "off" : "on"} />
            <button
              type="submit"
              title={t("safety:discreet.description")}
              className="focus-ring rounded px-2 py-1 text-sm underline"
            >
              {discreet ? t("safety:discreet.turnOff") : t("safety:discreet.turnOn")}
            </button>
          </Form>
        </div>
        <MainNav roles={user?.roles ?? null} />
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
