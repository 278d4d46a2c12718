import type { ActivityType, Locale, ProgrammeRegion, Theme } from "@peacelearn/domain";
import type { Prisma } from "../generated/prisma/client";

/**
 * A short fixture course in English and French (2 modules × 2 lessons, one knowledge check)
 * until the curriculum importer brings the real courses. Keys are stable so the importer can
 * replace it.
 */
export const DEMO_COURSE_KEY = "demo-gender-and-peacebuilding-basics";

/**
 * What course.yaml would declare for the demo course: written for the regions its demo cohorts
 * run in (seed-demo.ts), about participation and policy asks, taught as a training. Lists are in
 * the vocabularies' order, as the curriculum importer stores them.
 */
const DEMO_COURSE_METADATA: {
  regions: ProgrammeRegion[];
  themes: Theme[];
  activityType: ActivityType;
} = {
  regions: ["west-africa", "south-asia", "great-lakes"],
  themes: ["governance-and-political-participation"],
  activityType: "capacity-building-training",
};

type Text = { en: string; fr: string };

type LessonFixture = {
  key: string;
  slug: Text;
  title: Text;
  summary: Text;
  body: Text;
  minutes: number;
};

const lessons: Record<"m1" | "m2", LessonFixture[]> = {
  m1: [
    {
      key: "why-women-at-the-table",
      slug: { en: "why-women-at-the-table", fr: "pourquoi-les-femmes-a-la-table" },
      title: { en: "Why women at the table", fr: "Pourquoi les femmes à la table" },
      summary: {
        en: "What UNSCR 1325 asks of states and why participation changes outcomes.",
        fr: "Ce que la résolution 1325 demande aux États et pourquoi la participation change les résultats.",
      },
      body: {
        en: "# Why women at the table\n\nSecurity Council resolution 1325 (2000) calls for the **participation** of women in peace processes, the **protection** of women and girls, and the **prevention** of conflict.\n\n- Participation is more than presence: who sets the agenda?\n- Local peace committees are often where participation starts.\n\n> Think of one decision in your community taken without women. Who was missing, and why?",
        fr: "# Pourquoi les femmes à la table\n\nLa résolution 1325 (2000) du Conseil de sécurité appelle à la **participation** des femmes aux processus de paix, à la **protection** des femmes et des filles et à la **prévention** des conflits.\n\n- Participer, c'est plus qu'être présente : qui fixe l'ordre du jour ?\n- Les comités locaux de paix sont souvent le point de départ.\n\n> Pensez à une décision prise dans votre communauté sans les femmes. Qui manquait, et pourquoi ?",
      },
      minutes: 12,
    },
    {
      key: "mapping-actors",
      slug: { en: "mapping-actors", fr: "cartographier-les-acteurs" },
      title: { en: "Mapping the actors", fr: "Cartographier les acteurs" },
      summary: {
        en: "A simple power map to plan who to influence first.",
        fr: "Une carte du pouvoir simple pour savoir qui influencer d'abord.",
      },
      body: {
        en: "# Mapping the actors\n\nDraw two axes: **influence** over the decision and **support** for your goal.\n\n1. List decision-makers, gatekeepers and allies.\n2. Place each on the map.\n3. Start with high-influence people who are undecided.",
        fr: "# Cartographier les acteurs\n\nTracez deux axes : l'**influence** sur la décision et le **soutien** à votre objectif.\n\n1. Listez décideurs, gardiens et alliés.\n2. Placez chacun sur la carte.\n3. Commencez par les personnes influentes encore indécises.",
      },
      minutes: 15,
    },
  ],
  m2: [
    {
      key: "a-one-page-policy-ask",
      slug: { en: "a-one-page-policy-ask", fr: "une-demande-en-une-page" },
      title: { en: "A one-page policy ask", fr: "Une demande politique en une page" },
      summary: {
        en: "Problem, evidence, ask: writing for a busy official.",
        fr: "Problème, preuves, demande : écrire pour un responsable pressé.",
      },
      body: {
        en: "# A one-page policy ask\n\nOfficials read the first three lines. Put the **ask** there.\n\n- *Problem*: one sentence, with a number.\n- *Evidence*: two facts you can source.\n- *Ask*: one action, one owner, one date.",
        fr: "# Une demande politique en une page\n\nLes responsables lisent les trois premières lignes. Mettez-y la **demande**.\n\n- *Problème* : une phrase, avec un chiffre.\n- *Preuves* : deux faits sourcés.\n- *Demande* : une action, un responsable, une date.",
      },
      minutes: 10,
    },
    {
      key: "staying-safe-while-speaking-out",
      slug: {
        en: "staying-safe-while-speaking-out",
        fr: "rester-en-securite-en-prenant-la-parole",
      },
      title: {
        en: "Staying safe while speaking out",
        fr: "Rester en sécurité en prenant la parole",
      },
      summary: {
        en: "Assessing risk before media work and public hearings.",
        fr: "Évaluer les risques avant les médias et les audiences publiques.",
      },
      body: {
        en: "# Staying safe while speaking out\n\nBefore a radio appearance or a public hearing, ask: who might be angered, what could they do, and who would you call?\n\nAgree a **check-in** with your trainer and keep contacts offline.",
        fr: "# Rester en sécurité en prenant la parole\n\nAvant une émission de radio ou une audience publique, demandez-vous : qui pourrait être contrarié, que pourrait-il faire, et qui appelleriez-vous ?\n\nConvenez d'un **point de contact** avec votre formatrice et gardez vos contacts hors ligne.",
      },
      minutes: 14,
    },
  ],
};

