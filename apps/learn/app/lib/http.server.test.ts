import { describe, expect, it } from "vitest";
import { publicOrigin } from "./http.server";

describe("publicOrigin", () => {
  const request = new Request("http://10.0.0.7:3000/courses/x/certificate");

  it("is the request's origin unless PUBLIC_ORIGIN says otherwise", () => {
    expect(publicOrigin(request, undefined)).toBe("http://10.0.0.7:3000");
    expect(publicOrigin(request, "")).toBe("http://10.0.0.7:3000");
    expect(publicOrigin(request, "https://learn.example.org/ignored/path")).toBe(
      "https://learn.example.org",
    );
  });

  it("refuses a setting that is not an http(s) address, saying which", () => {
    expect(() => publicOrigin(request, "learn.example.org")).toThrow(
      /PUBLIC_ORIGIN.*learn\.example\.org/,
    );
    expect(() => publicOrigin(request, "ftp://learn.example.org")).toThrow(/PUBLIC_ORIGIN/);
  });
});
