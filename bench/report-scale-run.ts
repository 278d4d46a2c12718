// The work of report-scale.mjs (run through it: it bounds the time and cleans up). Seeds a fresh
// PostgreSQL database with 10k then 100k trainees, then times the programme report — the very
// function the /reports page calls — next to a hand-written SQL aggregate of the same cut.
import { createDb, type Db } from "@peacelearn/db";
import { ageBands, countryCodes, locationCodes, regionOf } from "@peacelearn/domain";
import pg from "pg";
import { loadMeasureReport } from "../apps/learn/app/modules/reports/report.server";
import { defaultReportDimensions } from "../apps/learn/app/modules/reports/schema";

const adminUrl = process.env.BENCH_ADMIN_URL as string;
const databaseUrl = process.env.BENCH_DATABASE_URL as string;
const database = new URL(databaseUrl).pathname.slice(1);
const sizes = (process.env.BENCH_SIZES ?? "10000,100000").split(",").map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 5);
// Ages are computed at the end of the seeded year, as a report for 2026 would.
const now = new Date("2026-12-31T00:00:00Z");
const year = now.getUTCFullYear();

type Cut = { name: string; by: ("gender" | "ageBand" | "location" | "region" | "activityType")[] };
const cuts: Cut[] = [
  { name: "default: gender × age band × region", by: [...defaultReportDimensions] },
  {
    name: "finer: gender × age band × location × activity",
    by: ["gender", "ageBand", "location", "activityType"],
  },
];

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

// ── Seeding ─────────────────────────────────────────────────────────────────────────────────

const activityTypes = [
  "research-with-partners",
  "advocacy-bridging",
  "capacity-building-training",
  "accompaniment",
  "policy-recommendations",
  "specialist-support",
];
// Cohort locations, weighted by repetition: Abkhazia has one cohort in sixty.
const cohortLocations = [
  ...countryCodes.flatMap((code) => Array(code === "GE" ? 3 : 6).fill(code)),
  "GE-AB",
] as string[];
const COHORTS = 120;
const LESSONS = 20;
const CHECKS = 4;

async function seedStatic(client: pg.Client) {
  await client.query(`
    INSERT INTO "Course" ("id", "key", "publishedAt", "updatedAt") VALUES ('c1', 'bench', now(), now());
    INSERT INTO "Module" ("id", "courseId", "key", "position")
      SELECT 'm' || m, 'c1', 'm' || m, m FROM generate_series(1, ${CHECKS}) m;
    INSERT INTO "Lesson" ("id", "moduleId", "key", "position")
      SELECT 'l' || l, 'm' || (1 + (l - 1) / ${LESSONS / CHECKS}), 'l' || l, l FROM generate_series(1, ${LESSONS}) l;
    INSERT INTO "KnowledgeCheck" ("id", "moduleId", "key") SELECT 'k' || m, 'm' || m, 'k' FROM generate_series(1, ${CHECKS}) m;`);
  const values = Array.from({ length: COHORTS }, (_, k) => {
    const location = cohortLocations[k % cohortLocations.length] as string;
    const region = regionOf(location as never);
    const activity = activityTypes[(k * 7) % activityTypes.length] as string;
    return `('h${k}', 'c1', 'Cohort ${k}', ${quote(region)}, ${quote(location)}, DATE '2026-01-05' + ${k}, ${quote(activity)}, ${quote(k % 3 === 0 ? "15170" : "15220")}, ${k % 3}, now())`;
  });
  await client.query(
    `INSERT INTO "Cohort" ("id", "courseId", "name", "programmeRegion", "locationCode", "startsOn", "activityType", "dacSectorCode", "dacGenderMarker", "updatedAt") VALUES ${values.join(",")}`,
  );
}

