import type { Db } from "@peacelearn/db";
import {
  type CountryCode,
  conflictContexts,
  countryCodes,
  type InterventionLevel,
  isConflictContext,
  type LocationCode,
  locationCodes,
  type WpsResolution,
} from "@peacelearn/domain";
import {
  type NationalActionPlan,
  napObjective,
  planInForce,
  plansByCountry,
} from "@peacelearn/domain/naps";
import { dayString, parseDay, utcToday } from "../accompaniment/dates";
import { contentLocales, pickTranslation } from "../courses/translation";
import type { PlanFormValues } from "./schema";

/** Enough for years of plans; the page is one person's own. */
const PLAN_LIMIT = 100;

type NapObjectiveOption = { id: string; text: string; pillar: string };
type ModuleOption = { id: string; label: string };

/** A course's or module's titles in the reader's locale and the fallback, for pickTranslation. */
const titlesIn = (locale: string) => ({
  where: { locale: { in: contentLocales(locale) } },
  select: { locale: true, title: true },
});

export type PlanFormOptions = {
  /** The NAP of her country in force today, with its objectives; null when none is. */
  nap: {
    id: string;
    title: string | null;
    /** False when no plan is in force today and this is her country's latest. */
    inForce: boolean;
    objectives: NapObjectiveOption[];
  } | null;
  modules: ModuleOption[];
};

function countryOf(location: string | null | undefined): CountryCode | null {
  if (!location || !(locationCodes as readonly string[]).includes(location)) return null;
  const code = location as LocationCode;
  if (isConflictContext(code)) return conflictContexts[code].parent;
  return (countryCodes as readonly string[]).includes(code) ? (code as CountryCode) : null;
}

/** Her own country if she gave one, else the country of her first cohort. */
async function countryOfPerson(db: Db, userId: string): Promise<CountryCode | null> {
  const person = await db.user.findUnique({
    where: { id: userId },
    select: {
      locationCode: true,
      cohortMemberships: {
        orderBy: { joinedAt: "asc" },
        take: 1,
        select: { cohort: { select: { locationCode: true } } },
      },
    },
  });
  return (
    countryOf(person?.locationCode) ??
    countryOf(person?.cohortMemberships[0]?.cohort.locationCode) ??
    null
  );
}

/**
 * The plan whose objectives she may tie her plan to: the one in force today, or, when her country
 * has none in force (plans often lapse for years before the next is adopted, and advocates then
 * press for the last one's objectives or its renewal), the latest plan that lists objectives —
 * shown as no longer in force. Undefined when her country has no plan with published objectives.
 */
function napToOffer(country: CountryCode, day: string) {
  const listsObjectives = (plan: NationalActionPlan | undefined) =>
    plan?.pillars.status === "sourced" && plan.pillars.value.some((p) => p.objectives.length > 0);
  const inForce = planInForce(country, day);
  if (inForce) return listsObjectives(inForce) ? { plan: inForce, inForce: true } : undefined;
  const latest = [...plansByCountry(country)].reverse().find(listsObjectives);
  return latest ? { plan: latest, inForce: false } : undefined;
}

/** What the form offers her: her country's NAP (see napToOffer), the modules of her courses. */
export async function planFormOptions(
  db: Db,
  userId: string,
  { locale, now = new Date() }: { locale: string; now?: Date },
): Promise<PlanFormOptions> {
  const [country, enrolments] = await Promise.all([
    countryOfPerson(db, userId),
    db.enrolment.findMany({
      where: { userId },
      orderBy: { enrolledAt: "asc" },
      take: 20,
      select: {
        course: {
          select: {
            translations: titlesIn(locale),
            modules: {
              orderBy: { position: "asc" },
              select: {
                id: true,
                position: true,
                translations: titlesIn(locale),
              },
            },
          },
        },
      },
    }),
  ]);
  const plan = country ? napToOffer(country, dayString(utcToday(now))) : undefined;
  const objectives: NapObjectiveOption[] = [];
  if (plan?.plan.pillars.status === "sourced") {
    for (const pillar of plan.plan.pillars.value) {
      for (const objective of pillar.objectives) {
        objectives.push({ id: objective.id, text: objective.text, pillar: pillar.name });
      }
    }
  }
  const modules = enrolments.flatMap(({ course }) => {
    const courseTitle = pickTranslation(course.translations, locale)?.title ?? "";
    return course.modules.map((module) => ({
      id: module.id,
      label: `${courseTitle} — ${module.position}. ${pickTranslation(module.translations, locale)?.title ?? ""}`,
    }));
  });
  return {
    nap: plan
      ? {
          id: plan.plan.id,
          title: plan.plan.title.status === "sourced" ? plan.plan.title.value : null,
          inForce: plan.inForce,
          objectives,
        }
      : null,
    modules,
  };
}

