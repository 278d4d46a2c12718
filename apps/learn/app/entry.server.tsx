import { PassThrough } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import type {
  AppLoadContext,
  EntryContext,
  HandleDataRequestFunction,
  HandleErrorFunction,
} from "react-router";
import { ServerRouter } from "react-router";
import { isDatabaseUnavailable } from "./lib/database-unavailable.server";
import { isDiscreet } from "./lib/discreet.server";
import { DocumentContext, type DocumentContextValue } from "./lib/document-context";
import { env } from "./lib/env.server";
import { getLocale } from "./lib/locale.server";
import { applyResponseHeaders, createNonce } from "./lib/response-headers.server";
import { RETRY_AFTER_SECONDS } from "./lib/service-unavailable";
import {
  lastActionOf,
  markDatabaseUnavailable,
  serviceUnavailableData,
  showServiceUnavailable,
  wasDatabaseUnavailable,
} from "./lib/service-unavailable.server";
import { readSessionToken } from "./modules/auth/cookie.server";
import { quickExitDestination } from "./modules/auth/quick-exit.server";

/**
 * server.js is plain JavaScript running the build, so the request handler it serves with comes
 * from here (`build.entry.module`): one factory for production and the tests' app handler.
 */
export { createAppRequestHandler } from "./lib/service-unavailable-handler.server";

// Give slow loaders this long before aborting the render (trainees are on 2G).
export const streamTimeout = 10_000;

const development = env.NODE_ENV === "development";

/**
 * Every error a loader, action or render lets through. One that means the database is out of
 * reach is remembered on the load context, so the page (or `.data` answer) becomes the honest
 * 503 below, and logged in one line: during an outage every request meets it.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (isDatabaseUnavailable(error)) {
    markDatabaseUnavailable(context);
    const detail = error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error);
    console.error(
      `database unavailable (${request.method} ${new URL(request.url).pathname}): ${detail}`,
    );
    return;
  }
  if (request.signal.aborted) return;
  console.error(error);
};

/**
 * Pages are rendered whole and sent as one body with its length. Nothing on them is deferred
 * (loaders return complete data and no route uses Suspense), so streaming would only split the
 * same bytes into many small writes — each a system call on the server, and on a slow link a
 * page that arrives in pieces with no Content-Length to show progress against.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = createNonce();
  const [locale, discreet] = await Promise.all([getLocale(request), isDiscreet(request)]);
  const document: DocumentContextValue = {
    nonce,
    locale,
    discreet,
    quickExit: quickExitDestination(),
  };
  if (wasDatabaseUnavailable(loadContext)) {
    const data = await serviceUnavailableData(
      request,
      loadContext,
      lastActionOf(request, routerContext),
    );
    showServiceUnavailable(routerContext, data);
    document.serviceUnavailable = true;
    responseStatusCode = 503;
    responseHeaders.set("Retry-After", String(RETRY_AFTER_SECONDS));
  }

  return new Promise<Response>((resolve, reject) => {
    let rendered = false;
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const { pipe, abort } = renderToPipeableStream(
      <DocumentContext.Provider value={document}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </DocumentContext.Provider>,
      {
        nonce,
        onAllReady() {
          rendered = true;
          const chunks: Buffer[] = [];
          const body = new PassThrough();
          body.on("data", (chunk: Buffer) => chunks.push(chunk));
          body.on("error", reject);
          body.on("end", () => {
            clearTimeout(timeout);
            const html = Buffer.concat(chunks);
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            responseHeaders.set("Content-Length", String(html.byteLength));
            applyResponseHeaders(responseHeaders, {
              request,
              status: responseStatusCode,
              signedIn: readSessionToken(request) !== null,
              nonce,
              development,
            });
            resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
          });
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timeout);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the page is ready reach the error boundary; log the rest.
          if (rendered) console.error(error);
        },
      },
    );
    timeout = setTimeout(abort, streamTimeout + 1000);
  });
}

/**
 * `.data` answers (client-side navigations and form posts). During an outage the answer is a
 * plain 503 without React Router's `X-Remix-Response` marker: the browser's router then raises
 * it as a 503 route error carrying this JSON, and the error boundary shows the same page a
 * document request gets.
 */
export const handleDataRequest: HandleDataRequestFunction = async (
  response,
  { request, context },
) => {
  let answer = response;
  if (wasDatabaseUnavailable(context)) {
    await response.body?.cancel();
    const mutation = request.method !== "GET" && request.method !== "HEAD";
    const data = await serviceUnavailableData(request, context, mutation ? "not-saved" : "none");
    answer = new Response(JSON.stringify(data), {
      status: 503,
      statusText: "Service Unavailable",
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Retry-After": String(RETRY_AFTER_SECONDS),
      },
    });
  }
  const headers = new Headers(answer.headers);
  applyResponseHeaders(headers, {
    request,
    status: answer.status,
    signedIn: readSessionToken(request) !== null,
  });
  return new Response(answer.body, {
    status: answer.status,
    statusText: answer.statusText,
    headers,
  });
};
