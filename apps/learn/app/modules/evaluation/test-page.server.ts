import type { Db } from "@peacelearn/db";
import { data } from "react-router";
import { newAttemptToken } from "~/modules/assessment/attempts.server";
import { formQuestions } from "~/modules/assessment/check-data.server";
import { answersFromForm, checkFormSchema } from "~/modules/assessment/schema";
import { loadTestContent, type TestKind } from "./test-content.server";
import { learnerTestStatus, recordTestAttempt, testFormsForLearner } from "./tests.server";

// The learner's own pre/post test page (ADR 029): the form her roster position gives her, taken
// once. The route stays thin: HTTP in the route, this in between.

const asKind = (kind: string): TestKind | null => (kind === "pre" || kind === "post" ? kind : null);

/** Her test of `kind` for a published course, in `locale`; 404 for anything else. */
export async function loadLearnerTest(
  db: Db,
  {
    userId,
    courseKey,
    kind,
    locale,
  }: { userId: string; courseKey: string; kind: string; locale: string },
) {
  const testKind = asKind(kind);
  const course = await db.course.findFirst({
    where: { key: courseKey, publishedAt: { not: null } },
    select: { id: true, key: true },
  });
  if (!testKind || !course) throw data(null, { status: 404 });
  const [tests, forms, status] = await Promise.all([
    loadTestContent(db, { courseId: course.id }, locale),
    testFormsForLearner(db, { userId, courseId: course.id }),
    learnerTestStatus(db, { userId, courseId: course.id }),
  ]);
  const test = tests.find((found) => found.kind === testKind && found.form === forms[testKind]);
  if (!test) throw data(null, { status: 404 });
  return { course, kind: testKind, test, status };
}

export type LearnerTest = Awaited<ReturnType<typeof loadLearnerTest>>;

/** What the page shows: the form (questions without answers) until she has taken it. */
export function learnerTestView(loaded: LearnerTest) {
  const taken = loaded.status[loaded.kind];
  return {
    courseKey: loaded.course.key,
    kind: loaded.kind,
    title: loaded.test.title,
    questions: taken ? [] : formQuestions(loaded.test.questions),
    token: newAttemptToken(),
    status: loaded.status,
  };
}

/** The form's schema for her test (one per test form, like a module check's). */
export function learnerTestSchema(loaded: LearnerTest) {
  const questions = loaded.test.questions.map((question) => ({
    key: question.key,
    kind: question.kind,
    optionKeys: question.options.map((option) => option.key),
  }));
  return { questions, schema: checkFormSchema(questions) };
}

/** Records her answers (the form's one-time token is the client id: a double post is one attempt). */
export async function submitLearnerTest(
  db: Db,
  loaded: LearnerTest,
  {
    userId,
    value,
    now = new Date(),
  }: { userId: string; value: Record<string, unknown>; now?: Date },
) {
  const { questions } = learnerTestSchema(loaded);
  return recordTestAttempt(
    db,
    {
      userId,
      checkId: loaded.test.checkId,
      form: loaded.test.form,
      answers: answersFromForm(questions, value),
      clientId: String(value.token),
      takenAt: now,
      recordedBy: null,
    },
    now,
  );
}

/**
 * What the course page offers a signed-in learner (ADR 029): the pre-test until she has taken
 * it, the post-test once she has completed the course, and her scores. Null when the course has
 * no test. Three small queries.
 */
export async function coursePageTests(
  db: Db,
  { userId, courseKey }: { userId: string; courseKey: string },
) {
  const course = await db.course.findFirst({
    where: { key: courseKey, prePostTests: { some: {} } },
    select: { id: true, enrolments: { where: { userId }, select: { completedAt: true } } },
  });
  if (!course) return null;
  const status = await learnerTestStatus(db, { userId, courseId: course.id });
  return { ...status, courseComplete: course.enrolments[0]?.completedAt != null };
}
