import { Button } from "@peacelearn/ui";
import { href, useLocation } from "react-router";
import { AppForm } from "~/components/app-form";
import { AppLink } from "~/components/app-link";
import { supportedLocales } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n-react";
import { localeNames } from "~/lib/locale";
import { MainNav } from "./main-nav";
import { QuickExit } from "./quick-exit";

export type ShellUser = { displayName: string; roles: string[] };

export function SiteShell({
  locale,
  user,
  discreet = false,
  quickExit,
  children,
}: {
  locale: string;
  user: ShellUser | null;
  /** Where quick exit goes (QUICK_EXIT_URL, from the root loader). */
  quickExit: string;
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
      <QuickExit destination={quickExit} discreet={discreet} />
      <header className="relative border-b border-border bg-surface">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-2 sm:flex-wrap sm:py-3">
          <AppLink to={href("/")} className="text-lg font-bold text-primary sm:text-xl">
            {discreet ? t("safety:discreet.neutralName") : t("app.name")}
          </AppLink>
          {/*
            On a phone the account, language and discreet-mode controls fold behind a native
            <details> menu (no JavaScript needed), so a lesson's first lines fit on the first
            screen; from the `sm` width up the menu is always open and its summary hidden
            (app.css, .site-menu).
          */}
          <details className="site-menu">
            <summary className="focus-ring cursor-pointer rounded border border-border px-3 py-1 text-sm font-semibold">
              {t("nav.menu")}
            </summary>
            <div className="absolute inset-x-0 top-full z-40 flex flex-col gap-3 border-b border-border bg-surface px-4 py-3 shadow-md sm:static sm:flex-row sm:flex-wrap sm:items-center sm:gap-4 sm:border-0 sm:p-0 sm:shadow-none">
              <nav aria-label={t("nav.account")} className="flex flex-wrap items-center gap-3">
                {user ? (
                  <>
                    <span className="text-sm">
                      {t("auth:nav.signedInAs", { name: user.displayName })}
                    </span>
                    <AppLink to={href("/account/profile")} className="text-sm underline">
                      {t("auth:nav.profile")}
                    </AppLink>
                    <AppLink to={href("/account/security")} className="text-sm underline">
                      {t("auth:nav.account")}
                    </AppLink>
                    <AppForm method="post" action={href("/logout")}>
                      <Button type="submit" variant="secondary" size="sm">
                        {t("auth:nav.logout")}
                      </Button>
                    </AppForm>
                  </>
                ) : (
                  <>
                    <AppLink to={href("/login")} className="text-sm font-semibold underline">
                      {t("auth:nav.login")}
                    </AppLink>
                    <AppLink to={href("/signup")} className="text-sm font-semibold underline">
                      {t("auth:nav.signup")}
                    </AppLink>
                  </>
                )}
              </nav>
              <AppForm method="post" action={href("/locale")}>
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
              </AppForm>
              <AppForm method="post" action={href("/preferences/discreet")}>
                <input type="hidden" name="redirectTo" value={here} />
                <input type="hidden" name="discreet" value={discreet ? "off" : "on"} />
                <button
                  type="submit"
                  title={discreet ? undefined : t("safety:discreet.description")}
                  className="focus-ring rounded px-2 py-1 text-sm underline"
                >
                  {discreet ? t("safety:discreet.neutralTurnOff") : t("safety:discreet.turnOn")}
                </button>
              </AppForm>
            </div>
          </details>
        </div>
        <MainNav roles={user?.roles ?? null} />
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-4 sm:py-8">
        {children}
      </main>
    </>
  );
}
