import type { ConflictContextCode, CountryCode } from "./geography";
import { countryCodes } from "./geography";
import { asiaCaucasusNaps } from "./nap-data-asia-caucasus";
import { greatLakesNaps } from "./nap-data-great-lakes";
import { westAfricaNaps } from "./nap-data-west-africa";
import type {
  CountryNaps,
  NapConflictContextProvision,
  NapDataset,
  NapObjective,
  NapPillar,
  NationalActionPlan,
  PartialDate,
} from "./nap-schema";
import { napSchemaVersion } from "./nap-schema";
import type { WpsPillar } from "./wps-pillars";

// The `@peacelearn/domain/naps` entry: National Action Plans on women, peace and security of the
// programme countries, as sourced data, with the lookups the learning platform needs. Kept out of
// the main entry so that importing a label never ships the dataset.

export {
  type CountryNaps,
  CountryNapsSchema,
  IsoDaySchema,
  type NapConflictContextProvision,
  NapConflictContextProvisionSchema,
  type NapDataset,
  NapDatasetSchema,
  type NapFact,
  type NapObjective,
  NapObjectiveSchema,
  type NapPeriod,
  NapPeriodSchema,
  type NapPillar,
  NapPillarMappingSchema,
  NapPillarSchema,
  type NapSource,
  NapSourceSchema,
  type NationalActionPlan,
  NationalActionPlanSchema,
  napFactSchema,
  napSchemaVersion,
  type PartialDate,
  PartialDateSchema,
} from "./nap-schema";

/**
 * The version of the data: the day it was last researched (ISO 8601). A new version is a new
 * day; every source of a version was read on or before it.
 */
export const napDatasetVersion = "2026-12-08";

const byCountry: ReadonlyMap<CountryCode, CountryNaps> = /* @__PURE__ */ (() => {
  const entries = [...westAfricaNaps, ...greatLakesNaps, ...asiaCaucasusNaps];
  return new Map(entries.map((entry) => [entry.country, entry]));
})();

/**
 * The whole dataset, one entry per programme country in the order of `countryCodes`, each with its
 * plans oldest first and what could not be found. Validate it with {@link NapDatasetSchema}.
 */
export const napDataset: NapDataset = /* @__PURE__ */ (() => ({
  schemaVersion: napSchemaVersion,
  datasetVersion: napDatasetVersion,
  countries: countryCodes.flatMap((code) => {
    const entry = byCountry.get(code);
    return entry ? [entry] : [];
  }),
}))();

/** Every plan of every programme country, countries in `countryCodes` order, oldest plan first. */
export const nationalActionPlans: readonly NationalActionPlan[] = /* @__PURE__ */ (() =>
  napDataset.countries.flatMap((entry) => entry.plans))();

/**
 * A country's plans, oldest first (empty when none was found).
 *
 * @example plansByCountry("GE").map((plan) => plan.id) // ["GE-1", "GE-2", "GE-3", "GE-4"]
 */
