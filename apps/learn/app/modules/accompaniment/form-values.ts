import type { SubmissionResult } from "@conform-to/react";

/**
 * A value a failed submission sends back, by field name — nested names too
 * ("followUps[1].dueOn"), which `formState().value` does not reach. "" when absent.
 */
export function submittedValue(
  result: SubmissionResult<string[]> | undefined,
  name: string,
): string {
  let node: unknown = result?.initialValue ?? undefined;
  for (const key of name.split(/[.[\]]+/).filter(Boolean)) {
    if (node === null || typeof node !== "object") return "";
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === "string" ? node : "";
}

/** Number of follow-up rows posted back, so a re-rendered form keeps every row typed. */
export function submittedRowCount(
  result: SubmissionResult<string[]> | undefined,
  fallback: number,
): number {
  const rows = (result?.initialValue as Record<string, unknown> | null | undefined)?.followUps;
  return Array.isArray(rows) ? Math.max(rows.length, fallback) : fallback;
}
