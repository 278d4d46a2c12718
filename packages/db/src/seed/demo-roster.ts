import { type DemoPerson, demoTrainees, type TraineeGroup } from "./demo-people";
import { createPrng } from "./prng";

/** Fixed seed: the roster is the same everywhere. */
const ROSTER_SEED = 1325;

/** Trainees per group: three cohorts of 18 plus 6 self-enrolled in Georgia and Abkhazia = 60. */
const GROUP_SIZES: Record<TraineeGroup, number> = {
  monrovia: 18,
  kathmandu: 18,
  gulu: 18,
  caucasus: 6,
};

export type DemoRoster = {
  trainees: Record<TraineeGroup, DemoPerson[]>;
  all: DemoPerson[];
};

let cached: DemoRoster | undefined;

export function buildDemoPeople(): DemoRoster {
  if (cached) return cached;
  const prng = createPrng(ROSTER_SEED);
  const used = new Set<string>();
  const trainees = Object.fromEntries(
    (Object.keys(GROUP_SIZES) as TraineeGroup[]).map((group) => [
      group,
      demoTrainees(prng, group, GROUP_SIZES[group], used),
    ]),
  ) as Record<TraineeGroup, DemoPerson[]>;
  cached = { trainees, all: Object.values(trainees).flat() };
  return cached;
}
