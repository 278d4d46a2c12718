// The learning-gain family of the demo course, attacked as a reader would: every table (the
// course's 7 cuts, and its cohorts' totals and cells by sex) together by the domain's integer-program attacker for the
// counts, and every residual a reader can form from the means (a cell minus the cells of any
// table inside it) for the groups they describe.
import { seedDemo } from "@peacelearn/db";
import { type DisaggregationRecord, defaultMinCellSize } from "@peacelearn/domain";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import {
  attackFamily,
  type PublishedTable,
} from "../../../../../packages/domain/test-support/family-attacker";
import { trueCount } from "../../../../../packages/domain/test-support/truth";
import { evaluationMinCellSize, gainTable, loadGainFamily } from "./gain.server";
import { categorise, evaluationCutIds } from "./protected-means.server";
import { loadReactionFamily } from "./reaction.server";

const NOW = new Date("2026-11-27T10:00:00Z");
const getDb = useTestDatabase((db) => seedDemo(db, { now: NOW }));
// The formal tier's threshold (reports' formalMinCellSize is the domain default); the reports
// route passes the formal age scheme, any scheme protects alike.
const k = defaultMinCellSize;
const ageScheme = "sadd";

async function demoFamily() {
  const course = await getDb().course.findFirstOrThrow({
    where: { prePostTests: { some: {} } },
    select: { id: true },
  });
  return loadGainFamily(getDb(), course.id, { ageScheme, now: NOW });
}

type Cell = { key: Record<string, string>; count: number | null };
/** Every published cell of a table, with its period folded into the key as the attacker does. */
function cellsOf(table: PublishedTable): Cell[] {
  const period = table.period ? { [table.period.level]: table.period.code } : {};
  return [
    ...table.cells.map((cell) => ({
      key: { ...(cell.key as Record<string, string>), ...period },
      count: cell.count,
    })),
    { key: period, count: table.total.count },
  ];
}

/** Does the cell `inner` lie inside `outer` (every category of outer, and its period)? */
function inside(inner: Record<string, string>, outer: Record<string, string>): boolean {
  return Object.entries(outer).every(([dimension, value]) => {
    if (dimension === "year") return (inner.month ?? inner.year ?? "").startsWith(value);
    return inner[dimension] === value;
  });
}

describe("learning gain per course and cohort", () => {
  it("publishes the pre and post means of the people counted, and their gain", async () => {
    const family = await demoFamily();
    const table = gainTable(family, "total", null);
    // Independent: the first pre and post score of everyone with both, straight from the table.
    const attempts = await getDb().prePostTestAttempt.findMany({
      orderBy: [{ takenAt: "asc" }, { id: "asc" }],
      select: { userId: true, score: true, knowledgeCheck: { select: { kind: true } } },
    });
    const first = new Map<string, { pre?: number; post?: number }>();
    for (const attempt of attempts) {
      const person = first.get(attempt.userId) ?? {};
      const kind = attempt.knowledgeCheck.kind as "pre" | "post";
      person[kind] ??= attempt.score;
      first.set(attempt.userId, person);
    }
    const pairs = [...first.values()].filter((p) => p.pre !== undefined && p.post !== undefined);
    const mean = (values: number[]) =>
      Math.round((10 * values.reduce((a, b) => a + b, 0)) / values.length) / 10;
    const pre = mean(pairs.map((p) => p.pre ?? 0));
    const post = mean(pairs.map((p) => p.post ?? 0));
    expect(pairs.length).toBeGreaterThanOrEqual(evaluationMinCellSize);
    expect(table?.total).toMatchObject({ n: pairs.length, pre, post });
    expect(table?.total.gain).toBeCloseTo(post - pre, 1);
    expect(post).toBeGreaterThan(pre); // the seed's learners mostly improve
    // (post − pre) / (100 − pre), from the unrounded means of the table.
    expect(table?.total.normalisedGain).toBeCloseTo((post - pre) / (100 - pre), 1);
    // A cohort's own table, and a withheld cell says nothing.
    const cohort = family.cohorts[0];
    const byCohort = gainTable(family, "ageRegion", cohort?.id ?? null);
    expect(
      byCohort?.cells.some((cell) => cell.n === null && cell.pre === null && cell.gain === null),
    ).toBe(true);
    for (const cell of byCohort?.cells ?? [])
      if (cell.n !== null && cell.n > 0)
        expect(cell.n).toBeGreaterThanOrEqual(evaluationMinCellSize);
    expect(gainTable(family, "total", "not-a-cohort")).toBeNull();
  });
});

async function reactionFamily() {
  const course = await getDb().course.findFirstOrThrow({
    where: { prePostTests: { some: {} } },
    select: { id: true },
  });
  return loadReactionFamily(getDb(), course.id, { ageScheme, now: NOW });
}

// Gain and reaction are published the same way: both families attacked alike.
describe.each([
  ["learning gain", demoFamily],
  ["reaction", reactionFamily],
] as const)("%s, attacked", (_name, familyOf) => {
  it("gives no small count away: every table of the course and its cohorts attacked together", async () => {
    const family = await familyOf();
    const truth: DisaggregationRecord[] = categorise(family.records, {
      scheme: ageScheme,
      asOf: family.asOf,
    }).map((record) => record.disaggregation);
    const m = evaluationMinCellSize;
    const small = (key: Readonly<Record<string, string>>) => {
      const count = trueCount(truth, key);
      return count >= 1 && count < m;
    };
    const ranges = attackFamily(family.means.tables, m, small);
    const narrowed = ranges.filter((range) => range.low > 0 || range.high < m - 1);
    // The course's 7 cuts, and the cohorts' totals and cells by sex.
    expect(family.means.tables).toHaveLength(evaluationCutIds.length + 2);
    expect(ranges.length).toBeGreaterThan(0);
    expect(narrowed).toEqual([]);
  }, 600_000);

  it("lets no mean be differenced down to fewer than k people: every cell minus any table inside it", async () => {
    const family = await familyOf();
    const cells = family.means.tables.flatMap((table) => cellsOf(table));
    const published = cells.filter((cell) => cell.count !== null && cell.count > 0);
    const tables = family.means.tables.map((table) => cellsOf(table));
    let residuals = 0;
    for (const outer of published) {
      for (const table of tables) {
        const within = table.filter(
          (cell) =>
            Object.keys(cell.key).length > Object.keys(outer.key).length &&
            inside(cell.key, outer.key),
        );
        if (within.length === 0) continue;
        // The reader subtracts the shown cells; what is left is a group she knows the size and the
        // mean of (sum = mean × n). It must be nobody, or at least k people.
        const shown = within.filter((cell) => cell.count !== null);
        const left = (outer.count ?? 0) - shown.reduce((sum, cell) => sum + (cell.count ?? 0), 0);
        residuals += 1;
        expect(left === 0 || left >= k, `${JSON.stringify(outer.key)} leaves ${left}`).toBe(true);
      }
    }
    expect(residuals).toBeGreaterThan(50);
  });
});
