import { type Db, isUniqueViolation } from "@peacelearn/db";
import { type TestForm, TestFormSchema, testFormFor } from "@peacelearn/domain";
import { z } from "zod";
import { formQuestions } from "~/modules/assessment/check-data.server";
import { gradeAttempt } from "~/modules/assessment/grade-attempt.server";
import type { FormQuestion } from "~/modules/assessment/schema";
import { loadTestContent, type PrePostTestContent, type TestKind } from "./test-content.server";

// The pre/post tests of a course (ADR 029): what the learner page and the trainer's workshop kit
// read, the one way an answer set is recorded, and which form each learner takes.

/** One form of a test as a device shows it: questions and options, no correct flags. */
type TestToTake = {
  checkId: string;
  kind: TestKind;
  form: TestForm;
  title: string;
  questions: FormQuestion[];
};

/** A course's four test checks by kind and form; null when the course has no tests. */
export type PrePostTests = Record<TestKind, Record<TestForm, TestToTake>>;

const toTake = (test: PrePostTestContent): TestToTake => ({
  checkId: test.checkId,
  kind: test.kind,
  form: test.form,
  title: test.title,
  questions: formQuestions(test.questions),
});

/**
 * The pre- and post-test of a course in forms A and B, in `locale` (English where a translation
 * is missing), without correct answers: what a workshop kit downloads before the trip. Null when
 * the course has no complete test (all four checks). One query.
 */
export async function getPrePostTests(
  db: Db,
  courseId: string,
  locale: string,
): Promise<PrePostTests | null> {
  const tests = await loadTestContent(db, { courseId }, locale);
  const find = (kind: TestKind, form: TestForm) =>
    tests.find((test) => test.kind === kind && test.form === form);
  const [preA, preB, postA, postB] = [
    find("pre", "A"),
    find("pre", "B"),
    find("post", "A"),
    find("post", "B"),
  ];
  if (!preA || !preB || !postA || !postB) return null;
  return {
    pre: { A: toTake(preA), B: toTake(preB) },
    post: { A: toTake(postA), B: toTake(postB) },
  };
}

const key = z.string().min(1).max(80);

/** An answer set as a client sends it; bounded before anything is graded or stored. */
const testAttemptInputSchema = z.strictObject({
  userId: z.string().min(1).max(64),
  checkId: z.string().min(1).max(64),
  form: TestFormSchema,
  /** Question key → chosen option keys. */
  answers: z
    .record(key, z.array(key).max(20))
    .refine((answers) => Object.keys(answers).length <= 60, "too many questions"),
  /** The client's own id for this answer set (kit command id, or the web form's token). */
  clientId: z
    .string()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
  takenAt: z.coerce.date(),
  /** The trainer who recorded it from a kit; null when the learner took it herself. */
  recordedBy: z.string().min(1).max(64).nullable(),
});
export type TestAttemptInput = z.input<typeof testAttemptInputSchema>;

type RecordedTestAttempt = { id: string; score: number; takenAt: Date };

export type RecordTestAttemptOutcome =
  /** Stored now. */
  | { kind: "recorded"; attempt: RecordedTestAttempt }
  /** This learner's client id was recorded before, for the same check: nothing added. */
  | { kind: "replayed"; attempt: RecordedTestAttempt }
  /** Refused, naming the field at fault; nothing stored. */
  | { kind: "invalid"; field: keyof TestAttemptInput; message: string };

/** How far ahead of the server's clock a device's `takenAt` may be (clocks drift). */
const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

/**
 * Grades and stores one answer set to one form of a pre/post test. Idempotent on the learner's
 * client id: a replay (the kit resending after a dropped connection, a double post) returns the
 * attempt stored the first time, whatever it carries; the unique (user, client id) index settles
 * two racing inserts. Answers never conflict: two different client ids are two attempts, and
 * reports read each learner's first (ADR 029). Grading is the server's, as for module checks;
 * answers to questions the form does not have are dropped.
 */
export async function recordTestAttempt(
  db: Db,
  raw: TestAttemptInput,
  now: Date = new Date(),
): Promise<RecordTestAttemptOutcome> {
  const parsed = testAttemptInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      kind: "invalid",
      field: (issue?.path[0] as keyof TestAttemptInput) ?? "answers",
      message: issue?.message ?? "invalid",
    };
  }
  const input = parsed.data;
  const replay = await findReplay(db, input);
  if (replay) return replay;
  if (
    Number.isNaN(input.takenAt.getTime()) ||
    input.takenAt.getTime() > now.getTime() + MAX_CLOCK_AHEAD_MS
  ) {
    return { kind: "invalid", field: "takenAt", message: "takenAt is in the future" };
  }
  const [test] = await loadTestContent(db, { id: input.checkId }, "en");
  if (!test) return { kind: "invalid", field: "checkId", message: "not a pre/post test" };
  if (test.form !== input.form) {
    return { kind: "invalid", field: "form", message: `the check is form ${test.form}` };
  }
  const answers = Object.fromEntries(
    test.questions
      .filter((question) => input.answers[question.key] !== undefined)
      .map((question) => [question.key, input.answers[question.key] ?? []]),
  );
  const grade = gradeAttempt(test.questions, answers);
  try {
    const attempt = await db.prePostTestAttempt.create({
      data: {
        knowledgeCheckId: test.checkId,
        userId: input.userId,
        clientId: input.clientId,
        answers,
        score: grade.score,
        takenAt: input.takenAt,
        recordedById: input.recordedBy,
      },
      select: { id: true, score: true, takenAt: true },
    });
    return { kind: "recorded", attempt };
  } catch (error) {
    if (isUniqueViolation(error, "clientId")) {
      const raced = await findReplay(db, input);
      if (raced) return raced;
    }
    if (isForeignKeyViolation(error)) {
      return { kind: "invalid", field: "userId", message: "no such person" };
    }
    throw error;
  }
}

