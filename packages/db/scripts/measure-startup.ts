// Prints how long the database takes to open in each mode (run: `pnpm exec tsx
// --conditions=@peacelearn/source scripts/measure-startup.ts`). Figures, not a test.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "../src/create-db";
import { seedDemo } from "../src/seed/seed-demo";
import { createTestDb } from "../src/testing";

async function time<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`${label.padEnd(52)} ${Math.round(performance.now() - started)} ms`);
  return result;
}

const dir = mkdtempSync(join(tmpdir(), "peacelearn-measure-"));
try {
  const memory = await time("PGlite in memory: start + migrate", () =>
    createDb({ databaseUrl: "", pgliteDir: "memory://" }),
  );
  await memory.$disconnect();
  const folder = join(dir, "pglite");
  const first = await time("PGlite folder, first start: initdb + migrate", () =>
    createDb({ databaseUrl: "", pgliteDir: folder }),
  );
  await time("seedDemo (65 people, 3 cohorts)", () => seedDemo(first));
  await first.$disconnect();
  const again = await time("PGlite folder, reopen (migrations checked)", () =>
    createDb({ databaseUrl: "", pgliteDir: folder }),
  );
  await time("seedDemo again (skips)", () => seedDemo(again));
  await again.$disconnect();
  const pgliteTest = await time("createTestDb pglite (template cached)", () =>
    createTestDb({ target: "pglite" }),
  );
  await pgliteTest.close();
  const serverTest = await time("createTestDb postgres (template exists)", () =>
    createTestDb({ target: "postgres" }),
  );
  await time("  close (DROP DATABASE)", () => serverTest.close());
} finally {
  rmSync(dir, { recursive: true, force: true });
}
