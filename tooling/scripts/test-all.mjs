#!/usr/bin/env node
// `npm test`: everything CI checks, in the order a failure is cheapest to find.
import { install, pnpm } from "./lib.mjs";

install();
// Formatting and lint of every file, then publint + attw of the published packages.
pnpm(["exec", "biome", "ci", "."]);
pnpm(["turbo", "run", "lint", "typecheck", "build", "test"]);
// Published packages as a stranger gets them: packed tarballs in a project outside the workspace.
pnpm(["run", "test:consumer"]);
// The release flow against a local registry: changeset version + publish, install, import.
pnpm(["run", "test:release"]);
// The built app in Debian's Chromium.
pnpm(["--filter", "@peacelearn/learn", "run", "test:e2e"]);
console.log("\n✔ all checks passed");
