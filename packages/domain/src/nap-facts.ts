import type { InterventionLevel } from "./geography";
import type { NapFact, NapObjective, NapPillar, NapSource } from "./nap-schema";
import type { WpsPillar } from "./wps-pillars";

// Builders the dataset files share, so that each fact reads as one line of data. Not exported
// from the package: consumers read facts, they do not write them.

/** The day every source of this dataset version was read. */
const accessedOn = "2026-12-08";

/** A source read on {@link accessedOn}. */
export function source(url: string, title: string): NapSource {
  return { url, title, accessed: accessedOn };
}

/** A sourced fact, with an optional note (a disagreement between sources, a precision). */
export function sourced<Value>(value: Value, sources: NapSource[], note?: string): NapFact<Value> {
  return note === undefined
    ? { status: "sourced", value, sources }
    : { status: "sourced", value, sources, note };
}

/** A fact that was looked for and not settled, with why and what was consulted. */
export function notVerified(reason: string, consulted: NapSource[] = []): NapFact<never> {
  return { status: "not-verified", reason, consulted };
}

/** An objective's wording, with the levels it names if it names any. */
type ObjectiveInput = string | { readonly text: string; readonly levels: InterventionLevel[] };

/**
 * A plan pillar with ids derived from its plan and position: `GE-4.p1`, `GE-4.p1.o3`.
 */
export function pillar(
  planId: string,
  position: number,
  name: string,
  genericPillars: WpsPillar[],
  mapping: NapPillar["mapping"],
  objectives: ObjectiveInput[] = [],
): NapPillar {
  const id = `${planId}.p${position}`;
  return {
    id,
    name,
    genericPillars,
    mapping,
    objectives: objectives.map((objective, index): NapObjective => {
      const objectiveId = `${id}.o${index + 1}`;
      return typeof objective === "string"
        ? { id: objectiveId, text: objective }
        : { id: objectiveId, text: objective.text, levels: objective.levels };
    }),
  };
}