type OptionFixture = { key: string; correct: boolean; label: Text; feedback: Text };
type QuestionFixture = {
  key: string;
  kind: "single" | "multiple" | "true-false";
  prompt: Text;
  options: OptionFixture[];
};

const questions: QuestionFixture[] = [
  {
    key: "pillars",
    kind: "multiple",
    prompt: {
      en: "Which of these are pillars of resolution 1325?",
      fr: "Lesquels de ces éléments sont des piliers de la résolution 1325 ?",
    },
    options: [
      {
        key: "participation",
        correct: true,
        label: { en: "Participation", fr: "Participation" },
        feedback: {
          en: "Yes — women's participation in peace processes.",
          fr: "Oui — la participation des femmes aux processus de paix.",
        },
      },
      {
        key: "protection",
        correct: true,
        label: { en: "Protection", fr: "Protection" },
        feedback: {
          en: "Yes — protection of women and girls.",
          fr: "Oui — la protection des femmes et des filles.",
        },
      },
      {
        key: "privatisation",
        correct: false,
        label: { en: "Privatisation", fr: "Privatisation" },
        feedback: {
          en: "No — not part of the resolution.",
          fr: "Non — cela ne fait pas partie de la résolution.",
        },
      },
    ],
  },
  {
    key: "first-target",
    kind: "single",
    prompt: {
      en: "On a power map, who do you usually approach first?",
      fr: "Sur une carte du pouvoir, qui approchez-vous généralement en premier ?",
    },
    options: [
      {
        key: "undecided-influential",
        correct: true,
        label: {
          en: "Influential people who are undecided",
          fr: "Les personnes influentes indécises",
        },
        feedback: {
          en: "Right: they can move the decision.",
          fr: "Exact : elles peuvent faire basculer la décision.",
        },
      },
      {
        key: "opponents",
        correct: false,
        label: { en: "Your strongest opponents", fr: "Vos plus fermes opposants" },
        feedback: {
          en: "Rarely the best use of limited time.",
          fr: "Rarement le meilleur usage d'un temps limité.",
        },
      },
    ],
  },
  {
    key: "presence-is-participation",
    kind: "true-false",
    prompt: {
      en: "Being present in the room is the same as participating.",
      fr: "Être présente dans la salle, c'est la même chose que participer.",
    },
    options: [
      {
        key: "true",
        correct: false,
        label: { en: "True", fr: "Vrai" },
        feedback: {
          en: "Presence without influence on the agenda is not participation.",
          fr: "Une présence sans influence sur l'ordre du jour n'est pas une participation.",
        },
      },
      {
        key: "false",
        correct: true,
        label: { en: "False", fr: "Faux" },
        feedback: { en: "Correct.", fr: "Correct." },
      },
    ],
  },
];

