import { describe, expect, it } from "vitest";
import {
  CountryCodeSchema,
  conflictContextName,
  conflictContexts,
  countryCodes,
  LocationCodeSchema,
} from "./index";
import {
  IsoDaySchema,
  NapDatasetSchema,
  type NapSource,
  NationalActionPlanSchema,
  napDataset,
  napDatasetVersion,
  napFactSchema,
  napObjective,
  napSchemaVersion,
  nationalActionPlans,
  objectivesByGenericPillar,
  planInForce,
  plansByCountry,
  provisionsAbout,
} from "./naps";

type Fact =
  | { status: "sourced"; sources: NapSource[] }
  | { status: "not-verified"; reason: string };

/** Every object of the dataset that carries a `status`: each fact, wherever it sits. */
function factsIn(value: unknown, path = "dataset"): [string, Fact][] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => factsIn(item, `${path}[${index}]`));
  if (value === null || typeof value !== "object") return [];
  const own: [string, Fact][] = "status" in value ? [[path, value as Fact]] : [];
  return [
    ...own,
    ...Object.entries(value).flatMap(([key, child]) => factsIn(child, `${path}.${key}`)),
  ];
}

const facts = factsIn(napDataset);
const first = (date: string) => (date.length === 4 ? `${date}-01-01` : date.padEnd(10, "-01"));

