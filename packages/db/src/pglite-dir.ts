import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DatabaseInUseError } from "./errors";

/** In-memory PGlite (tests, throw-away demos). */
export const IN_MEMORY = "memory://";

/**
 * Where the embedded database lives: the explicit option, else PGLITE_DIR, else
 * `<repo>/.data/pglite` — the repository root being the nearest folder above the working
 * directory with a pnpm-workspace.yaml (so `pnpm start` from the root and
 * `pnpm --filter @peacelearn/db …` from packages/db use the same folder). Outside a checkout,
 * `./.data/pglite`. `.data/` is gitignored.
 */
export function resolvePgliteDir(option?: string, env = process.env): string {
  const chosen = option ?? env.PGLITE_DIR;
  if (chosen) return chosen.startsWith("memory://") ? chosen : resolve(chosen);
  return join(findRepoRoot(process.cwd()) ?? process.cwd(), ".data", "pglite");
}

function findRepoRoot(from: string): string | undefined {
  let dir = resolve(from);
  while (true) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const heldLocks = new Set<string>();

/**
 * PGlite is a single-process database: two processes (say, the app and `prisma migrate dev`)
 * opening one folder corrupt it. A pid file beside the folder refuses the second opener with a
 * plain message; a lock left by a dead process is taken over. Returns the release function.
 */
export function acquirePgliteDirLock(dataDir: string): () => void {
  if (dataDir.startsWith("memory://")) return () => {};
  const lockFile = `${dataDir.replace(/[\\/]+$/, "")}.lock`;
  mkdirSync(dirname(lockFile), { recursive: true });
  const holder = readHolder(lockFile);
  if (holder !== undefined && (heldLocks.has(lockFile) || isAlive(holder))) {
    throw new DatabaseInUseError(dataDir, lockFile, holder);
  }
  writeFileSync(lockFile, String(process.pid));
  heldLocks.add(lockFile);
  const release = () => {
    if (!heldLocks.delete(lockFile)) return;
    if (readHolder(lockFile) === process.pid) rmSync(lockFile, { force: true });
  };
  process.once("exit", release);
  return release;
}

function readHolder(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
    return Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false; // our own stale lock from an earlier, unreleased open
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
