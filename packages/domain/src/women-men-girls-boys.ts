import { ageBands, isUnder18Band } from "./age";
import type { DisaggregationResult } from "./disaggregate";
import type { DisaggregationDimension, DisaggregationKey } from "./disaggregation-dimensions";
import {
  type Gender,
  genders,
  type WomenMenGirlsBoysGroup,
  womenMenGirlsBoysGroupOf,
  womenMenGirlsBoysGroups,
} from "./gender";

/** A count of women, men, girls or boys (or one of the other groups), within the other dimensions. */
export interface WomenMenGirlsBoysCell {
  readonly group: WomenMenGirlsBoysGroup;
  /** The result's other dimensions (e.g. `{ location: "LR" }`); empty when it had only gender and age. */
  readonly key: DisaggregationKey<Exclude<DisaggregationDimension, "gender" | "ageBand">>;
  /** `null` when any count it adds up is hidden. */
  readonly count: number | null;
  readonly suppressed: boolean;
}

/**
 * Re-reads a result counted by `gender` and `ageBand` as women, men, girls and boys (plus the groups
 * for unknown age, another gender, "prefer not to say" and "not recorded"), keeping any other
 * dimension. Each group adds up published cells only, and is hidden as soon as one of them is, so it
 * reveals nothing the result did not. Count with the `child-adult` scheme for the fewest hidden
 * groups.
 *
 * @throws RangeError when the result lacks `gender` or `ageBand`, or its scheme has a band that
 * straddles 18 (Sendai's 15–64), which cannot tell girls from women.
 */
export function describeAsWomenMenGirlsBoys(result: DisaggregationResult): WomenMenGirlsBoysCell[] {
  const scheme = result.ageScheme;
  if (!result.by.includes("gender") || !result.by.includes("ageBand") || !scheme) {
    throw new RangeError(
      "describeAsWomenMenGirlsBoys needs a result counted by gender and ageBand",
    );
  }
  const straddling = ageBands[scheme].find((band) => isUnder18Band(scheme, band.code) === null);
  if (straddling) {
    throw new RangeError(
      `The ${scheme} band ${straddling.code} straddles 18: use child-adult, sadd or youth`,
    );
  }
  const others = result.by.filter(
    (dimension): dimension is Exclude<DisaggregationDimension, "gender" | "ageBand"> =>
      dimension !== "gender" && dimension !== "ageBand",
  );
  const groups = new Map<
    string,
    {
      group: WomenMenGirlsBoysGroup;
      key: WomenMenGirlsBoysCell["key"];
      count: number;
      suppressed: boolean;
    }
  >();
  // Seed every group × other-key combination in a stable order, so empty groups still show as 0.
  const otherKeys = new Map<string, WomenMenGirlsBoysCell["key"]>();
  for (const cell of result.cells) {
    const key = keyOf(cell.key, others);
    otherKeys.set(JSON.stringify(key), key);
  }
  for (const key of otherKeys.values()) {
    for (const group of womenMenGirlsBoysGroups) {
      groups.set(JSON.stringify([group, key]), { group, key, count: 0, suppressed: false });
    }
  }
  for (const cell of result.cells) {
    const gender = cell.key.gender;
    if (!isGender(gender)) throw new RangeError(`Unknown gender ${String(gender)} in a cell key`);
    const group = womenMenGirlsBoysGroupOf(gender, isUnder18Band(scheme, cell.key.ageBand ?? ""));
    const key = keyOf(cell.key, others);
    const entry = groups.get(JSON.stringify([group, key]));
    if (!entry) continue;
    if (cell.suppressed || cell.count === null) entry.suppressed = true;
    else entry.count += cell.count;
  }
  return [...groups.values()].map(({ group, key, count, suppressed }) => ({
    group,
    key,
    count: suppressed ? null : count,
    suppressed,
  }));
}

function isGender(value: unknown): value is Gender {
  return (genders as readonly unknown[]).includes(value);
}

/** The part of a cell's key in the given dimensions. */
function keyOf(
  key: DisaggregationKey,
  dimensions: readonly Exclude<DisaggregationDimension, "gender" | "ageBand">[],
): WomenMenGirlsBoysCell["key"] {
  return Object.fromEntries(dimensions.map((dimension) => [dimension, key[dimension]]));
}
