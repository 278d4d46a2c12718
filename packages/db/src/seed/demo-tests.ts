import { type TestForm, testFormFor } from "@peacelearn/domain";
import type { Prisma } from "../generated/prisma/client";
import { createPrng } from "./prng";
import { addDays, type SeedCohort } from "./seed-dates";

// The demo course's pre/post test (two parallel forms, ADR 029) and the demo cohorts' answers to
// it and reactions to the modules, so the learning-gain and reaction reports have something to
// show. Questions are written from the demo course's lessons.

type Text = { en: string; fr: string };
type TestQuestion = {
  key: string;
  kind: "single" | "true-false";
  prompt: Text;
  options: { key: string; correct: boolean; label: Text }[];
};

const trueFalse = (answer: boolean) => [
  { key: "true", correct: answer, label: { en: "True", fr: "Vrai" } },
  { key: "false", correct: !answer, label: { en: "False", fr: "Faux" } },
];

const forms: Record<TestForm, TestQuestion[]> = {
  A: [
    {
      key: "a-where-the-ask-goes",
      kind: "single",
      prompt: {
        en: "In a one-page policy ask, where does the ask go?",
        fr: "Dans une demande politique d’une page, où placer la demande ?",
      },
      options: [
        {
          key: "first-lines",
          correct: true,
          label: { en: "In the first three lines", fr: "Dans les trois premières lignes" },
        },
        {
          key: "end",
          correct: false,
          label: { en: "At the end, after the evidence", fr: "À la fin, après les preuves" },
        },
        { key: "annex", correct: false, label: { en: "In an annex", fr: "En annexe" } },
      ],
    },
    {
      key: "a-1325-year",
      kind: "single",
      prompt: {
        en: "In which year did the Security Council adopt resolution 1325?",
        fr: "En quelle année le Conseil de sécurité a-t-il adopté la résolution 1325 ?",
      },
      options: [
        { key: "y2000", correct: true, label: { en: "2000", fr: "2000" } },
        { key: "y1995", correct: false, label: { en: "1995", fr: "1995" } },
        { key: "y2010", correct: false, label: { en: "2010", fr: "2010" } },
      ],
    },
    {
      key: "a-check-in",
      kind: "true-false",
      prompt: {
        en: "Before a radio appearance, agreeing a check-in with someone you trust is part of staying safe.",
        fr: "Avant une intervention à la radio, convenir d’un point de contact avec une personne de confiance fait partie de la sécurité.",
      },
      options: trueFalse(true),
    },
  ],
  B: [
    {
      key: "b-power-map-axes",
      kind: "single",
      prompt: {
        en: "What are the two axes of a simple power map?",
        fr: "Quels sont les deux axes d’une carte du pouvoir simple ?",
      },
      options: [
        {
          key: "influence-support",
          correct: true,
          label: {
            en: "Influence over the decision, and support for your goal",
            fr: "L’influence sur la décision, et le soutien à votre objectif",
          },
        },
        {
          key: "age-gender",
          correct: false,
          label: { en: "Age and gender", fr: "L’âge et le genre" },
        },
        {
          key: "budget-time",
          correct: false,
          label: { en: "Budget and time", fr: "Le budget et le temps" },
        },
      ],
    },
    {
      key: "b-presence",
      kind: "single",
      prompt: {
        en: "What turns presence at a peace table into participation?",
        fr: "Qu’est-ce qui transforme une présence à la table des négociations en participation ?",
      },
      options: [
        {
          key: "agenda",
          correct: true,
          label: {
            en: "Influence on the agenda and the decisions",
            fr: "Une influence sur l’ordre du jour et les décisions",
          },
        },
        {
          key: "seat",
          correct: false,
          label: { en: "A seat in the room", fr: "Une place dans la salle" },
        },
        {
          key: "photo",
          correct: false,
          label: { en: "A place in the official photo", fr: "Une place sur la photo officielle" },
        },
      ],
    },
    {
      key: "b-sourced-evidence",
      kind: "true-false",
      prompt: {
        en: "The evidence in a policy ask should be facts you can source.",
        fr: "Les preuves d’une demande politique doivent être des faits dont on peut citer la source.",
      },
      options: trueFalse(true),
    },
  ],
};

const titles = {
  pre: {
    en: "Before the course: what do you know? (form %)",
    fr: "Avant le cours : que savez-vous ? (forme %)",
  },
  post: {
    en: "After the course: what have you learnt? (form %)",
    fr: "Après le cours : qu’avez-vous appris ? (forme %)",
  },
};

