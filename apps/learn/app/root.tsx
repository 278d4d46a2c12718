import { defaultLocale } from "@peacelearn/domain";
import { UiProvider } from "@peacelearn/ui";
import { useMemo } from "react";
import {
  data,
  href,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import { z } from "zod";
import type { Route } from "./+types/root";
import { ClientRouterContext } from "./components/app-link";
import { GeneralErrorBoundary } from "./components/general-error-boundary";
import { quickExitScript } from "./components/quick-exit";
import { SiteShell } from "./components/site-shell";
import { isDiscreet } from "./lib/discreet.server";
import { useDocumentContext } from "./lib/document-context";
import { createI18n } from "./lib/i18n";
import { I18nProvider } from "./lib/i18n-react";
import { getLocale } from "./lib/locale.server";
import { DiscreetModeContext } from "./lib/page-title";
import { readServiceUnavailable } from "./lib/service-unavailable";
import { readSessionToken, sessionCookie } from "./modules/auth/cookie.server";
import { getSession } from "./modules/auth/guards.server";
import { quickExitDestination } from "./modules/auth/quick-exit.server";
import "./app.css";

// The Content-Security-Policy (lib/response-headers.server.ts) allows no `eval`: zod would probe
// for it with `new Function` the first time a hydrated form validates, and the browser would
// report that probe as a violation. Without the probe zod validates the same, a little slower.
if (typeof document !== "undefined") z.config({ jitless: true });

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
  return data({ locale, user, discreet, quickExit: quickExitDestination() }, { headers });
}

/** A route that needs the client runtime says so with `handle = { hydrate: true }`. */
export type RouteHandle = { hydrate?: boolean };

/**
 * Registers the service worker that keeps opened lessons readable offline (public/sw.js). Inline
 * and tiny, so pages stay free of the React runtime; it waits for `load` and an idle moment so it
 * never competes with the first visit's HTML and CSS on a slow link. It carries the response's
 * Content-Security-Policy nonce, which the browser renders without (it hides nonces from the DOM).
 */
const registerServiceWorker = `if("serviceWorker"in navigator)addEventListener("load",function(){var r=function(){navigator.serviceWorker.register("/sw.js")};"requestIdleCallback"in window?requestIdleCallback(r):setTimeout(r,1)})`;

function useShipsJavaScript() {
  return useMatches().some((match) => (match.handle as RouteHandle | undefined)?.hydrate === true);
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const server = useDocumentContext();
  const outage = readServiceUnavailable(useRouteError());
  // Without the root's data (its loader failed, or an action's error page skipped it) the page
  // still speaks the reader's language and keeps discreet mode: from the 503 answer, or from
  // what the server read in the request's cookies.
  const locale = data?.locale ?? outage?.locale ?? server.locale ?? defaultLocale;
  const discreet = data?.discreet ?? outage?.discreet ?? server.discreet ?? false;
  const i18n = useMemo(() => createI18n(locale), [locale]);
  // Error pages without the root's data never hydrate: their hydration data would not match
  // what the server rendered (the 503 page replaces an error the browser would be told about).
  const shipsJavaScript = useShipsJavaScript() && data !== undefined && !server.serviceUnavailable;

  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.ico" sizes="16x16" />
        {/* React Aria reads the nonce here for the <style> it adds on hydrated pages. */}
        <meta property="csp-nonce" nonce={server.nonce} suppressHydrationWarning />
        <Meta />
        <Links />
      </head>
      <body>
        <DiscreetModeContext.Provider value={discreet}>
          <ClientRouterContext.Provider value={shipsJavaScript}>
            <I18nProvider i18n={i18n}>
              <UiProvider locale={locale === "fr" ? "fr" : "en"}>
                <SiteShell
                  locale={locale}
                  user={data?.user ?? null}
                  discreet={discreet}
                  // GET /exit leaves for the same place when neither knows it.
                  quickExit={data?.quickExit ?? server.quickExit ?? href("/exit")}
                >
                  {children}
                </SiteShell>
              </UiProvider>
            </I18nProvider>
          </ClientRouterContext.Provider>
        </DiscreetModeContext.Provider>
        {shipsJavaScript ? (
          <>
            <ScrollRestoration nonce={server.nonce} />
            <Scripts nonce={server.nonce} />
          </>
        ) : null}
        <script
          nonce={server.nonce}
          suppressHydrationWarning
          dangerouslySetInnerHTML={{ __html: `${quickExitScript};${registerServiceWorker}` }}
        />
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
