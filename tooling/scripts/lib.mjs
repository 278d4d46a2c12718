// Small helpers shared by the root scripts (`npm start`, `npm test`). Node built-ins only:
// these run before any dependency is installed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const PNPM_VERSION = "10.34.9";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19) || major === 21 || (major === 22 && minor < 12)) {
  console.error(`Peacelearn needs Node >= 20.19 (or >= 22.12); this is ${process.version}.`);
  process.exit(1);
}

/** Runs a command in the repository root, streaming its output; exits the script when it fails. */
export function run(command, args, options = {}) {
  const label = [command, ...args].join(" ");
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: {
      TURBO_TELEMETRY_DISABLED: "1",
      DO_NOT_TRACK: "1",
      ...process.env,
      // Turborepo spawns `pnpm run …` for each task and needs an absolute path to find it.
      PATH: `${join(root, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}`,
      ...options.env,
    },
  });
  if (result.status !== 0) {
    if (options.allowFailure) return false;
    console.error(`\n✖ failed: ${label}`);
    process.exit(result.status ?? 1);
  }
  return true;
}

/** pnpm, pinned: the workspace's own copy once installed, else fetched once through npx. */
export function pnpm(args, options) {
  const local = join(root, "node_modules", ".bin", "pnpm");
  if (existsSync(local)) return run(local, args, options);
  return run("npx", ["-y", `pnpm@${PNPM_VERSION}`, ...args], options);
}

/** Installs the workspace exactly as locked. */
export function install() {
  run("npx", ["-y", `pnpm@${PNPM_VERSION}`, "install", "--frozen-lockfile"]);
}