export function plansByCountry(country: CountryCode): readonly NationalActionPlan[] {
  return byCountry.get(country)?.plans ?? [];
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The first day a partial date can mean: `2019` → `2019-01-01`, `2019-11` → `2019-11-01`. */
function firstDay(date: PartialDate): string {
  if (date.length === 4) return `${date}-01-01`;
  return date.length === 7 ? `${date}-01` : date;
}

/**
 * The last day a partial date can mean, as a bound for string comparison: `2023` → `2023-12-31`,
 * `2025-09` → `2025-09-31` (no day of September sorts after it).
 */
function lastDay(date: PartialDate): string {
  if (date.length === 4) return `${date}-12-31`;
  return date.length === 7 ? `${date}-31` : date;
}

/** When a plan took effect: the start of its period, or its adoption if that came later. */
function startOf(plan: NationalActionPlan): string | undefined {
  if (plan.period.status !== "sourced") return undefined;
  const from = firstDay(plan.period.value.from);
  if (plan.adopted.status !== "sourced") return from;
  const adopted = firstDay(plan.adopted.value);
  // biome-ignore lint/complexity/useMathMinMax: ISO days are strings, compared as text.
  return adopted > from ? adopted : from;
}

/** The last day a plan was in force, or `null` when its plan sets no end. */
function endOf(plan: NationalActionPlan): string | null | undefined {
  if (plan.period.status !== "sourced") return undefined;
  if (plan.extendedTo?.status === "sourced") return lastDay(plan.extendedTo.value);
  return plan.period.value.to === null ? null : lastDay(plan.period.value.to);
}

/**
 * The plan of a country in force on a day (`YYYY-MM-DD`), or `undefined` when none was.
 *
 * A plan is in force from the start of its period, or from its adoption when that came later
 * (Georgia's 2022–2024 plan from 26 October 2022), to the end of its period or of a recorded
 * extension. A plan that sets no end (the DRC's first) is taken to stay in force until the next
 * plan starts. A plan whose period is not verified is never in force here. Where two overlap, the
 * later edition wins.
 *
 * @example planInForce("GE", "2019-06-01")?.id // "GE-3"
 * @example planInForce("NP", "2018-01-01") // undefined: Nepal had no plan between 2016 and 2022
 * @throws RangeError for a day not written `YYYY-MM-DD`.
 */
export function planInForce(country: CountryCode, day: string): NationalActionPlan | undefined {
  if (!isoDay.test(day)) throw new RangeError(`Expected a day as YYYY-MM-DD, got ${day}`);
  const plans = plansByCountry(country);
  let found: NationalActionPlan | undefined;
  plans.forEach((plan, index) => {
    const start = startOf(plan);
    const end = endOf(plan);
    if (start === undefined || end === undefined || day < start) return;
    if (end === null) {
      const nextStart = plans
        .slice(index + 1)
        .map(startOf)
        .find((next) => next !== undefined);
      if (nextStart !== undefined && day >= nextStart) return;
    } else if (day > end) return;
    if (!found || plan.edition > found.edition) found = plan;
  });
  return found;
}

/** An objective with the plan and the plan pillar it belongs to. */
export interface NapObjectiveInPlan {
  readonly plan: NationalActionPlan;
  readonly pillar: NapPillar;
  readonly objective: NapObjective;
}

function* objectivesOf(plans: readonly NationalActionPlan[]): Generator<NapObjectiveInPlan> {
  for (const plan of plans) {
    if (plan.pillars.status !== "sourced") continue;
    for (const pillar of plan.pillars.value)
      for (const objective of pillar.objectives) yield { plan, pillar, objective };
  }
}

/**
 * The objectives filed under a generic pillar, across all plans or a country's. Objectives of
 * plan pillars mapped onto no generic pillar (coordination, monitoring) are never returned.
 *
 * @example objectivesByGenericPillar("participation", { country: "RW" })[0]?.objective.id // "RW-2.p1.o1"
 */
export function objectivesByGenericPillar(
  pillar: WpsPillar,
  options: { readonly country?: CountryCode | undefined } = {},
): NapObjectiveInPlan[] {
  const plans = options.country ? plansByCountry(options.country) : nationalActionPlans;
  return [...objectivesOf(plans)].filter((entry) => entry.pillar.genericPillars.includes(pillar));
}

/**
 * An objective by its id (`RW-2.p1.o1`), with its plan and pillar, or `undefined`: what a stored
 * reference to a NAP objective resolves through.
 */
export function napObjective(id: string): NapObjectiveInPlan | undefined {
  const planId = id.split(".")[0] ?? "";
  const plan = nationalActionPlans.find((candidate) => candidate.id === planId);
  if (!plan) return undefined;
  return [...objectivesOf([plan])].find((entry) => entry.objective.id === id);
}

/** A plan provision about a conflict context, with its plan. */
export interface NapProvisionInPlan {
  readonly plan: NationalActionPlan;
  readonly provision: NapConflictContextProvision;
}

/**
 * The plan provisions that concern a conflict context (Abkhazia, `GE-AB`), oldest plan first.
 * Their `wording` is the plan's own, in the register of `wordingAudience`; to name the context to
 * a reader, use `conflictContextName(code, { audience })` from the main entry.
 */
export function provisionsAbout(context: ConflictContextCode): NapProvisionInPlan[] {
  return nationalActionPlans.flatMap((plan) =>
    (plan.conflictContextProvisions ?? [])
      .filter((provision) => provision.contexts.includes(context))
      .map((provision) => ({ plan, provision })),
  );
}