/** Trainees from+1 … to: attributes, cohort membership, one enrolment, ~16 lessons, ~4 attempts. */
async function seedTrainees(client: pg.Client, from: number, to: number) {
  const locations = locationCodes.map(quote).join(",");
  // Independent pseudo-random numbers in [0, 1) per trainee and salt, from md5: deterministic, so
  // every run seeds the same people.
  const h = (salt: number) =>
    `(('x' || substr(md5(i || '-${salt}'), 1, 8))::bit(32)::bigint / 4294967296.0)`;
  await client.query(`
    CREATE TEMP TABLE t AS
      SELECT i, ${h(1)} AS g, ${h(2)} AS a, ${h(3)} AS l, ${h(4)} AS c, ${h(5)} AS p,
        floor(${h(6)} * ${COHORTS})::int AS k
      FROM generate_series(${from + 1}, ${to}) i;
    INSERT INTO "User" ("id", "email", "displayName", "gender", "birthYear", "locationCode", "updatedAt")
      SELECT 'u' || i, 'u' || i || '@bench.test', 'Trainee ' || i,
        CASE WHEN g < 0.49 THEN 'woman' WHEN g < 0.92 THEN 'man' WHEN g < 0.94 THEN 'another-gender'
             WHEN g < 0.98 THEN 'prefer-not-to-say' ELSE 'not-recorded' END,
        CASE WHEN a < 0.03 THEN NULL ELSE 1950 + floor(power(a, 0.6) * 58)::int END,
        CASE WHEN l < 0.02 THEN NULL
             WHEN l < 0.06 THEN (ARRAY[${locations}])[1 + floor(l * 1000)::int % ${locationCodes.length}]
             ELSE h."locationCode" END,
        now()
      FROM t JOIN "Cohort" h ON h."id" = 'h' || t.k;
    -- One in ten enrolled on their own, the others through their cohort.
    INSERT INTO "CohortMembership" ("cohortId", "userId", "joinedAt")
      SELECT 'h' || k, 'u' || i, TIMESTAMP '2026-01-05' + (c * 200) * INTERVAL '1 day' FROM t WHERE i % 10 <> 0;
    INSERT INTO "Enrolment" ("id", "userId", "courseId", "source", "enrolledAt", "completedAt")
      SELECT 'e' || i, 'u' || i, 'c1', CASE WHEN i % 10 = 0 THEN 'self' ELSE 'cohort' END,
        TIMESTAMP '2026-01-05' + (c * 200) * INTERVAL '1 day',
        CASE WHEN p < 0.4 THEN TIMESTAMP '2026-08-01' + (p * 100) * INTERVAL '1 day' END
      FROM t;
    INSERT INTO "LessonProgress" ("id", "userId", "lessonId", "startedAt", "lastViewedAt", "completedAt")
      SELECT 'p' || i || '-' || n, 'u' || i, 'l' || n, TIMESTAMP '2026-02-01', TIMESTAMP '2026-03-01',
        CASE WHEN n < 12 + floor(p * 9) THEN TIMESTAMP '2026-03-01' END
      FROM t, generate_series(1, ${LESSONS}) n WHERE n <= 12 + floor(p * 9);
    INSERT INTO "KnowledgeCheckAttempt" ("id", "knowledgeCheckId", "userId", "idempotencyKey", "answers", "score", "passed", "submittedAt")
      SELECT 'a' || i || '-' || m || '-' || r, 'k' || m, 'u' || i, 'a' || m || '-' || r, '{}'::jsonb,
        s, s >= 70, TIMESTAMP '2026-04-01' + (m * 7 + r) * INTERVAL '1 day'
      FROM t, generate_series(1, ${CHECKS}) m, generate_series(1, 2) r,
        LATERAL (SELECT ((i * 31 + m * 17 + r * 13) % 61 + 40)::int AS s) x
      WHERE m <= 1 + floor(p * ${CHECKS}) AND (r = 1 OR (i + m) % 3 = 0);
    DROP TABLE t;`);
  await client.query("VACUUM ANALYZE");
}

// ── The hand-written aggregate ──────────────────────────────────────────────────────────────

function ageBandSql(column: string) {
  const bands = ageBands.sadd
    .map((b) => `WHEN ${year} - ${column} <= ${b.maxAge ?? 1000} THEN ${quote(b.code)}`)
    .join(" ");
  return `CASE WHEN ${column} IS NULL OR ${column} > ${year} THEN 'unknown' ${bands} END`;
}

function regionSql(column: string) {
  const regions = locationCodes.map((code) => `WHEN ${quote(code)} THEN ${quote(regionOf(code))}`);
  return `CASE ${column} ${regions.join(" ")} ELSE 'unknown' END`;
}

