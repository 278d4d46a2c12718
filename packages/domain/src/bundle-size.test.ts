import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as domain from "./index";

// What one import costs a consumer's bundle. The package is built the way tsup builds `dist`
// (one ESM file, esbuild, es2022, zod external), then each export is bundled alone from it,
// minified, as a consumer's bundler would, and gzipped. zod is a peer dependency that the
// consumer bundles anyway, so it is left out of the figure — but an export that has no use for
// zod must not make the consumer's bundler keep it either.

/** Gzipped bytes allowed per export; anything not listed gets {@link defaultBudget}. */
const defaultBudget = 2_048;
const budgets: Readonly<Record<string, number>> = {
  // Labels every vocabulary: it carries every table by design.
  label: 7_168,
  labelCategory: 7_168,
  // The counting, the table layout and the suppression algorithm with its audit.
  disaggregate: 10_240,
  // The same for a linked family of tables.
  disaggregateMany: 16_384,
  // The counting and table layout of disaggregate, and the perturbation table (3.1 KB measured).
  perturbTable: 4_096,
  describeAsWomenMenGirlsBoys: 2_560,
};

/** Exports that build or are zod schemas; every other export must leave zod out. */
const usesZod = (name: string) =>
  /Schema(For)?$/.test(name) || ["birthYearSchema", "ageBandSchemaFor"].includes(name);

// Keeps zod external and tells esbuild that importing it for nothing has no effect, so an unused
// `import { z } from "zod"` disappears as it would in a consumer's bundle (zod is side-effect free).
const zodExternal: Plugin = {
  name: "zod-external",
  setup(builder) {
    builder.onResolve({ filter: /^zod(\/|$)/ }, (args) => ({
      path: args.path,
      external: true,
      sideEffects: false,
    }));
  },
};

let dir = "";
const sizes = new Map<string, { gzip: number; zod: boolean }>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "peacelearn-domain-size-"));
  const dist = join(dir, "index.js");
  await build({
    entryPoints: [join(import.meta.dirname, "index.ts")],
    bundle: true,
    format: "esm",
    target: "es2022",
    external: ["zod"],
    outfile: dist,
    logLevel: "silent",
  });
  await Promise.all(
    Object.keys(domain).map(async (name) => {
      const result = await build({
        stdin: { contents: `export { ${name} } from "./index.js";`, resolveDir: dir, loader: "js" },
        bundle: true,
        format: "esm",
        target: "es2022",
        minify: true,
        write: false,
        plugins: [zodExternal],
        logLevel: "silent",
      });
      const code = result.outputFiles[0]?.contents ?? new Uint8Array();
      sizes.set(name, {
        gzip: gzipSync(code).length,
        zod: /from\s*"zod"/.test(Buffer.from(code).toString("utf8")),
      });
    }),
  );
}, 60_000);

afterAll(() => {
  if (process.env.PRINT_SIZES) console.table(Object.fromEntries(sizes));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("single-export bundle size", () => {
  it.each(Object.keys(domain))("%s stays within its gzipped budget", (name) => {
    const size = sizes.get(name);
    expect(size, `${name} was not measured`).toBeDefined();
    const budget = budgets[name] ?? defaultBudget;
    expect(size?.gzip, `${name}: ${size?.gzip} B gzipped, budget ${budget} B`).toBeLessThanOrEqual(
      budget,
    );
  });

  it("keeps zod out of every export that does not need it", () => {
    const pulling = [...sizes].filter(([name, size]) => size.zod && !usesZod(name));
    expect(pulling.map(([name]) => name)).toEqual([]);
  });

  it("measures something: the heaviest export is far above the lightest", () => {
    // Guards the measurement itself: were tree-shaking or the build to fail silently, every
    // export would weigh the same.
    const gzips = [...sizes.values()].map((size) => size.gzip);
    expect(Math.max(...gzips)).toBeGreaterThan(4 * Math.min(...gzips));
    expect(sizes.get("ageBandOf")?.gzip).toBeLessThan(sizes.get("label")?.gzip ?? 0);
  });
});