/** The demo course's four test checks (pre and post, forms A and B), as nested creates. */
export function demoTestsCreate(): Prisma.KnowledgeCheckCreateWithoutCourseInput[] {
  return (["pre", "post"] as const).flatMap((kind) =>
    (["A", "B"] as const).map((form) => ({
      key: `${kind}-${form.toLowerCase()}`,
      kind,
      form,
      passMark: 0,
      translations: {
        create: (["en", "fr"] as const).map((locale) => ({
          locale,
          title: titles[kind][locale].replace("%", form),
        })),
      },
      questions: {
        create: forms[form].map((question, index) => ({
          key: question.key,
          kind: question.kind,
          position: index + 1,
          translations: {
            create: (["en", "fr"] as const).map((locale) => ({
              locale,
              prompt: question.prompt[locale],
            })),
          },
          options: {
            create: question.options.map((option, optionIndex) => ({
              key: option.key,
              position: optionIndex + 1,
              isCorrect: option.correct,
              translations: {
                create: (["en", "fr"] as const).map((locale) => ({
                  locale,
                  label: option.label[locale],
                })),
              },
            })),
          },
        })),
      },
    })),
  );
}

/** Answers scoring `right` of the form's three questions (the first `right` answered well). */
function answersScoring(form: TestForm, right: number): Record<string, string[]> {
  return Object.fromEntries(
    forms[form].map((question, index) => {
      const option = question.options.find((candidate) => candidate.correct === index < right);
      return [question.key, option ? [option.key] : []];
    }),
  );
}

const scoreOf = (right: number) => Math.floor((100 * right) / 3);

/**
 * Pre- and post-test answers for the demo cohorts (roster order decides the forms, as online) and
 * reactions to the modules. Most take the pre-test; those past the middle of their cohort took
 * the post-test too, mostly scoring higher.
 */
export async function seedEvaluation(
  tx: Prisma.TransactionClient,
  input: {
    today: Date;
    courseId: string;
    moduleIds: string[];
    cohorts: ReadonlyArray<SeedCohort & { trainerIds: string[] }>;
    /** Learners in no cohort: they take the tests online, forms by their order here. */
    selfEnrolledIds: readonly string[];
  },
): Promise<void> {
  const prng = createPrng(1325);
  const checks = await tx.knowledgeCheck.findMany({
    where: { courseId: input.courseId },
    select: { id: true, kind: true, form: true },
  });
  const checkId = (kind: string, form: TestForm) => {
    const found = checks.find((check) => check.kind === kind && check.form === form);
    if (!found) throw new Error(`seed: no ${kind} test, form ${form}`);
    return found.id;
  };
  const attempts: Prisma.PrePostTestAttemptCreateManyInput[] = [];
  const reactions: Prisma.ModuleReactionCreateManyInput[] = [];
  const groups = [];
  for (const cohort of input.cohorts) {
    const members = await tx.cohortMembership.findMany({
      where: { cohortId: cohort.id },
      orderBy: [{ joinedAt: "asc" }, { userId: "asc" }],
      select: { userId: true },
    });
    groups.push({
      startsOn: cohort.startsOn,
      recorder: cohort.trainerIds[0] ?? null,
      userIds: members.map((member) => member.userId),
    });
  }
  groups.push({
    startsOn: addDays(input.today, -60),
    recorder: null,
    userIds: [...input.selfEnrolledIds],
  });
  for (const cohort of groups) {
    for (const [position, userId] of cohort.userIds.entries()) {
      if (!prng.chance(0.95)) continue;
      const pre = prng.weighted([
        [0, 20],
        [1, 45],
        [2, 30],
        [3, 5],
      ] as const);
      const preForm = testFormFor("pre", position);
      const preAt = addDays(cohort.startsOn, prng.int(0, 2));
      attempts.push({
        knowledgeCheckId: checkId("pre", preForm),
        userId,
        clientId: `seed-pre-${userId}`,
        answers: answersScoring(preForm, pre),
        score: scoreOf(pre),
        takenAt: preAt,
        recordedById: prng.chance(0.5) ? cohort.recorder : null,
      });
      if (!prng.chance(0.9)) continue;
      const post = Math.min(
        3,
        Math.max(
          0,
          pre +
            prng.weighted([
              [-1, 5],
              [0, 25],
              [1, 45],
              [2, 25],
            ] as const),
        ),
      );
      const postForm = testFormFor("post", position, preForm);
      const postAt = addDays(input.today, -prng.int(1, 6));
      attempts.push({
        knowledgeCheckId: checkId("post", postForm),
        userId,
        clientId: `seed-post-${userId}`,
        answers: answersScoring(postForm, post),
        score: scoreOf(post),
        takenAt: postAt > preAt ? postAt : addDays(preAt, 1),
        recordedById: null,
      });
      for (const moduleId of input.moduleIds) {
        if (!prng.chance(0.7)) continue;
        reactions.push({
          userId,
          moduleId,
          usefulness: prng.weighted([
            [3, 15],
            [4, 45],
            [5, 40],
          ] as const),
          confidence: prng.weighted([
            [2, 10],
            [3, 30],
            [4, 40],
            [5, 20],
          ] as const),
          submittedAt: addDays(input.today, -prng.int(1, 20)),
        });
      }
    }
  }
  await tx.prePostTestAttempt.createMany({ data: attempts });
  await tx.moduleReaction.createMany({ data: reactions });
}
