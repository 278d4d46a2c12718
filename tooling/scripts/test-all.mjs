#!/usr/bin/env node
// `npm test`: everything CI checks, in the order a failure is cheapest to find.
import { install, pnpm, run } from "./lib.mjs";

install();
// Formatting and lint of every file.
pnpm(["exec", "biome", "ci", "."]);
// Generated code (the Prisma client, embedded migrations, React Router's route types) exists
// before anything that follows imports.
run("turbo", ["run", "generate"]);
// The arrows: no import cycle, no upward import between packages, layers and modules
// (tooling/arrows/dependency-cruiser.mjs). `process.env` outside env.server.ts is Biome's, above.
pnpm(["run", "lint:arrows"]);
// Unused files, exports and dependencies (knip.jsonc).
pnpm(["run", "lint:unused"]);
// Per package: publint + attw (published packages), typecheck, build, unit and database tests on
// embedded PGlite, then the database suite again on the PostgreSQL server (TEST_DATABASE_URL).
run("turbo", ["run", "lint", "typecheck", "build", "test", "--concurrency=2"]);
run("turbo", ["run", "test:postgres"], { env: { TEST_DATABASE_TARGET: "postgres" } });
// The component gallery: static build, then axe on every story in Debian's Chromium.
run("turbo", ["run", "test:gallery"]);
// Published packages as a stranger gets them: packed tarballs in a project outside the workspace.
pnpm(["run", "test:consumer"]);
// The release flow against a local registry: changeset version + publish, install, import.
pnpm(["run", "test:release"]);
// The built app in Debian's Chromium, with and without JavaScript.
pnpm(["--filter", "@peacelearn/learn", "run", "test:e2e"]);
console.log("\n✔ all checks passed");
