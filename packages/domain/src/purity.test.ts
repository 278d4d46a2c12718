import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The package runs in browsers and on servers: its shipped source may import only zod and itself.
const dir = join(import.meta.dirname, ".");
const sources = readdirSync(dir).filter(
  (file) => file.endsWith(".ts") && !file.endsWith(".test.ts"),
);

describe("shipped source", () => {
  it.each(sources)("%s imports only zod and relative modules, and no runtime globals", (file) => {
    // Comments may show examples such as `new Date()`; only code counts.
    const text = readFileSync(join(dir, file), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/^\s*\/\/.*$/gm, "");
    const imports = [...text.matchAll(/from "([^"]+)"/g)].map((match) => match[1]);
    for (const specifier of imports)
      expect(specifier === "zod" || specifier?.startsWith("./")).toBe(true);
    // Data may say "the peacebuilding process."; only code outside string literals counts.
    const code = text.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
    expect(code).not.toMatch(/\b(process|Buffer|require|window|document|localStorage)\b\s*[.(]/);
    expect(code).not.toMatch(/\bDate\.now\(|new Date\(\)/);
  });
});
