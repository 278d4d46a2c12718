import { describe, expect, it } from "vitest";
import {
  CROCKFORD_ALPHABET,
  newVerificationCode,
  verificationCodeCandidates,
} from "./verification-code.server";

describe("newVerificationCode", () => {
  it("is 12 Crockford characters in three groups, without I, L, O or U", () => {
    const codes = Array.from({ length: 200 }, () => newVerificationCode());
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    }
    // 60 random bits: 200 draws never repeat (collision odds ~ 200² / 2^61).
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("uses the 32 symbols of Crockford's base32", () => {
    expect(CROCKFORD_ALPHABET).toHaveLength(32);
    expect(CROCKFORD_ALPHABET).not.toMatch(/[ILOU]/);
  });
});

describe("verificationCodeCandidates", () => {
  it("ignores case, spaces, dashes and other separators", () => {
    for (const typed of ["7kqm-3xr9-hv2d", "7KQM3XR9HV2D", " 7kqm 3xr9 hv2d ", "7KQM.3XR9_HV2D"]) {
      expect(verificationCodeCandidates(typed)).toEqual(["7KQM-3XR9-HV2D"]);
    }
  });

  it("also reads Crockford look-alikes as digits (O → 0, I and L → 1)", () => {
    expect(verificationCodeCandidates("OKQM-IXR9-LV2D")).toContain("0KQM-1XR9-1V2D");
  });

  it("keeps the literal reading for the demo data's PL-XXXX-XXXX codes", () => {
    expect(verificationCodeCandidates("pl7k3m9qx2")).toEqual(["PL-7K3M-9QX2", "P1-7K3M-9QX2"]);
  });

  it("returns nothing for input that cannot be a code", () => {
    expect(verificationCodeCandidates("")).toEqual([]);
    expect(verificationCodeCandidates("--")).toEqual([]);
    expect(verificationCodeCandidates("A".repeat(25))).toEqual([]);
  });
});
