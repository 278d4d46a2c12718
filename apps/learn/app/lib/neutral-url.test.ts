import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tellingWordsIn } from "~/test/telling-words";
import { neutralPrefix, neutralUrl, readNeutralUrl } from "./neutral-url";

describe("neutral addresses", () => {
  it("stand for exactly the path and query they were made from", () => {
    fc.assert(
      fc.property(
        // Paths under /n/ are neutral addresses themselves, returned as they are (a test below).
        fc
          .webPath()
          .filter(
            (path) => path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/n/"),
          ),
        fc.webQueryParameters(),
        (path, query) => {
          const real = `${path === "/" ? "/a" : path}${query ? `?${query}` : ""}`;
          const neutral = neutralUrl(real);
          expect(neutral.startsWith(neutralPrefix)).toBe(true);
          expect(readNeutralUrl(neutral)).toBe(real);
        },
      ),
    );
  });

  it("carry no word of the path", () => {
    const lesson = "/courses/gender-conflict-foundations/lessons/militarised-masculinities";
    const neutral = neutralUrl(`${lesson}?by=gender`);
    expect(tellingWordsIn(neutral)).toEqual([]);
    expect(neutral).not.toMatch(/courses|lessons/);
    // Same path, same address: a page keeps one address (history, the offline copy).
    expect(neutralUrl(`${lesson}?by=gender`)).toBe(neutral);
  });

  it("keep fragments, and leave other sites, the home page and neutral addresses alone", () => {
    expect(neutralUrl("/courses/x#module-2")).toMatch(/^\/n\/[A-Za-z0-9_-]+#module-2$/);
    for (const kept of ["/", "https://example.org/a", "//evil.example/a", "#top", "/n/abc"]) {
      expect(neutralUrl(kept)).toBe(kept);
    }
  });

  it("refuse damaged or hostile tokens", () => {
    const good = neutralUrl("/courses/a");
    const damaged = `${good.slice(0, -2)}${good.endsWith("A") ? "B" : "A"}A`;
    for (const pathname of [
      damaged,
      "/n/",
      "/n/%00",
      "/n/a.b",
      `/n/${"A".repeat(5000)}`,
      neutralUrl("/n/nested"),
      "/courses/a",
    ]) {
      expect(readNeutralUrl(pathname), pathname).toBeNull();
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (token) => {
        const path = readNeutralUrl(`${neutralPrefix}${token}`);
        if (path !== null) {
          expect(path.startsWith("/")).toBe(true);
          expect(path.startsWith("//")).toBe(false);
        }
      }),
    );
  });
});
