#!/usr/bin/env node
// Requests per second and p99 latency of the cohort dashboard (/trainer/cohorts/:cohortId: the
// roster with every trainee's progress, attendance and needs-help flags) for a demo cohort, signed
// in as its trainer, under 50 concurrent connections, next to the framework floor (a bare React
// Router page served the same way) in the same run. Run on demand: `node bench/cohort-dashboard.mjs`
// (builds what it needs; BENCH_SKIP_BUILD=1 reuses the current builds). Not part of the test suite.
import { measure, report, signIn, withServers } from "./lib.mjs";

// The Monrovia demo cohort's trainer (packages/db/src/seed/demo-people.ts): 18 trainees.
const trainer = process.env.BENCH_EMAIL ?? "hawa.kpoto@demo.peacelearn.example";

await withServers({ appPort: 4620, floorPort: 4621 }, async ({ app, floor }) => {
  const headers = await signIn(app, trainer);
  const list = await (await fetch(`${app}/trainer/cohorts`, { headers })).text();
  const cohortPath = /href="(\/trainer\/cohorts\/(?!new")[a-z0-9]+)"/.exec(list)?.[1];
  if (!cohortPath) throw new Error(`no cohort of ${trainer} on /trainer/cohorts`);

  report(
    await measure([
      ["framework floor (bare React Router page)", `${floor}/`, {}],
      [`cohort dashboard ${cohortPath}`, `${app}${cohortPath}`, headers],
    ]),
  );
});
