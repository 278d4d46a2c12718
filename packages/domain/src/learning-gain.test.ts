import { describe, expect, it } from "vitest";
import {
  KnowledgeCheckKindSchema,
  learningGain,
  otherTestForm,
  TestFormSchema,
  testFormFor,
} from "./learning-gain";

describe("learningGain", () => {
  it("is Hake's ratio: 40 → 70 learnt half of the 60 points left (30 / 60)", () => {
    expect(learningGain(40, 70)).toEqual({ pre: 40, post: 70, gain: 30, normalisedGain: 0.5 });
  });

  it("is negative when the post-test is lower, and 1 when everything left was learnt", () => {
    expect(learningGain(50, 40).normalisedGain).toBeCloseTo(-0.2); // −10 / 50
    expect(learningGain(20, 100).normalisedGain).toBe(1);
  });

  it("is undefined (null) when the pre-test was already 100, whatever the post-test", () => {
    expect(learningGain(100, 100).normalisedGain).toBeNull();
    expect(learningGain(100, 80)).toEqual({ pre: 100, post: 80, gain: -20, normalisedGain: null });
  });

  it("rejects scores outside 0–100", () => {
    expect(() => learningGain(-1, 50)).toThrow(RangeError);
    expect(() => learningGain(50, 101)).toThrow(/post/);
    expect(() => learningGain(Number.NaN, 50)).toThrow(/pre/);
  });
});

describe("testFormFor", () => {
  it("gives half the roster A then B and the other half B then A", () => {
    const pre = [0, 1, 2, 3].map((position) => testFormFor("pre", position));
    const post = [0, 1, 2, 3].map((position) => testFormFor("post", position));
    expect(pre).toEqual(["A", "B", "A", "B"]);
    expect(post).toEqual(["B", "A", "B", "A"]);
  });

  it("swaps the form actually taken before, even if the roster position changed since", () => {
    // Position 2 would give A before; she took B (she was 1 when she took it).
    expect(testFormFor("post", 2, "B")).toBe("A");
    expect(testFormFor("pre", 2, "B")).toBe("B");
  });

  it("rejects a position that is not a whole number ≥ 0", () => {
    expect(() => testFormFor("pre", -1)).toThrow(RangeError);
    expect(() => testFormFor("pre", 1.5)).toThrow(RangeError);
  });

  it("has vocabularies the database codes use", () => {
    expect(otherTestForm("A")).toBe("B");
    expect(TestFormSchema.safeParse("C").success).toBe(false);
    expect(KnowledgeCheckKindSchema.options).toEqual(["practice", "pre", "post"]);
  });
});
