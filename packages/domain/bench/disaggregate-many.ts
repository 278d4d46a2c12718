// How long `disaggregateMany` takes on a family the size of the app's formal reports, and how much
// it hides. Run from packages/domain: `npx tsx bench/disaggregate-many.ts` (tsx is in the catalog).
// Prints figures; asserts nothing.
//
// Data: 80,000 people drawn with a fixed seed, skewed the way programme data is (a few large
// locations, activity types and months; small groups: another gender, Sri Lanka, Abkhazia), then
// counted into groups as the app's SQL does (one record per distinct gender × age band × location
// × activity type × month, with `count`).
import {
  activityTypes,
  ageBandCodesOf,
  type DisaggregationDimension,
  disaggregateMany,
  genders,
  locationCodes,
} from "../src/index";
import { csvCuts } from "../test-support/truth";

function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks index i with weight 1/(i+1)^skew. */
function skewed(random: () => number, n: number, skew: number) {
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** skew);
  const total = weights.reduce((a, b) => a + b, 0);
  return () => {
    let u = random() * total;
    for (let i = 0; i < n; i++) {
      u -= weights[i] as number;
      if (u <= 0) return i;
    }
    return n - 1;
  };
}

const random = generator(2026);
const bands = ageBandCodesOf("sadd");
const locations = [...locationCodes, null];
const activities = [...activityTypes, null];
const years = [2025, 2026];
const months = years.flatMap((y) =>
  Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, "0")}`),
);
/** Picks index i with the given weights. */
function weighted(random: () => number, weights: readonly number[]) {
  const total = weights.reduce((a, b) => a + b, 0);
  return () => {
    let u = random() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i] as number;
      if (u <= 0) return i;
    }
    return weights.length - 1;
  };
}

const pick = {
  // woman, man, another-gender, prefer-not-to-say, not-recorded: the last three are small groups.
  gender: weighted(random, [60, 38, 0.15, 0.6, 1.2]),
  band: skewed(random, bands.length, 0.8),
  // LR GN SL NP LK BI CD RW UG GE GE-AB unknown: Sri Lanka and Abkhazia are a few dozen people.
  location: weighted(random, [30, 12, 10, 15, 0.05, 6, 9, 5, 8, 4, 0.06, 0.5]),
  activity: skewed(random, activities.length, 1),
  month: skewed(random, months.length, 0.3),
};
const groups = new Map<string, number>();
const people = 80_000;
for (let i = 0; i < people; i++) {
  const key = [pick.gender(), pick.band(), pick.location(), pick.activity(), pick.month()].join();
  groups.set(key, (groups.get(key) ?? 0) + 1);
}
const records = [...groups].map(([key, count]) => {
  const [g, b, l, a, m] = key.split(",").map(Number) as [number, number, number, number, number];
  return {
    gender: genders[g],
    ageBand: bands[b],
    location: locations[l],
    activityType: activities[a],
    month: months[m],
    count,
  };
});

const formal = csvCuts;
// Every cut the report screen offers: any subset of gender, age band, location (or region) and
// activity type.
const axes = ["gender", "ageBand", "location", "activityType"] as const;
const everyCut = Array.from({ length: 16 }, (_, mask) =>
  axes.filter((_, i) => mask & (1 << i)),
).flatMap((cut): DisaggregationDimension[][] =>
  cut.includes("location") ? [cut, cut.map((d) => (d === "location" ? "region" : d))] : [cut],
);
const families: [string, readonly (readonly DisaggregationDimension[])[], boolean][] = [
  ["the seven CSV cuts of the issue, all records", formal, false],
  [
    "those plus age band and activity type, all records",
    [...formal, ["ageBand"], ["gender", "ageBand"], ["activityType"], ["gender", "activityType"]],
    false,
  ],
  ["the seven CSV cuts, every month, quarter and year of 2025-2026", formal, true],
  [
    "those plus age band and activity type, every month, quarter and year",
    [...formal, ["ageBand"], ["gender", "ageBand"], ["activityType"], ["gender", "activityType"]],
    true,
  ],
  [`every cut (${everyCut.length}), all records`, everyCut, false],
];

console.log(`${people} people in ${records.length} groups`);
for (const [name, cuts, withPeriods] of families) {
  const options = {
    age: { scheme: "sadd" as const, asOf: 2026 },
    ...(withPeriods ? { periods: { years } } : {}),
  };
  const times: number[] = [];
  let tables = disaggregateMany(records, cuts, options);
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    tables = disaggregateMany(records, cuts, options);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const counts = tables.flatMap((t) => [
    ...t.cells,
    ...Object.values(t.margins).flatMap((c) => c ?? []),
    t.total,
  ]);
  const hidden = counts.filter((c) => c.suppressed).length;
  console.log(
    `${name}: ${tables.length} tables, ${counts.length} published counts, ${hidden} withheld; ` +
      `median ${times[2]?.toFixed(0)} ms (min ${times[0]?.toFixed(0)}, max ${times[4]?.toFixed(0)}) over 5 runs`,
  );
}
