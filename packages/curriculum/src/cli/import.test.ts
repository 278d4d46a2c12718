import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createDb } from "@peacelearn/db";
import { createTestPglite } from "@peacelearn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCurriculum } from "../import/import-curriculum";
import { contentCounts, copyCourses } from "../import/test-helpers";
import { loadCurriculum } from "../load-curriculum";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

let workDir: string;
let dataDir: string;

/** Runs the CLI as `pnpm curriculum:import` does, against the test's PGlite folder. */
async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      join(packageDir, "node_modules/.bin/tsx"),
      ["--conditions=@peacelearn/source", "src/cli/import.ts", ...args],
      {
        cwd: packageDir,
        env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dataDir, INIT_CWD: workDir },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function countRows() {
  const db = await createDb({ pgliteDir: dataDir, migrate: "check" });
  try {
    return await contentCounts(db);
  } finally {
    await db.$disconnect();
  }
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "peacelearn-import-cli-"));
  dataDir = join(workDir, "db");
  // A migrated database folder holding one small course, closed again for the CLI to open.
  const db = await createDb({ pglite: await createTestPglite(dataDir), migrate: "check" });
  try {
    await importCurriculum(db, await loadCurriculum(fixture("valid-minimal")));
  } finally {
    await db.$disconnect();
  }
});
afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe("pnpm curriculum:import", () => {
  it("names file:line of every problem, exits 1 and writes nothing", async () => {
    // The real courses (valid) next to one invalid course: nothing at all may be imported.
    const copy = copyCourses();
    const coursesCopy = join(workDir, "courses");
    cpSync(copy.dir, coursesCopy, { recursive: true });
    copy.remove();
    cpSync(fixture("invalid-raw-html"), coursesCopy, { recursive: true });
    const before = await countRows();

    const result = await cli("--dir", "courses");

    expect(result.code).toBe(1);
    // Line 8 of the fixture's lesson holds the <script> tag (see fixtures.test.ts).
    expect(result.stderr).toMatch(
      /courses\/minimal-course\/en\/01-first-module\/01-hello\.md:8:\d+ — raw HTML <script> is not allowed/,
    );
    expect(result.stderr).toMatch(/1 problem in courses — nothing was written/);
    expect(await countRows()).toEqual(before);
  });

  it("imports a valid folder and reports what it did", async () => {
    const result = await cli("--dir", fixture("valid-minimal"));
    expect(result.stderr).not.toMatch(/problem|failed/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/courses +0 +0 +1 +0 +0/);
    expect(result.stdout).toContain("Everything was already up to date.");
  });

  it("rejects an unknown flag", async () => {
    const result = await cli("--dirr", "x");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Usage: pnpm curriculum:import");
  });
});
