import type { Db } from "@peacelearn/db";
import {
  type DatedDisaggregationRecord,
  type DisaggregationDimension,
  disaggregateMany,
  GenderSchema,
  type LinkedDisaggregationResult,
  LocationCodeSchema,
} from "@peacelearn/domain";
import { countFormalUnits } from "./report-queries.server";
import {
  type FormalCutId,
  formalAgeScheme,
  formalCuts,
  formalMinCellSize,
  type ReportMeasure,
  type ReportPeriod,
} from "./schema";

/**
 * What the formal tier counts: one family of tables per count, each from ONE `disaggregateMany`
 * call (ADR 024). Pass rates are published as two disjoint counts — person × check pairs passed
 * and not passed — protected as two families: they share no unit, so no published equation links
 * them, and a rate is shown only where both are. (Publishing the pairs attempted as well would
 * make `attempted − passed` a third, unprotected table.)
 */
export const formalCounts = [
  "enrolments",
  "completions",
  "checksPassed",
  "checksNotPassed",
  "attendance",
  "accompaniment",
] as const;
export type FormalCount = (typeof formalCounts)[number];

/** The formal counts a measure is published from. */
export const countsOfMeasure: { [measure in ReportMeasure]: readonly FormalCount[] } = {
  enrolments: ["enrolments"],
  completions: ["completions"],
  passRates: ["checksPassed", "checksNotPassed"],
  attendance: ["attendance"],
  accompaniment: ["accompaniment"],
};

const measureOfCount: { [count in FormalCount]: ReportMeasure } = {
  enrolments: "enrolments",
  completions: "completions",
  checksPassed: "passRates",
  checksNotPassed: "passRates",
  attendance: "attendance",
  accompaniment: "accompaniment",
};

/** A protected family: every cut of {@link formalCuts} for every month, quarter and year. */
export type FormalFamily = {
  count: FormalCount;
  /** The years that have data, ascending (empty: nothing to publish). */
  years: number[];
  /** The table of a cut for a period, or undefined for a period outside `years`. */
  table(cut: FormalCutId, period: ReportPeriod): LinkedDisaggregationResult | undefined;
  /** Every table of the family, as published (for the attack test and the bench). */
  tables: readonly LinkedDisaggregationResult[];
};

/**
 * The date ages are reached at for the whole family: the end of the current year. One date for
 * every table and period (a person is in one band everywhere, as `disaggregateMany` requires).
 */
function formalAsOf(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), 11, 31));
}

/** The formal units of one count, as dated records for `disaggregateMany` (one per SQL group). */
export async function formalRecords(
  db: Db,
  count: FormalCount,
  now = new Date(),
): Promise<DatedDisaggregationRecord[]> {
  const rows = await countFormalUnits(db, measureOfCount[count], {
    scheme: formalAgeScheme,
    asOf: formalAsOf(now),
  });
  const records: DatedDisaggregationRecord[] = [];
  for (const row of rows) {
    const n =
      count === "checksPassed"
        ? row.passed
        : count === "checksNotPassed"
          ? row.n - row.passed
          : row.n;
    if (n <= 0) continue;
    records.push({
      gender: GenderSchema.safeParse(row.gender).data ?? null,
      ageBand: row.ageBand,
      location: LocationCodeSchema.safeParse(row.locationCode).data ?? null,
      month: row.month,
      count: n,
    });
  }
  return records;
}

/** Protects a count's records as one family: every formal cut, every period of their years. */
export function protectFamily(
  count: FormalCount,
  records: readonly DatedDisaggregationRecord[],
  now = new Date(),
): FormalFamily {
  const years = [...new Set(records.map((record) => Number(record.month?.slice(0, 4))))].sort(
    (a, b) => a - b,
  );
  if (years.length === 0) return { count, years, table: () => undefined, tables: [] };
  const cutIds = Object.keys(formalCuts) as FormalCutId[];
  const tables = disaggregateMany(
    records,
    cutIds.map((id) => formalCuts[id] as readonly DisaggregationDimension[]),
    {
      minCellSize: formalMinCellSize,
      age: { scheme: formalAgeScheme, asOf: formalAsOf(now) },
      periods: { years },
    },
  );
  const byId = new Map<string, LinkedDisaggregationResult>();
  const perCut = tables.length / cutIds.length;
  tables.forEach((table, i) => {
    const cut = cutIds[Math.floor(i / perCut)] as FormalCutId;
    byId.set(`${cut}|${table.period?.code}`, table);
  });
  return { count, years, table: (cut, period) => byId.get(`${cut}|${period}`), tables };
}

/**
 * Families are computed once per count and data version. The data version is the family's own
 * input — the grouped records its query returns (a few hundred to a few thousand groups), and the
 * year ages are reached in — so the cache never serves figures older than the database; what it
 * saves is the protection, the expensive part.
 */
const cache = new Map<string, { key: string; family: FormalFamily }>();

/** The protected family of one count (cached per count, year of `now` and records). */
export async function loadFormalFamily(
  db: Db,
  count: FormalCount,
  now = new Date(),
): Promise<FormalFamily> {
  const records = await formalRecords(db, count, now);
  const key = `${now.getUTCFullYear()}|${JSON.stringify(records)}`;
  const cached = cache.get(count);
  if (cached?.key === key) return cached.family;
  const family = protectFamily(count, records, now);
  cache.set(count, { key, family });
  return family;
}
