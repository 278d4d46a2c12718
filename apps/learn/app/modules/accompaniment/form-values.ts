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

/** Rows of a repeated group: its field name, how many a new form shows, how many at most. */
export type RowGroup = { field: string; initial: number; max: number };

/**
 * Number of rows of `group` posted back, so a re-rendered form keeps every row typed (at least
 * the initial number, at most the maximum).
 */
export function submittedRowCount(
  result: SubmissionResult<string[]> | undefined,
  group: RowGroup,
): number {
  const rows = (result?.initialValue as Record<string, unknown> | null | undefined)?.[group.field];
  const count = Array.isArray(rows) ? Math.max(rows.length, group.initial) : group.initial;
  return Math.min(count, group.max);
}

/**
 * "Add another row" without JavaScript: everything typed comes back, one row longer, and no
 * errors yet — the person has not tried to save.
 */
export function addRowReply(
  reply: SubmissionResult<string[]>,
  group: RowGroup,
): { result: SubmissionResult<string[]>; rowCount: number } {
  const result: SubmissionResult<string[]> = { initialValue: reply.initialValue };
  return { result, rowCount: Math.min(submittedRowCount(result, group) + 1, group.max) };
}
