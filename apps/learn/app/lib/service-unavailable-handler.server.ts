import { type AppLoadContext, createRequestHandler, type ServerBuild } from "react-router";
import { isDiscreet } from "./discreet.server";
import { withDiscreetUrls } from "./discreet-urls.server";
import { createI18n } from "./i18n";
import { getLocale } from "./locale.server";
import { applyResponseHeaders, createNonce } from "./response-headers.server";
import { onSitePath, RETRY_AFTER_SECONDS } from "./service-unavailable";
import { wasDatabaseUnavailable } from "./service-unavailable.server";

export type AppRequestHandler = (request: Request, context?: AppLoadContext) => Promise<Response>;

/**
 * The app's request handler — React Router's, wrapped by `withDiscreetUrls` (discreet mode's
 * neutral addresses) and `withServiceUnavailable`. server.js
 * (through the build's entry module) and the tests' app handler both make theirs here, so what
 * the tests see is what production answers.
 */
export function createAppRequestHandler(build: ServerBuild, mode?: string): AppRequestHandler {
  return withServiceUnavailable(withDiscreetUrls(createRequestHandler(build, mode)));
}

/**
 * Makes every request that failed because the database was out of reach answer 503 with
 * `Retry-After`. Pages and `.data` answers already do (entry.server.tsx); resource routes — CSV
 * and JSON exports, sign-out, redirects — are answered by React Router alone, which turns any
 * error there into its plain "Unexpected Server Error" 500. React Router gives no hook to change
 * that answer (`handleError` only observes; middleware would change every route's context), but
 * `handleError` has marked the load context, so the answer is replaced on its way out.
 */
function withServiceUnavailable(handler: AppRequestHandler): AppRequestHandler {
  return async (request, context = {}) => {
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (error) {
      if (!wasDatabaseUnavailable(context)) throw error;
      return serviceUnavailableResponse(request);
    }
    if (response.status < 500 || response.status === 503 || !wasDatabaseUnavailable(context)) {
      return response;
    }
    await response.body?.cancel();
    return serviceUnavailableResponse(request);
  };
}

/**
 * A resource route's 503: short text in the reader's language — an HTML page (no script, no
 * style sheet: nothing to load from a server in trouble) for a browser that asked for one.
 * Nothing is offered to send again: these routes take no typed text worth keeping.
 */
async function serviceUnavailableResponse(request: Request): Promise<Response> {
  const [locale, discreet] = await Promise.all([getLocale(request), isDiscreet(request)]);
  const { t } = createI18n(locale);
  const mutation = request.method !== "GET" && request.method !== "HEAD";
  const title = t("errors.unavailable.title");
  const lines = [
    title,
    t("errors.unavailable.body"),
    ...(mutation
      ? [`${t("errors.unavailable.notSaved")} ${t("errors.unavailable.noFields")}`]
      : []),
  ];
  const html = /\btext\/html\b/i.test(request.headers.get("Accept") ?? "");
  const url = new URL(request.url);
  const body = html
    ? page({
        locale,
        title: discreet ? t("safety:discreet.neutralTitle") : title,
        status: t("errors.status", { status: 503 }),
        lines,
        retry: mutation
          ? undefined
          : {
              href: onSitePath(`${url.pathname}${url.search}`),
              label: t("errors.unavailable.retry"),
            },
        home: t("errors.backHome"),
      })
    : `${lines.join("\n\n")}\n`;
  const nonce = html ? createNonce() : undefined;
  const headers = new Headers({
    "Content-Type": html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(body)),
    "Retry-After": String(RETRY_AFTER_SECONDS),
  });
  // A 503 is never cached, whoever asked: the session only matters to answers that could be.
  applyResponseHeaders(headers, { request, status: 503, signedIn: false, nonce });
  return new Response(request.method === "HEAD" ? null : body, {
    status: 503,
    statusText: "Service Unavailable",
    headers,
  });
}

type Page = {
  locale: string;
  title: string;
  status: string;
  lines: string[];
  retry: { href: string; label: string } | undefined;
  home: string;
};

function page({ locale, title, status, lines, retry, home }: Page): string {
  const [heading = "", ...paragraphs] = lines;
  return [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(locale)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    "<body><main>",
    `<p>${escapeHtml(status)}</p>`,
    `<h1>${escapeHtml(heading)}</h1>`,
    ...paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`),
    retry ? `<p><a href="${escapeHtml(retry.href)}">${escapeHtml(retry.label)}</a></p>` : "",
    `<p><a href="/">${escapeHtml(home)}</a></p>`,
    "</main></body></html>",
    "",
  ].join("\n");
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
