import { UiProvider } from "@peacelearn/ui";
import { useMemo } from "react";
import {
  data,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import { ClientRouterContext } from "./components/app-link";
import { GeneralErrorBoundary } from "./components/general-error-boundary";
import { SiteShell } from "./components/site-shell";
import { isDiscreet } from "./lib/discreet.server";
import { createI18n, defaultLocale } from "./lib/i18n";
import { I18nProvider } from "./lib/i18n-react";
import { getLocale } from "./lib/locale.server";
import { readSessionToken, sessionCookie } from "./modules/auth/cookie.server";
import { getSession } from "./modules/auth/guards.server";
import "./app.css";

export async function loader({ request }: Route.LoaderArgs) {
  const [locale, session, discreet] = await Promise.all([
    getLocale(request),
    getSession(request),
    isDiscreet(request),
  ]);
  const user = session
    ? { displayName: session.user.displayName, roles: session.user.roles }
    : null;
  // A session renewed by this request needs its cookie's expiry pushed out too.
  const headers: HeadersInit = session?.session.renewed
    ? {
        "Set-Cookie": sessionCookie(
          request,
          readSessionToken(request) ?? "",
          session.session.expiresAt,
        ),
      }
    : {};
  return data({ locale, user, discreet }, { headers });
}

/** A route that needs the client runtime says so with `handle = { hydrate: true }`. */
export type RouteHandle = { hydrate?: boolean };

/**
 * Registers the service worker that keeps opened lessons readable offline (public/sw.js). Inline
 * and tiny, so pages stay free of the React runtime; it waits for `load` and an idle moment so it
 * never competes with the first visit's HTML and CSS on a slow link.
 */
const registerServiceWorker = `if("serviceWorker"in navigator)addEventListener("load",function(){var r=function(){navigator.serviceWorker.register("/sw.js")};"requestIdleCallback"in window?requestIdleCallback(r):setTimeout(r,1)})`;

function useShipsJavaScript() {
  return useMatches().some((match) => (match.handle as RouteHandle | undefined)?.hydrate === true);
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? defaultLocale;
  const i18n = useMemo(() => createI18n(locale), [locale]);
  const shipsJavaScript = useShipsJavaScript();

  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.ico" sizes="16x16" />
        <Meta />
        <Links />
      </head>
      <body>
        <ClientRouterContext.Provider value={shipsJavaScript}>
          <I18nProvider i18n={i18n}>
            <UiProvider locale={locale === "fr" ? "fr" : "en"}>
              <SiteShell
                locale={locale}
                user={data?.user ?? null}
                discreet={data?.discreet ?? false}
              >
                {children}
              </SiteShell>
            </UiProvider>
          </I18nProvider>
        </ClientRouterContext.Provider>
        {shipsJavaScript ? (
          <>
            <ScrollRestoration />
            <Scripts />
          </>
        ) : null}
        <script dangerouslySetInnerHTML={{ __html: registerServiceWorker }} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
