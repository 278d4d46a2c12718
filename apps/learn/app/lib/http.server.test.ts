import { afterEach, describe, expect, it, vi } from "vitest";
import { publicOrigin, safeRedirectPath } from "./http.server";

describe("publicOrigin", () => {
  const request = new Request("http://10.0.0.7:3000/courses/x/certificate");

  it("is the request's origin unless PUBLIC_ORIGIN says otherwise", () => {
    expect(publicOrigin(request, undefined)).toBe("http://10.0.0.7:3000");
    expect(publicOrigin(request, "")).toBe("http://10.0.0.7:3000");
    expect(publicOrigin(request, "https://learn.example.org/ignored/path")).toBe(
      "https://learn.example.org",
    );
  });

  describe("without an explicit setting", () => {
    afterEach(() => {
      vi.unstubAllEnvs();
      vi.resetModules();
    });

    it("uses PUBLIC_ORIGIN from the parsed environment (env.server.ts)", async () => {
      vi.stubEnv("PUBLIC_ORIGIN", "https://learn.example.org");
      vi.resetModules();
      const fresh = await import("./http.server");
      expect(fresh.publicOrigin(request)).toBe("https://learn.example.org");
    });
  });

  it("refuses a setting that is not an http(s) address, saying which", () => {
    expect(() => publicOrigin(request, "learn.example.org")).toThrow(
      /PUBLIC_ORIGIN.*learn\.example\.org/,
    );
    expect(() => publicOrigin(request, "ftp://learn.example.org")).toThrow(/PUBLIC_ORIGIN/);
  });
});

describe("safeRedirectPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeRedirectPath("/courses?region=south-asia#top")).toBe(
      "/courses?region=south-asia#top",
    );
    expect(safeRedirectPath("/learning")).toBe("/learning");
  });

  it("never sends the browser to another site, however the address is dressed up", () => {
    // Each of these is read by Chromium as //evil.example or another origin.
    for (const value of [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/.//evil.example",
      "/.//evil.example",
      "/%2e//evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      " /x",
      "evil.example",
    ]) {
      const target = safeRedirectPath(value);
      expect(new URL(target, "https://peacelearn.test").origin, JSON.stringify(value)).toBe(
        "https://peacelearn.test",
      );
      expect(target.startsWith("//"), JSON.stringify(value)).toBe(false);
    }
  });

  it("answers a valid Location header for any character (non-Latin-1 was a 500)", () => {
    for (const value of ["/cours/हि", "/\u3002evil.example", "/x\u2028y", "/caf\u00e9"]) {
      const target = safeRedirectPath(value);
      expect(() => new Headers({ Location: target }), JSON.stringify(value)).not.toThrow();
      expect(target).toMatch(/^\/[\x21-\x7e]*$/);
    }
    expect(safeRedirectPath("/cours/हि")).toBe("/cours/%E0%A4%B9%E0%A4%BF");
  });

  it("falls back for anything that is not a path", () => {
    expect(safeRedirectPath(undefined, "/learning")).toBe("/learning");
    expect(safeRedirectPath("", "/learning")).toBe("/learning");
    expect(safeRedirectPath(`/${"a".repeat(5000)}`)).toBe("/");
  });
});
