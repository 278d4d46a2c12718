#!/usr/bin/env node
// Requests per second and p99 latency of the lesson page and the course page under 50 concurrent
// connections, next to the framework floor (a bare React Router page served the same way) in the
// same run. Run on demand: `pnpm --filter @peacelearn/bench bench:pages` (builds what it needs).
// Prints a table and the ratio to the floor; the targets are ≥ 0.5× the floor and p99 < 100 ms.
import { measure, report, signIn, withServers } from "./lib.mjs";

await withServers({ appPort: 4610, floorPort: 4611 }, async ({ app, floor }) => {
  // A demo trainee's session, and the first lesson of the first course they can open.
  const headers = await signIn(
    app,
    process.env.BENCH_EMAIL ?? "musu.pewee@demo.peacelearn.example",
  );
  const catalogue = await (await fetch(`${app}/courses`, { headers })).text();
  const coursePath = /href="(\/courses\/[a-z0-9-]+)"/.exec(catalogue)?.[1];
  if (!coursePath) throw new Error("no course on /courses");
  const course = await (await fetch(`${app}${coursePath}`, { headers })).text();
  const lessonPath = new RegExp(`href="(${coursePath}/lessons/[a-z0-9-]+)"`).exec(course)?.[1];
  if (!lessonPath) throw new Error(`no lesson link on ${coursePath}`);

  report(
    await measure([
      ["framework floor (bare React Router page)", `${floor}/`, {}],
      [`course page ${coursePath}`, `${app}${coursePath}`, headers],
      [`lesson page ${lessonPath}`, `${app}${lessonPath}`, headers],
    ]),
  );
});
