#!/usr/bin/env node
// The published packages as a stranger gets them: `pnpm pack` each one, install the tarballs
// into a fresh project in the temp folder (outside the workspace, so nothing leaks in through
// pnpm's links), then import them from ESM and CJS, type-check a TypeScript consumer with
// `moduleResolution: "nodenext"` and `"bundler"` (the latter also under `exactOptionalPropertyTypes`),
// and render a UI component on the server. The imports run twice: plainly, and with
// `node --conditions=development`, the flag a consumer's dev tooling may pass — the packages must
// never answer it with their TypeScript source (they reach it only through the private
// `@peacelearn/source` condition).
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const catalog = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
/** The workspace's pinned version of a dependency, so the consumer sees what we test with. */
function pinned(name) {
  const escaped = name.replace(/[/@]/g, (c) => `\\${c}`);
  const match = new RegExp(`^\\s+"?${escaped}"?:\\s*(\\S+)$`, "m").exec(catalog);
  if (!match) throw new Error(`${name} is not in the pnpm catalog`);
  return `${name}@${match[1]}`;
}

function sh(command, args, cwd) {
  console.log(`  $ ${command} ${args.join(" ")}`);
  execFileSync(command, args, { cwd, stdio: "inherit" });
}

const pnpm = join(root, "node_modules", ".bin", "pnpm");
const work = mkdtempSync(join(tmpdir(), "peacelearn-consumer-"));
const packs = join(work, "packs");
const project = join(work, "project");

try {
  console.log(`consumer test in ${work}`);
  for (const pkg of ["domain", "ui"]) {
    sh(pnpm, ["pack", "--pack-destination", packs], join(root, "packages", pkg));
  }
  const tarballs = readdirSync(packs).map((file) => join(packs, file));
  console.log(`  packed: ${tarballs.map((t) => t.split("/").pop()).join(", ")}`);

  cpSync(join(here, "fixture"), project, { recursive: true });
  sh(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      ...tarballs,
      pinned("zod"),
      pinned("react"),
      pinned("react-dom"),
      pinned("typescript"),
      pinned("@types/react"),
      pinned("@types/react-dom"),
    ],
    project,
  );

  for (const conditions of [[], ["--conditions=development"]]) {
    sh("node", [...conditions, "esm.mjs"], project);
    sh("node", [...conditions, "cjs.cjs"], project);
  }
  for (const resolution of ["nodenext", "bundler", "exact-optional"]) {
    sh(
      join(project, "node_modules", ".bin", "tsc"),
      ["-p", `tsconfig.${resolution}.json`],
      project,
    );
  }
  writeFileSync(join(work, "ok"), "");
  console.log(
    "consumer test passed: ESM, CJS (also with --conditions=development), TypeScript (nodenext, bundler, exactOptionalPropertyTypes), server render",
  );
} finally {
  if (!process.env.KEEP_CONSUMER_TEST) rmSync(work, { recursive: true, force: true });
}