describe("the NAP dataset", () => {
  it("validates against its schema, whole", () => {
    const parsed = NapDatasetSchema.safeParse(napDataset);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(napDataset.schemaVersion).toBe(napSchemaVersion);
    expect(napDataset.datasetVersion).toBe(napDatasetVersion);
  });

  it("has every programme country, once, in the order of countryCodes", () => {
    expect(napDataset.countries.map((entry) => entry.country)).toEqual([...countryCodes]);
  });

  it("gives every fact its sources or says it is not verified", () => {
    // 10 coverage statements and at least five facts per plan.
    expect(facts.length).toBeGreaterThanOrEqual(10 + 5 * nationalActionPlans.length);
    for (const [path, fact] of facts) {
      if (fact.status === "sourced") expect(fact.sources.length, path).toBeGreaterThan(0);
      else expect(fact.status, path).toBe("not-verified");
      if (fact.status === "not-verified") expect(fact.reason.trim(), path).not.toBe("");
    }
  });

  it("refuses a bare value, a sourced fact without a source and a silent not-verified", () => {
    const fact = napFactSchema(IsoDaySchema);
    expect(fact.safeParse("2019-11-25").success).toBe(false);
    expect(fact.safeParse({ status: "sourced", value: "2019-11-25", sources: [] }).success).toBe(
      false,
    );
    expect(fact.safeParse({ status: "not-verified", reason: "", consulted: [] }).success).toBe(
      false,
    );
    const plan = structuredClone(plansByCountry("LR")[1]);
    expect(NationalActionPlanSchema.safeParse(plan).success).toBe(true);
    const unsourced = {
      ...plan,
      leadInstitution: "Ministry of Gender, Children and Social Protection",
    };
    expect(NationalActionPlanSchema.safeParse(unsourced).success).toBe(false);
  });

  it("reads no source after the dataset's version", () => {
    const accessed = facts.flatMap(([, fact]) =>
      "sources" in fact ? fact.sources : "consulted" in fact ? (fact.consulted as NapSource[]) : [],
    );
    expect(accessed.length).toBeGreaterThan(50);
    for (const source of accessed)
      expect(source.accessed <= napDatasetVersion, source.url).toBe(true);
  });

  it("numbers each country's plans 1, 2, 3… with matching ids, oldest first", () => {
    for (const code of countryCodes) {
      const plans = plansByCountry(code);
      expect(plans.map((plan) => plan.edition)).toEqual(plans.map((_, index) => index + 1));
      for (const plan of plans) {
        expect(plan.id).toBe(`${code}-${plan.edition}`);
        expect(plan.country).toBe(code);
      }
      const starts = plans.flatMap((plan) =>
        plan.period.status === "sourced" ? [first(plan.period.value.from)] : [],
      );
      expect(starts).toEqual([...starts].sort());
    }
  });

  it("keeps dates consistent: a period ends after it starts, a plan is adopted before it ends", () => {
    for (const plan of nationalActionPlans) {
      if (plan.period.status !== "sourced") continue;
      const { from, to } = plan.period.value;
      if (to !== null) expect(to.slice(0, 4) >= from.slice(0, 4), plan.id).toBe(true);
      if (to !== null && plan.adopted.status === "sourced")
        expect(plan.adopted.value.slice(0, 4) <= to.slice(0, 4), plan.id).toBe(true);
      if (to !== null && plan.extendedTo?.status === "sourced")
        expect(plan.extendedTo.value > to, plan.id).toBe(true);
    }
  });

  it("names pillar and objective ids after their plan, uniquely", () => {
    const ids = nationalActionPlans.flatMap((plan) =>
      plan.pillars.status === "sourced"
        ? plan.pillars.value.flatMap((pillar) => {
            expect(pillar.id.startsWith(`${plan.id}.p`)).toBe(true);
            return [pillar.id, ...pillar.objectives.map((objective) => objective.id)];
          })
        : [],
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("records Sri Lanka's first plan, adopted in 2023, with its source", () => {
    const [plan, ...later] = plansByCountry("LK");
    expect(later).toEqual([]);
    expect(plan?.adopted).toMatchObject({ status: "sourced", value: "2023-02-27" });
  });
});

describe("Abkhazia in the NAP data", () => {
  it("is never a plan's country, only a conflict context under Georgia", () => {
    for (const plan of nationalActionPlans)
      expect(CountryCodeSchema.safeParse(plan.country).success).toBe(true);
    expect(napDataset.countries.some((entry) => (entry.country as string) === "GE-AB")).toBe(false);
    const provisions = provisionsAbout("GE-AB");
    expect(provisions.length).toBeGreaterThanOrEqual(3);
    for (const { plan, provision } of provisions) {
      for (const context of provision.contexts)
        expect(conflictContexts[context].parent).toBe(plan.country);
      expect(plan.country).toBe("GE");
    }
  });

  it("keeps the plan's own wording, sourced, in the Georgian official register", () => {
    const sourcedWordings = provisionsAbout("GE-AB").flatMap(({ provision }) =>
      provision.wording.status === "sourced" ? [provision] : [],
    );
    expect(sourcedWordings.length).toBeGreaterThanOrEqual(3);
    for (const provision of sourcedWordings) {
      expect(provision.wordingAudience).toBe("georgian-official");
      if (provision.wording.status === "sourced")
        expect(provision.wording.value).toMatch(/occupied territories/);
      // "Occupied territories" covers more than Abkhazia: the data says what else, not merges it.
      expect(provision.alsoCovers).toMatch(/Tskhinvali/);
    }
  });

  it("files each provision under a pillar of its own plan", () => {
    for (const { plan, provision } of provisionsAbout("GE-AB")) {
      if (provision.pillar === undefined) continue;
      expect(plan.pillars.status).toBe("sourced");
      if (plan.pillars.status === "sourced")
        expect(plan.pillars.value.map((pillar) => pillar.id)).toContain(provision.pillar);
    }
  });

  it("is named for the reader through the domain's audience labels, never as a state", () => {
    expect(LocationCodeSchema.parse("GE-AB")).toBe("GE-AB");
    expect(conflictContextName("GE-AB")).toBe("Abkhazia");
    expect(conflictContextName("GE-AB", { audience: "un", locale: "fr" })).toBe(
      "Abkhazie (Géorgie)",
    );
    expect(JSON.stringify(napDataset)).not.toMatch(
      /(?<!Autonomous )Republic of Abkhazia|Abkhaz(ia|ian) (state|government)/i,
    );
  });
});

describe("NAP lookups", () => {
  it("finds the plan in force on a day", () => {
    // Georgia: 2018–2020, then nothing until the 2022–2024 plan's adoption on 26 October 2022.
    expect(planInForce("GE", "2019-06-01")?.id).toBe("GE-3");
    expect(planInForce("GE", "2021-06-01")).toBeUndefined();
    expect(planInForce("GE", "2022-10-25")).toBeUndefined();
    expect(planInForce("GE", "2022-10-26")?.id).toBe("GE-4");
    // Nepal: no plan between February 2016 and September 2022 (WILPF).
    expect(planInForce("NP", "2016-02-29")?.id).toBe("NP-1");
    expect(planInForce("NP", "2018-01-01")).toBeUndefined();
    expect(planInForce("NP", "2022-09-22")?.id).toBe("NP-2");
    // Liberia's second plan, extended to December 2025.
    expect(planInForce("LR", "2025-12-31")?.id).toBe("LR-2");
    expect(planInForce("LR", "2026-01-01")).toBeUndefined();
    // The DRC's first plan set no end: in force until the second starts.
    expect(planInForce("CD", "2015-06-01")?.id).toBe("CD-1");
    expect(planInForce("CD", "2019-01-01")?.id).toBe("CD-2");
    // Guinea's second plan has no verified period: never reported in force.
    expect(planInForce("GN", "2015-06-01")).toBeUndefined();
    expect(() => planInForce("GE", "2019")).toThrow(RangeError);
  });

  it("lists objectives by generic pillar, leaving out coordination pillars", () => {
    const participation = objectivesByGenericPillar("participation", { country: "RW" });
    expect(participation.map((entry) => entry.objective.id)).toEqual(["RW-2.p1.o1", "RW-2.p5.o1"]);
    expect(participation[1]?.objective.levels).toEqual(["regional", "international"]);
    const all = ["participation", "protection", "prevention", "relief-and-recovery"] as const;
    const mapped = new Set(
      all.flatMap((pillar) => objectivesByGenericPillar(pillar)).map((e) => e.objective.id),
    );
    expect(mapped.has("SL-2.p6.o1")).toBe(false);
    expect(mapped.has("GE-4.p1.o3")).toBe(true);
  });

  it("resolves an objective id to its plan and pillar", () => {
    const found = napObjective("GE-4.p1.o4");
    expect(found?.plan.id).toBe("GE-4");
    expect(found?.pillar.genericPillars).toEqual(["participation"]);
    expect(found?.objective.text).toMatch(/peace negotiations/);
    expect(napObjective("GE-9.p1.o1")).toBeUndefined();
    expect(napObjective("nonsense")).toBeUndefined();
  });
});
