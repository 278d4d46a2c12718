export { type CreateDbOptions, createDb, type Db, type DbTransaction } from "./create-db";
export {
  coarsenBirthYear,
  ERASED_TEXT,
  type EraseUserOptions,
  type ErasureEventMetadata,
  type ErasureReport,
  eraseUser,
  type HeldMention,
  readHeldText,
  removeHeldMention,
  textDigest,
} from "./erase-user";
export { FREE_TEXT_FIELDS, type FreeTextTable } from "./erasure/free-text";
export { findMentions, replaceSpans, type Span } from "./erasure/mentions";
export {
  DatabaseInUseError,
  DatabaseNewerThanCodeError,
  DatabaseNotMigratedError,
  DatabaseSetupError,
  DatabaseUnreachableError,
  MigrationFailedError,
} from "./errors";
export type {
  AccompanimentSession,
  AttendanceRecord,
  AuditEvent,
  Certificate,
  Cohort,
  CohortInvite,
  CohortMembership,
  CohortSession,
  CohortTrainer,
  Course,
  CourseTranslation,
  Enrolment,
  FollowUpAction,
  KnowledgeCheck,
  KnowledgeCheckAttempt,
  KnowledgeCheckOption,
  KnowledgeCheckQuestion,
  KnowledgeCheckTranslation,
  KnownDevice,
  Lesson,
  LessonProgress,
  LessonTranslation,
  Module,
  ModuleTranslation,
  OptionTranslation,
  QuestionTranslation,
  RateLimitBucket,
  Session,
  User,
} from "./generated/prisma/client";
export { Prisma } from "./generated/prisma/client";
export { advisoryTransactionLock } from "./locks.sql";
export type { MigrationMode } from "./migrate";
export { PASSWORD_HASH_OPTIONS } from "./password-options";
export { IN_MEMORY } from "./pglite-dir";
export {
  definePreparedQuery,
  epochMsColumn,
  type PreparedQuery,
  type PreparedQueryDefinition,
  PreparedQueryRowError,
  type PreparedStatement,
  preparedStatement,
  type QueryClient,
  queryPrepared,
  timestampParam,
} from "./prepared-query";
export {
  consumeRateLimit,
  consumeTokenBucket,
  peekTokenBucket,
  pruneRateLimits,
  type RateLimitResult,
  type RateLimitRule,
  refundTokenBucket,
  resetRateLimit,
  type TokenBucketResult,
  type TokenBucketRule,
} from "./rate-limit";
export * from "./schemas";
export { DEMO_PASSWORD } from "./seed/demo-people";
export { DEMO_COHORTS, demoLogins, type SeedDemoResult, seedDemo } from "./seed/seed-demo";
export { isUniqueViolation } from "./unique-violation";
