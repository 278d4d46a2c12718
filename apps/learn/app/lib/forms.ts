import type { SubmissionResult } from "@conform-to/react";
import { type QualifiedTranslate, runtimeKey } from "./i18n-keys";

/**
 * What a page needs from a failed submission: the values to put back and one translated
 * message per field. Schema messages are translation keys (`ns:key`).
 */
export function formState(result: SubmissionResult<string[]> | undefined, t: QualifiedTranslate) {
  const values = (result?.initialValue ?? {}) as Record<string, unknown>;
  const errors: Record<string, string> = {};
  for (const [field, messages] of Object.entries(result?.error ?? {})) {
    const first = messages?.[0];
    if (first) errors[field || "form"] = t(runtimeKey(first));
  }
  const error = (name: string) => errors[name];
  return {
    /** What was typed in `name` (dotted and indexed names such as `status.abc` included). */
    value: (name: string) => {
      const found = valueAt(values, name);
      return typeof found === "string" ? found : "";
    },
    error,
    errors,
    /**
     * The ErrorSummary items for `fields` that have an error, in form order; each links to the
     * control whose id is `${idPrefix}-${field}` and starts with the field's label.
     */
    summary: (fields: readonly string[], idPrefix: string, labelOf: (field: string) => string) =>
      fields
        .filter((field) => errors[field])
        .map((field) => ({
          fieldId: `${idPrefix}-${field}`,
          message: `${labelOf(field)}: ${errors[field]}`,
        })),
  };
}

/** The value at a conform field path (`a.b[2].c`) in a submitted payload. */
function valueAt(values: Record<string, unknown>, name: string): unknown {
  let current: unknown = values;
  for (const segment of name.split(/[.[\]]+/).filter(Boolean)) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** "followUps[1].dueOn" → "session-followUps-1-dueOn": a valid id an error link can target. */
export function fieldIdOf(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/[[\].]+/g, "-").replace(/-$/, "")}`;
}
