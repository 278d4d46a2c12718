/**
 * Every action the audit log records: one list, so the log can name each in the reader's language
 * (app/locales/<locale>/admin.json, `audit.actions.*`; a test fails on a missing label) and a
 * filter can offer them all. Dotted codes: area, thing, what happened.
 */
export const AUDIT_ACTIONS = [
  "user.signed-in",
  "user.sign-in-failed",
  "user.recovery-code.issued",
  "user.recovery-code.used",
  "user.profile.updated",
  "user.roles.changed",
  "user.erased",
  "user.created",
  "user.deactivated",
  "user.reactivated",
  "user.erasure-review.resolved",
  "accompaniment.sensitive-note.read",
  "cohort.invitation.created",
  "cohort.invitation.renewed",
  "cohort.invitation.revoked",
  "cohort.invitation.accepted",
  "cohort.invitation.declined",
  "cohort.roster.exported",
  "report.exported",
  "credential.revoked",
  // Written by the demo seed (packages/db), never by the app.
  "demo.seeded",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** The translation key of an action's label: i18next reads "." as nesting, so "_" stands in. */
export function auditActionLabelKey(action: AuditAction): string {
  return `audit.actions.${action.replaceAll(".", "_")}`;
}
