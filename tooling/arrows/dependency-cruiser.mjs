// The workspace's arrows, enforced (`pnpm run lint:arrows`): no import cycle anywhere, packages
// never import apps, and inside apps/learn routes → modules → lib with a fixed direction between
// modules. Paths are resolved (tsconfig `~/` alias, workspace packages to their source, type-only
// imports included), so a rule cannot be dodged by spelling an import differently.
// `process.env` is Biome's job (`style/noProcessEnv` in biome.json): this tool sees imports only.
import { fileURLToPath } from "node:url";

const app = "^apps/learn/app/";
const moduleDir = `${app}modules/`;
// The arrow rules bind tests too: a test that drives a route sits next to it in routes/, and
// fixtures a module's tests share with other modules live in the test kit, apps/learn/app/test/.
// The app's entry files sit above routes: nothing below may import them.
const appEntries = `${app}(root\\.tsx|entry\\.server\\.tsx|routes\\.ts)$`;

/**
 * Modules every module may import (who is signed in, what happened): they import no other
 * module but each other one way (auth → audit), so they can never close a circle.
 */
const foundation = ["auth", "audit"];

/**
 * Which other modules each module may import, besides `foundation`. It is the current direction,
 * written down: the learner area is learning → courses, assessment, certificates; certificates →
 * assessment → courses; courses imports none of them. An arrow not listed here is an error, and so is a
 * module not listed at all: adding one is a decision, taken here, not a side effect of an import.
 */
const moduleArrows = {
  audit: [],
  // Account recovery writes its audit entries in the same transaction as the change.
  auth: ["audit"],
  courses: [],
  attendance: [],
  assessment: ["courses"],
  // Pre/post tests and reactions (ADR 029): graded like checks, read from the course content.
  evaluation: ["assessment", "courses"],
  certificates: ["assessment", "courses"],
  // Open Badges credentials are made from certificates (ADR 031).
  credentials: ["certificates"],
  learning: ["courses", "assessment", "certificates", "credentials"],
  cohorts: ["attendance", "courses", "learning"],
  accompaniment: [],
  // Advocacy action plans (ADR 033): steps linked to the accompaniment log's follow-ups, modules
  // of her courses.
  "action-plans": ["accompaniment", "courses"],
  // The trainer's workshop kit (ADR 030): a workshop's cohort and the course's pre/post tests.
  "workshop-kit": ["cohorts", "courses", "evaluation"],
  // Learning gain is exported to IATI with the other results (ADR 029).
  reports: ["evaluation"],
  admin: ["reports"],
};

function allowedFrom(name) {
  return foundation.includes(name) ? moduleArrows[name] : [...foundation, ...moduleArrows[name]];
}

assertAcyclic(moduleArrows);

