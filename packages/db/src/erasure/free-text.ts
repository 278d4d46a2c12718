/**
 * Every text-like column of the schema, classified for erasure. Free text written by people
 * about other people is searched for the erased person; every other column says why it is not.
 * `erasure-coverage.test.ts` reads the live schema and fails on a column missing here, so a new
 * column cannot escape the decision.
 */

export type FreeTextField = {
  table: string;
  column: string;
  /** `text`: one string; `list`: a text[] whose elements are searched one by one. */
  shape: "text" | "list";
};

/** Free text about people, written by trainers and staff: searched and scrubbed. */
export const FREE_TEXT_FIELDS = [
  { table: "AccompanimentSession", column: "notes", shape: "text" },
  { table: "AccompanimentSession", column: "topics", shape: "list" },
  { table: "FollowUpAction", column: "description", shape: "text" },
  { table: "AttendanceRecord", column: "note", shape: "text" },
  { table: "CohortSession", column: "title", shape: "text" },
  { table: "CohortSession", column: "place", shape: "text" },
  { table: "Cohort", column: "name", shape: "text" },
  { table: "Cohort", column: "place", shape: "text" },
  // An admin's reason for revoking a credential (ADR 031) may name the holder.
  { table: "CertificateCredential", column: "revocationReason", shape: "text" },
] as const satisfies readonly FreeTextField[];

export type FreeTextTable = (typeof FREE_TEXT_FIELDS)[number]["table"];

/** Why a text-like column is not searched as free text. */
export type NotFreeText =
  | "the erased person's own row: rewritten field by field"
  | "another person's own identity: a namesake keeps her name"
  | "a code, key, identifier or digest, never written by a person"
  | "curriculum content, imported from files: not about trainees"
  | "audit metadata: scrubbed separately, every string that contains her"
  | "deleted for her by the erasure (sessions, devices, buckets, invitations)"
  | "answers are option keys: there is no free-text question"
  | "her own action plan: deleted with her by the erasure (ADR 033)"
  | "a workshop kit's command: codes and option keys, never a name (names live in WorkshopWalkIn)";

const identity = "another person's own identity: a namesake keeps her name";
const code = "a code, key, identifier or digest, never written by a person";
const content = "curriculum content, imported from files: not about trainees";
const deleted = "deleted for her by the erasure (sessions, devices, buckets, invitations)";
const ownPlan = "her own action plan: deleted with her by the erasure (ADR 033)";
const kitCommand =
  "a workshop kit's command: codes and option keys, never a name (names live in WorkshopWalkIn)";

/** Every other text-like column, by `Table.column` (columns named id/…Id are codes by rule). */
export const NOT_FREE_TEXT: Record<string, NotFreeText> = {
  "User.email": identity,
  "User.displayName": identity,
  "User.organisation": identity,
  "User.passwordHash": code,
  "User.roles": code,
  "User.preferredLocale": code,
  "User.gender": code,
  "User.locationCode": code,
  "Session.userAgent": deleted,
  "RateLimitBucket.key": deleted,
  "CohortInvitation.email": identity,
  "CohortInvitation.displayName": identity,
  "CohortInvitation.gender": code,
  "CohortInvitation.locationCode": code,
  "CohortInvitation.status": code,
  "CohortInvite.tokenHash": code,
  "AuditEvent.metadata": "audit metadata: scrubbed separately, every string that contains her",
  "AuditEvent.action": code,
  "AuditEvent.subjectType": code,
  "KnowledgeCheckAttempt.answers": "answers are option keys: there is no free-text question",
  "KnowledgeCheckAttempt.idempotencyKey": code,
  "PrePostTestAttempt.answers": "answers are option keys: there is no free-text question",
  "PrePostTestAttempt.clientId": code,
  "Certificate.verificationCode": code,
  "Enrolment.source": code,
  "AttendanceRecord.status": code,
  "AccompanimentSession.mode": code,
  "AccompanimentSession.activityType": code,
  "FollowUpAction.status": code,
  "Cohort.programmeRegion": code,
  "Cohort.locationCode": code,
  "Cohort.activityType": code,
  "Cohort.dacSectorCode": code,
  "ContentVersion.hash": code,
  "Course.key": code,
  "Course.regions": code,
  "Course.themes": code,
  "Course.activityType": code,
  "CourseTranslation.locale": code,
  "CourseTranslation.slug": content,
  "CourseTranslation.title": content,
  "CourseTranslation.summary": content,
  "Module.key": code,
  "ModuleTranslation.locale": code,
  "ModuleTranslation.title": content,
  "ModuleTranslation.summary": content,
  "Lesson.key": code,
  "LessonTranslation.locale": code,
  "LessonTranslation.slug": content,
  "LessonTranslation.title": content,
  "LessonTranslation.summary": content,
  "LessonTranslation.body": content,
  "KnowledgeCheck.key": code,
  "KnowledgeCheck.kind": code,
  "KnowledgeCheck.form": code,
  "KnowledgeCheckTranslation.locale": code,
  "KnowledgeCheckTranslation.title": content,
  "KnowledgeCheckTranslation.intro": content,
  "KnowledgeCheckQuestion.key": code,
  "KnowledgeCheckQuestion.kind": code,
  "QuestionTranslation.locale": code,
  "QuestionTranslation.prompt": content,
  "KnowledgeCheckOption.key": code,
  "OptionTranslation.locale": code,
  "OptionTranslation.label": content,
  "OptionTranslation.feedback": content,
  "AdvocacyPlan.change": ownPlan,
  "AdvocacyPlan.target": ownPlan,
  "AdvocacyPlan.level": code,
  "AdvocacyPlan.napObjectiveIds": code,
  "AdvocacyPlan.resolutions": code,
  "AdvocacyPlan.moduleIds": code,
  "AdvocacyPlanStep.description": ownPlan,
  "WorkshopKitCommand.kind": code,
  "WorkshopKitCommand.personKey": code,
  "WorkshopKitCommand.payload": kitCommand,
  "WorkshopWalkIn.displayName": identity,
  "WorkshopWalkIn.gender": code,
  "WorkshopWalkIn.ageBand": code,
  "WorkshopWalkIn.status": code,
};

/** Identifier columns (`id`, `…Id`) are codes by rule; migration bookkeeping is not data. */
export function isCodeByRule(table: string, column: string): boolean {
  return column === "id" || /Id$/.test(column) || table.startsWith("_");
}
