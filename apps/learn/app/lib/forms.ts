import type { SubmissionResult } from "@conform-to/react";
import type { TFunction } from "i18next";

/**
 * What a page needs from a failed submission: the values to put back and one translated
 * message per field. Schema messages are translation keys (`ns:key`).
 */
export function formState(result: SubmissionResult<string[]> | undefined, t: TFunction) {
  const values = (result?.initialValue ?? {}) as Record<string, unknown>;
  const errors: Record<string, string> = {};
  for (const [field, messages] of Object.entries(result?.error ?? {})) {
    const first = messages?.[0];
    if (first) errors[field || "form"] = t(first);
  }
  return {
    value: (name: string) => (typeof values[name] === "string" ? (values[name] as string) : ""),
    error: (name: string) => errors[name],
    errors,
  };
}
