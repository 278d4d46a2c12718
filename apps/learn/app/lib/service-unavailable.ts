import { isRouteErrorResponse } from "react-router";
import type { SubmittedForm } from "./form.server";

/** Seconds a client is told to wait (`Retry-After`): a restart or failover takes about this. */
export const RETRY_AFTER_SECONDS = 30;

/**
 * What the 503 page knows (entry.server.tsx builds it; the error boundary shows it). The root
 * loader has usually failed too, so the page's language and discreet mode travel with it.
 */
export type ServiceUnavailableData = {
  serviceUnavailable: true;
  locale: string;
  discreet: boolean;
  /**
   * What became of the request's action: "not-saved" when the action itself failed, "unknown"
   * when it finished but the page after it could not be loaded, "none" for a plain page view.
   */
  lastAction: "not-saved" | "unknown" | "none";
  /** The fields that were posted (secrets left out), to send again. */
  submittedForm?: SubmittedForm | undefined;
};

/**
 * The 503 page's data from a route error: an error response built on the server (document
 * requests), or the JSON text a client navigation received (`.data` requests).
 */
export function readServiceUnavailable(error: unknown): ServiceUnavailableData | null {
  if (!isRouteErrorResponse(error) || error.status !== 503) return null;
  let value: unknown = error.data;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (typeof value !== "object" || value === null) return null;
  const data = value as Partial<ServiceUnavailableData>;
  if (data.serviceUnavailable !== true || typeof data.locale !== "string") return null;
  return {
    serviceUnavailable: true,
    locale: data.locale,
    discreet: data.discreet === true,
    lastAction:
      data.lastAction === "not-saved" || data.lastAction === "unknown" ? data.lastAction : "none",
    submittedForm: isSubmittedForm(data.submittedForm) ? data.submittedForm : undefined,
  };
}

function isSubmittedForm(value: unknown): value is SubmittedForm {
  if (typeof value !== "object" || value === null) return false;
  const form = value as SubmittedForm;
  return (
    typeof form.action === "string" &&
    form.action.startsWith("/") &&
    !form.action.startsWith("//") &&
    Array.isArray(form.fields) &&
    form.fields.every((field) => typeof field?.name === "string" && typeof field.value === "string")
  );
}

/**
 * `path` as a link or form target that cannot leave the site: a path such as `//evil.example`
 * (a request can carry one) would be read by the browser as another host. The server already
 * judged the form's address with `safeRedirectPath`; this keeps the page's own links safe too.
 */
export function onSitePath(path: string): string {
  return `/${path.replace(/^[/\\]+/, "")}`;
}

/** How a posted field is offered again: kept as it was, or shown for the person to check. */
export type OfferedField = {
  name: string;
  value: string;
  /** "hidden": sent again unchanged; "line" / "text": an editable input / text area. */
  as: "hidden" | "line" | "text";
  /** Words for the label, from the field's name ("followUps[0].description" → "Follow ups 1 description"). */
  label: string;
};

/**
 * The request only kept names and values, not what the inputs were, so this decides from them:
 * values the form itself supplied (the `intent`, ids, `redirectTo`, check boxes' "on", option
 * values such as "in-person") are kept hidden; what a person types (words, sentences, numbers,
 * dates, e-mails) is shown, editable. Either way every field is sent again, so a wrong guess
 * costs an editable box at most, never a value.
 */
export function offeredFields(form: SubmittedForm): OfferedField[] {
  return form.fields.map(({ name, value }) => ({
    name,
    value,
    as: isFormSupplied(name, value)
      ? "hidden"
      : /[\r\n]/.test(value) || value.length > 80
        ? "text"
        : "line",
    label: fieldLabel(name),
  }));
}

const CONTROL_NAME = /^(?:intent|redirectTo|_.*|id)$|Ids?$/;
/**
 * A short lower-case token with at least one letter: an option or check-box value ("in-person",
 * "done", "on"), not typed text.
 */
const TOKEN = /^(?=[a-z0-9-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isFormSupplied(name: string, value: string) {
  const leaf = name.split(/[.[]/).at(-1) ?? name;
  return value === "" || CONTROL_NAME.test(leaf) || (value.length <= 40 && TOKEN.test(value));
}

function fieldLabel(name: string) {
  const words = name
    .replace(/\[(\d+)\]/g, (_, index: string) => ` ${Number(index) + 1} `)
    .replace(/[._-]/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