/**
 * Records her plan. NAP objectives and modules must be among those the form offered her; anything
 * else is refused naming the field (a stale form or a forged post), nothing is written.
 */
export async function createPlan(
  db: Db,
  input: { userId: string; values: PlanFormValues; options: PlanFormOptions },
): Promise<{ ok: true; id: string } | { ok: false; field: "napObjectiveIds" | "moduleIds" }> {
  const { values, options } = input;
  const offeredObjectives = new Set(options.nap?.objectives.map((objective) => objective.id));
  if (!values.napObjectiveIds.every((id) => offeredObjectives.has(id))) {
    return { ok: false, field: "napObjectiveIds" };
  }
  const offeredModules = new Set(options.modules.map((module) => module.id));
  if (!values.moduleIds.every((id) => offeredModules.has(id))) {
    return { ok: false, field: "moduleIds" };
  }
  const plan = await db.advocacyPlan.create({
    data: {
      userId: input.userId,
      change: values.change,
      target: values.target,
      level: values.level,
      napObjectiveIds: values.napObjectiveIds,
      resolutions: values.resolutions,
      moduleIds: values.moduleIds,
      steps: {
        create: values.steps.map((step, index) => ({
          position: index + 1,
          description: step.description,
          dueOn: parseDay(step.dueOn) ?? utcToday(),
        })),
      },
    },
    select: { id: true },
  });
  return { ok: true, id: plan.id };
}

export type PlanSummary = {
  id: string;
  change: string;
  target: string;
  level: InterventionLevel;
  createdAt: Date;
  stepCount: number;
  nextDueOn: Date | null;
};

/** A person's plans, newest first: her own list, and her trainer's view of them. */
export async function listPlansOf(db: Db, userId: string): Promise<PlanSummary[]> {
  const rows = await db.advocacyPlan.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: PLAN_LIMIT,
    select: {
      id: true,
      change: true,
      target: true,
      level: true,
      createdAt: true,
      steps: { orderBy: { dueOn: "asc" }, select: { dueOn: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    change: row.change,
    target: row.target,
    level: row.level as InterventionLevel,
    createdAt: row.createdAt,
    stepCount: row.steps.length,
    nextDueOn: row.steps[0]?.dueOn ?? null,
  }));
}

export type PlanDetail = {
  id: string;
  userId: string;
  authorName: string;
  change: string;
  target: string;
  level: InterventionLevel;
  createdAt: Date;
  napObjectives: Array<
    { id: string; text: string; pillar: string; planId: string } | { id: string; unknown: true }
  >;
  resolutions: WpsResolution[];
  modules: ModuleOption[];
  steps: Array<{
    id: string;
    position: number;
    description: string;
    dueOn: Date;
    followUps: Array<{ id: string; description: string; dueOn: Date; status: string }>;
  }>;
};

/** One plan with its steps and linked follow-ups; null when there is no such plan. */
export async function loadPlan(
  db: Db,
  planId: string,
  { locale }: { locale: string },
): Promise<PlanDetail | null> {
  const row = await db.advocacyPlan.findUnique({
    where: { id: planId },
    select: {
      id: true,
      userId: true,
      user: { select: { displayName: true } },
      change: true,
      target: true,
      level: true,
      createdAt: true,
      napObjectiveIds: true,
      resolutions: true,
      moduleIds: true,
      steps: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          description: true,
          dueOn: true,
          followUps: {
            orderBy: { linkedAt: "asc" },
            select: {
              followUpAction: {
                select: { id: true, description: true, dueOn: true, status: true },
              },
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  const modules = await db.module.findMany({
    where: { id: { in: row.moduleIds } },
    orderBy: [{ courseId: "asc" }, { position: "asc" }],
    select: {
      id: true,
      position: true,
      translations: titlesIn(locale),
    },
  });
  return {
    id: row.id,
    userId: row.userId,
    authorName: row.user.displayName,
    change: row.change,
    target: row.target,
    level: row.level as InterventionLevel,
    createdAt: row.createdAt,
    napObjectives: row.napObjectiveIds.map((id) => {
      const found = napObjective(id);
      return found
        ? { id, text: found.objective.text, pillar: found.pillar.name, planId: found.plan.id }
        : { id, unknown: true as const };
    }),
    resolutions: row.resolutions as WpsResolution[],
    modules: modules.map((module) => ({
      id: module.id,
      label: `${module.position}. ${pickTranslation(module.translations, locale)?.title ?? ""}`,
    })),
    steps: row.steps.map((step) => ({
      id: step.id,
      position: step.position,
      description: step.description,
      dueOn: step.dueOn,
      followUps: step.followUps.map((link) => link.followUpAction),
    })),
  };
}
