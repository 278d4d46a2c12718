import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const localesDir = join(import.meta.dirname, "..", "locales");

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) =>
    keysOf(inner, prefix ? `${prefix}.${key}` : key),
  );
}

/** i18next plural suffixes differ by language; compare the keys without them. */
const withoutPlural = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");

const locales = readdirSync(localesDir);
const namespaces = readdirSync(join(localesDir, "en")).filter((file) => file.endsWith(".json"));

describe("UI strings", () => {
  it("exist in English and French at least", () => {
    expect(locales).toEqual(expect.arrayContaining(["en", "fr"]));
  });

  for (const locale of locales.filter((l) => l !== "en")) {
    for (const namespace of namespaces) {
      it(`${locale}/${namespace} has exactly the keys of en/${namespace}, none empty`, () => {
        const read = (l: string) =>
          JSON.parse(readFileSync(join(localesDir, l, namespace), "utf8")) as unknown;
        const english = new Set(keysOf(read("en")).map(withoutPlural));
        const translated = read(locale);
        const keys = new Set(keysOf(translated).map(withoutPlural));
        expect([...keys].sort()).toEqual([...english].sort());
        const empty = keysOf(translated).filter((key) => {
          const value = key
            .split(".")
            .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], translated);
          return typeof value !== "string" || value.trim() === "";
        });
        expect(empty).toEqual([]);
      });
    }
  }
});