/** GROUP BY the cut in SQL, no suppression: the floor the report is measured against. */
function handWrittenSql(cut: Cut): string {
  const column = {
    gender: `u."gender"`,
    ageBand: ageBandSql(`u."birthYear"`),
    region: regionSql(`u."locationCode"`),
    location: `COALESCE(u."locationCode", 'unknown')`,
    activityType: `COALESCE(k."activityType", 'unknown')`,
  };
  const columns = cut.by.map((dimension) => column[dimension]);
  // The earliest joined cohort of each (person, course), as the report defines activity type.
  const lateral = cut.by.includes("activityType")
    ? `LEFT JOIN (SELECT DISTINCT ON (m."userId", c."courseId") m."userId", c."courseId", c."activityType"
         FROM "CohortMembership" m JOIN "Cohort" c ON c."id" = m."cohortId"
         ORDER BY m."userId", c."courseId", m."joinedAt", c."id") k
       ON k."userId" = e."userId" AND k."courseId" = e."courseId"`
    : "";
  return `SELECT ${columns.map((c, i) => `${c} AS d${i}`).join(", ")}, COUNT(*)::int AS n
    FROM "Enrolment" e JOIN "User" u ON u."id" = e."userId" ${lateral}
    WHERE e."enrolledAt" IS NOT NULL GROUP BY ${columns.map((_, i) => i + 1).join(", ")}`;
}

// ── Timing ──────────────────────────────────────────────────────────────────────────────────

async function median(task: () => Promise<unknown>): Promise<number> {
  await task(); // warm-up: JIT, plans, pool
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

async function main() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const db: Db = await createDb({ databaseUrl, migrate: "apply" });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await seedStatic(client);
    const results: {
      size: number;
      cut: string;
      report: number;
      sql: number;
      cells: number;
      hidden: number;
    }[] = [];
    let seeded = 0;
    for (const size of sizes) {
      const start = performance.now();
      await seedTrainees(client, seeded, size);
      seeded = size;
      console.log(
        `seeded ${size.toLocaleString("en")} trainees in ${((performance.now() - start) / 1000).toFixed(1)} s`,
      );
      for (const cut of cuts) {
        const options = { by: cut.by, ageScheme: "sadd" as const, minCellSize: 5 };
        const sql = handWrittenSql(cut);
        const report = await loadMeasureReport(db, "enrolments", options, now);
        const all = [...report.result.cells, ...Object.values(report.result.margins).flat()];
        if (report.result.total.count !== size)
          throw new Error(`report total ${report.result.total.count} ≠ ${size}`);
        results.push({
          size,
          cut: cut.name,
          report: await median(() => loadMeasureReport(db, "enrolments", options, now)),
          sql: await median(() => db.$queryRawUnsafe(sql)),
          cells: report.result.cells.length,
          hidden: all.filter((cell) => cell?.suppressed).length,
        });
      }
    }
    print(results);
  } finally {
    await client.end();
    await db.$disconnect();
  }
}

function print(
  results: {
    size: number;
    cut: string;
    report: number;
    sql: number;
    cells: number;
    hidden: number;
  }[],
) {
  console.log(
    `\nProgramme report (enrolments), median of ${runs} runs after a warm-up, PostgreSQL server\n`,
  );
  const header = [
    "cut",
    "trainees",
    "cells",
    "hidden",
    "report ms",
    "SQL ms",
    "ratio",
    "growth 10×",
  ];
  const rows = results.map((r) => {
    const smaller = results.find((o) => o.cut === r.cut && o.size * 10 === r.size);
    return [
      r.cut,
      r.size.toLocaleString("en"),
      String(r.cells),
      String(r.hidden),
      r.report.toFixed(1),
      r.sql.toFixed(1),
      `${(r.report / r.sql).toFixed(2)}×`,
      smaller ? `${(r.report / smaller.report).toFixed(2)}×` : "",
    ];
  });
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] as string).length)),
  );
  for (const row of [header, ...rows]) {
    console.log(
      row
        .map((cell, i) =>
          i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number),
        )
        .join("  "),
    );
  }
  console.log(
    "\nTargets: report < 300 ms at 100k, ≤ 1.5× the SQL aggregate, growth 10k→100k ≤ 10× (linear).",
  );
}

await main();
