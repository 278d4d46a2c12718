import type { AppLoadContext, EntryContext } from "react-router";
import { UNSAFE_ErrorResponseImpl as ErrorResponseImpl, isRouteErrorResponse } from "react-router";
import { z } from "zod";
import { isDiscreet } from "./discreet.server";
import { parseForm } from "./form.server";
import { safeRedirectPath } from "./http.server";
import { getLocale } from "./locale.server";
import type { ServiceUnavailableData } from "./service-unavailable";

declare module "react-router" {
  interface AppLoadContext {
    /** Set by entry.server's `handleError` when a loader or action found the database unreachable. */
    databaseUnavailable?: boolean;
  }
}

/** Remembers, for the rest of this request, that the database could not be reached. */
export function markDatabaseUnavailable(context: AppLoadContext | undefined): void {
  if (context) context.databaseUnavailable = true;
}

export function wasDatabaseUnavailable(context: AppLoadContext | undefined): boolean {
  return context?.databaseUnavailable === true;
}

const ANY_FORM = z.unknown();

/**
 * The posted fields, as `parseForm` kept them on the load context — or, when the action stopped
 * before reading its form (its guard needed the database first), read now from the untouched
 * body, within the same limits and leaving the same secrets out.
 */
async function submittedForm(request: Request, context: AppLoadContext) {
  if (!context.submittedForm && request.body && !request.bodyUsed) {
    try {
      await parseForm({ request, context }, ANY_FORM);
    } catch {
      // Not a form, or over the limits: there is nothing to offer again.
    }
  }
  const form = context.submittedForm;
  // The form goes back to where it was posted — a path of this site, judged like a redirect.
  return form && { ...form, action: safeRedirectPath(form.action) };
}

/** The 503 page's data for `request` (language and discreet mode come from its cookies). */
export async function serviceUnavailableData(
  request: Request,
  context: AppLoadContext,
  lastAction: ServiceUnavailableData["lastAction"],
): Promise<ServiceUnavailableData> {
  const [locale, discreet, form] = await Promise.all([
    getLocale(request),
    isDiscreet(request),
    lastAction === "not-saved" ? submittedForm(request, context) : undefined,
  ]);
  return { serviceUnavailable: true, locale, discreet, lastAction, submittedForm: form };
}

/**
 * For a document: what became of its action. An action that threw leaves no action data; one
 * that finished (saved, or refused its input) does, and only the page after it failed.
 */
export function lastActionOf(
  request: Request,
  routerContext: EntryContext,
): ServiceUnavailableData["lastAction"] {
  if (request.method === "GET" || request.method === "HEAD") return "none";
  return routerContext.staticHandlerContext.actionData ? "unknown" : "not-saved";
}

/**
 * Puts the 503 page where the unexpected errors were: React Router has already replaced them
 * with an anonymous "Unexpected Server Error" (production never shows an error's details), so
 * each error that is not a deliberate response becomes the service-unavailable response.
 */
export function showServiceUnavailable(routerContext: EntryContext, data: ServiceUnavailableData) {
  const errors = routerContext.staticHandlerContext.errors;
  if (!errors) return;
  for (const [routeId, error] of Object.entries(errors)) {
    if (isRouteErrorResponse(error) && error.status < 500) continue;
    errors[routeId] = new ErrorResponseImpl(503, "Service Unavailable", data);
  }
  routerContext.staticHandlerContext.statusCode = 503;
}