async function findReplay(
  db: Db,
  input: { userId: string; clientId: string; checkId: string },
): Promise<RecordTestAttemptOutcome | null> {
  const first = await db.prePostTestAttempt.findUnique({
    where: { userId_clientId: { userId: input.userId, clientId: input.clientId } },
    select: { id: true, score: true, takenAt: true, knowledgeCheckId: true },
  });
  if (!first) return null;
  if (first.knowledgeCheckId !== input.checkId) {
    return {
      kind: "invalid",
      field: "clientId",
      message: "client id already used for another test",
    };
  }
  const { knowledgeCheckId: _check, ...attempt } = first;
  return { kind: "replayed", attempt };
}

function isForeignKeyViolation(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    (error as { code: unknown }).code === "P2003"
  );
}

/** The forms a learner takes: pre-test first, post-test the other one. */
export type TestAssignment = { pre: TestForm; post: TestForm };

/**
 * Which form each member of a cohort takes (ADR 029): by roster position — members in the order
 * they joined (then by id) — even positions A then B, odd ones B then A; a learner whose pre-test
 * is on record takes the other form after, whatever her position has become. Two queries.
 */
export async function testFormsForCohort(
  db: Db,
  cohortId: string,
): Promise<Map<string, TestAssignment>> {
  const cohort = await db.cohort.findUnique({
    where: { id: cohortId },
    select: {
      courseId: true,
      memberships: { orderBy: [{ joinedAt: "asc" }, { userId: "asc" }], select: { userId: true } },
    },
  });
  if (!cohort) return new Map();
  const userIds = cohort.memberships.map((member) => member.userId);
  const preTaken = await firstPreForms(db, cohort.courseId, userIds);
  return new Map(
    userIds.map((userId, position) => [userId, assignment(position, preTaken.get(userId))]),
  );
}

function assignment(position: number, preTaken: TestForm | undefined): TestAssignment {
  return {
    pre: testFormFor("pre", position, preTaken),
    post: testFormFor("post", position, preTaken),
  };
}

/** Each learner's first pre-test form on record for the course. */
async function firstPreForms(
  db: Db,
  courseId: string,
  userIds: readonly string[],
): Promise<Map<string, TestForm>> {
  if (userIds.length === 0) return new Map();
  const attempts = await db.prePostTestAttempt.findMany({
    where: { userId: { in: [...userIds] }, knowledgeCheck: { courseId, kind: "pre" } },
    orderBy: [{ takenAt: "asc" }, { id: "asc" }],
    select: { userId: true, knowledgeCheck: { select: { form: true } } },
  });
  const forms = new Map<string, TestForm>();
  for (const attempt of attempts) {
    const form = TestFormSchema.safeParse(attempt.knowledgeCheck.form).data;
    if (form && !forms.has(attempt.userId)) forms.set(attempt.userId, form);
  }
  return forms;
}

/**
 * The form one learner takes online: her roster position in her (earliest) cohort of the course;
 * a learner in no cohort gets a position from her id (the halves are then only about even).
 */
export async function testFormsForLearner(
  db: Db,
  { userId, courseId }: { userId: string; courseId: string },
): Promise<TestAssignment> {
  const [membership, preTaken] = await Promise.all([
    db.cohortMembership.findFirst({
      where: { userId, cohort: { courseId } },
      orderBy: { joinedAt: "asc" },
      select: { cohortId: true, joinedAt: true },
    }),
    firstPreForms(db, courseId, [userId]),
  ]);
  const position = membership
    ? await db.cohortMembership.count({
        where: {
          cohortId: membership.cohortId,
          OR: [
            { joinedAt: { lt: membership.joinedAt } },
            { joinedAt: membership.joinedAt, userId: { lt: userId } },
          ],
        },
      })
    : idParity(userId);
  return assignment(position, preTaken.get(userId));
}

/** 0 or 1 from a string (FNV-1a): stable, and about half of random ids each. */
function idParity(id: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index += 1) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash & 1;
}

/** Where a learner stands with a course's tests: her first score of each, if any. */
export type LearnerTestStatus = {
  pre: { score: number; form: TestForm } | null;
  post: { score: number; form: TestForm } | null;
};

export async function learnerTestStatus(
  db: Db,
  { userId, courseId }: { userId: string; courseId: string },
): Promise<LearnerTestStatus> {
  const attempts = await db.prePostTestAttempt.findMany({
    where: { userId, knowledgeCheck: { courseId } },
    orderBy: [{ takenAt: "asc" }, { id: "asc" }],
    select: { score: true, knowledgeCheck: { select: { kind: true, form: true } } },
  });
  const first = (kind: TestKind) => {
    const attempt = attempts.find((found) => found.knowledgeCheck.kind === kind);
    const form = TestFormSchema.safeParse(attempt?.knowledgeCheck.form).data;
    return attempt && form ? { score: attempt.score, form } : null;
  };
  return { pre: first("pre"), post: first("post") };
}