function perLocale<T>(build: (locale: Locale) => T): T[] {
  return [build("en"), build("fr")];
}

function lessonCreate(
  lesson: LessonFixture,
  position: number,
): Prisma.LessonCreateWithoutModuleInput {
  return {
    key: lesson.key,
    position,
    translations: {
      create: perLocale((locale) => ({
        locale,
        slug: lesson.slug[locale],
        title: lesson.title[locale],
        summary: lesson.summary[locale],
        body: lesson.body[locale],
        // French text runs ~15 % longer to read.
        estimatedMinutes: locale === "fr" ? Math.round(lesson.minutes * 1.15) : lesson.minutes,
      })),
    },
  };
}

export function demoCourseCreate(publishedAt: Date): Prisma.CourseCreateInput {
  return {
    key: DEMO_COURSE_KEY,
    publishedAt,
    regions: [...DEMO_COURSE_METADATA.regions],
    themes: [...DEMO_COURSE_METADATA.themes],
    activityType: DEMO_COURSE_METADATA.activityType,
    translations: {
      create: [
        {
          locale: "en",
          slug: "gender-and-peacebuilding-basics",
          title: "Gender and peacebuilding: the basics",
          summary:
            "A short starter course for advocates: why participation matters and how to make a policy ask safely.",
        },
        {
          locale: "fr",
          slug: "genre-et-consolidation-de-la-paix-les-bases",
          title: "Genre et consolidation de la paix : les bases",
          summary:
            "Un court cours d'initiation : pourquoi la participation compte et comment formuler une demande politique en sécurité.",
        },
      ],
    },
    modules: {
      create: [
        {
          key: "participation",
          position: 1,
          translations: {
            create: [
              {
                locale: "en",
                title: "Participation",
                summary: "Why women's participation matters, and who decides.",
              },
              {
                locale: "fr",
                title: "Participation",
                summary: "Pourquoi la participation des femmes compte, et qui décide.",
              },
            ],
          },
          lessons: { create: lessons.m1.map((lesson, index) => lessonCreate(lesson, index + 1)) },
          knowledgeChecks: {
            create: {
              key: "participation-check",
              passMark: 70,
              translations: {
                create: [
                  {
                    locale: "en",
                    title: "Check your understanding",
                    intro: "Three questions; you need 70 % to pass.",
                  },
                  {
                    locale: "fr",
                    title: "Vérifiez vos acquis",
                    intro: "Trois questions ; il faut 70 % pour réussir.",
                  },
                ],
              },
              questions: {
                create: questions.map((question, index) => ({
                  key: question.key,
                  kind: question.kind,
                  position: index + 1,
                  translations: {
                    create: perLocale((locale) => ({ locale, prompt: question.prompt[locale] })),
                  },
                  options: {
                    create: question.options.map((option, optionIndex) => ({
                      key: option.key,
                      position: optionIndex + 1,
                      isCorrect: option.correct,
                      translations: {
                        create: perLocale((locale) => ({
                          locale,
                          label: option.label[locale],
                          feedback: option.feedback[locale],
                        })),
                      },
                    })),
                  },
                })),
              },
            },
          },
        },
        {
          key: "influence",
          position: 2,
          translations: {
            create: [
              {
                locale: "en",
                title: "Influence",
                summary: "Turning an issue into a policy ask, safely.",
              },
              {
                locale: "fr",
                title: "Influence",
                summary: "Transformer un problème en demande politique, en sécurité.",
              },
            ],
          },
          lessons: { create: lessons.m2.map((lesson, index) => lessonCreate(lesson, index + 1)) },
        },
      ],
    },
  };
}

/** The answers that score 100 % on the demo check (question key → option keys). */
export const DEMO_CHECK_CORRECT_ANSWERS: Record<string, string[]> = Object.fromEntries(
  questions.map((question) => [
    question.key,
    question.options.filter((option) => option.correct).map((option) => option.key),
  ]),
);

export const DEMO_CHECK_QUESTIONS = questions.map((question) => ({
  key: question.key,
  optionKeys: question.options.map((option) => option.key),
}));