const moduleRules = Object.keys(moduleArrows).map((name) => {
  const allowed = allowedFrom(name);
  return {
    name: `module-arrow-${name}`,
    comment:
      allowed.length === 0
        ? `modules/${name} imports no other module.`
        : `modules/${name} may import only modules/{${allowed.join(", ")}}; anything else points up or sideways (see moduleArrows in tooling/arrows/dependency-cruiser.mjs).`,
    severity: "error",
    from: { path: `${moduleDir}${name}/` },
    to: { path: moduleDir, pathNot: `${moduleDir}(${[name, ...allowed].join("|")})/` },
  };
});

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: "no-circular",
      comment: "A circle is a bug: move the shared piece into a module both sides import.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment:
        "Every import must resolve, or the arrows above would pass unchecked. React Router's generated `./+types/*` are the only exception.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true, pathNot: "/\\+types/" },
    },

    // Packages: apps → packages, ui → domain, db → domain, never back.
    {
      name: "packages-not-to-apps",
      comment: "A package never imports an app.",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^apps/" },
    },
    {
      name: "domain-only-zod",
      comment:
        "@peacelearn/domain imports nothing but zod and itself: no React, no Node APIs, no other package.",
      severity: "error",
      from: { path: "^packages/domain/src/", pathNot: "\\.test\\.ts$" },
      to: {
        pathNot: ["^packages/domain/src/", "(^|/)node_modules/zod/"],
      },
    },
    {
      name: "ui-only-domain",
      comment: "@peacelearn/ui may use @peacelearn/domain, never db or curriculum.",
      severity: "error",
      from: { path: "^packages/ui/" },
      to: { path: "^packages/(db|curriculum)/" },
    },
    {
      name: "db-only-domain",
      comment: "@peacelearn/db may use @peacelearn/domain, never ui or curriculum.",
      severity: "error",
      from: { path: "^packages/db/" },
      to: { path: "^packages/(ui|curriculum)/" },
    },
    {
      name: "curriculum-not-to-ui",
      comment:
        "@peacelearn/curriculum is content and its importer: it uses db and domain, never ui.",
      severity: "error",
      from: { path: "^packages/curriculum/" },
      to: { path: "^packages/ui/" },
    },

    // The app: routes → modules → lib.
    {
      name: "lib-not-up",
      comment:
        "app/lib is the bottom layer: it never imports modules, components, routes or the app's entry files.",
      severity: "error",
      from: { path: `${app}lib/` },
      to: { path: [`${app}(modules|components|routes)/`, appEntries] },
    },
    {
      name: "modules-not-to-routes",
      comment:
        "Nothing in modules/ imports routes/ (or the app's entry files); a test that drives a route belongs next to it in routes/.",
      severity: "error",
      from: { path: moduleDir },
      to: { path: [`${app}routes/`, appEntries] },
    },
    {
      name: "components-not-to-routes",
      comment: "Shared components never import routes/ or the app's entry files.",
      severity: "error",
      from: { path: `${app}components/` },
      to: { path: [`${app}routes/`, appEntries] },
    },
    {
      name: "components-only-foundation-modules",
      comment: `Shared components sit below the feature modules: they may import only modules/{${foundation.join(", ")}}.`,
      severity: "error",
      from: { path: `${app}components/` },
      to: { path: moduleDir, pathNot: `${moduleDir}(${foundation.join("|")})/` },
    },
    ...moduleRules,
    {
      name: "module-not-in-arrows",
      comment:
        "A module missing from moduleArrows in tooling/arrows/dependency-cruiser.mjs: add it there, with the modules it may import.",
      severity: "error",
      from: { path: `${moduleDir}(?!(?:${Object.keys(moduleArrows).join("|")})/)([^/]+)/` },
      to: { path: moduleDir, pathNot: `${moduleDir}$1/` },
    },
  ],
  options: {
    doNotFollow: { path: "(^|/)node_modules/" },
    exclude: {
      path: [
        "(^|/)(dist|build|\\.react-router|\\.turbo|storybook-static|coverage|test-results|playwright-report)/",
        "(^|/)src/generated/",
        // Installed into a throw-away project from packed tarballs, not resolved in the workspace.
        "^tooling/consumer-test/fixture/",
      ],
    },
    // Type-only imports count: a circle of types is still a circle between files.
    tsPreCompilationDeps: true,
    // apps/learn's `~/` alias, based where that tsconfig is (see the tsconfig next to this file).
    tsConfig: { fileName: fileURLToPath(new URL("./tsconfig.json", import.meta.url)) },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      // Workspace packages resolve to their source, as vitest, tsc and the dev server see them.
      conditionNames: ["@peacelearn/source", "types", "import", "require", "node", "default"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".tsx", ".d.ts", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"],
    },
    skipAnalysisNotInRules: true,
  },
};

/** Throws when the allowed arrows themselves close a circle, or name a module not in the map. */
function assertAcyclic(arrows) {
  const state = new Map();
  const visit = (name, path) => {
    if (!(name in arrows)) throw new Error(`moduleArrows: unknown module "${name}"`);
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") {
      throw new Error(`moduleArrows close a circle: ${[...path, name].join(" → ")}`);
    }
    state.set(name, "visiting");
    for (const next of allowedFrom(name)) visit(next, [...path, name]);
    state.set(name, "done");
  };
  for (const name of Object.keys(arrows)) visit(name, []);
}
