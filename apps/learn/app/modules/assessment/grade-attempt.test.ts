import { describe, expect, it } from "vitest";
import { type GradableQuestion, gradeAttempt, hasPassed } from "./grade-attempt.server";

// The demo course's check (packages/db/src/seed/demo-course.ts): one multiple, one single, one
// true/false question.
const questions: GradableQuestion[] = [
  {
    key: "pillars",
    kind: "multiple",
    options: [
      { key: "participation", isCorrect: true },
      { key: "protection", isCorrect: true },
      { key: "privatisation", isCorrect: false },
    ],
  },
  {
    key: "first-target",
    kind: "single",
    options: [
      { key: "undecided-influential", isCorrect: true },
      { key: "opponents", isCorrect: false },
    ],
  },
  {
    key: "presence-is-participation",
    kind: "true-false",
    options: [
      { key: "true", isCorrect: false },
      { key: "false", isCorrect: true },
    ],
  },
];

const allRight = {
  pillars: ["protection", "participation"],
  "first-target": ["undecided-influential"],
  "presence-is-participation": ["false"],
};

describe("gradeAttempt", () => {
  it("scores all-right answers 100 % whatever the order of the chosen options", () => {
    const grade = gradeAttempt(questions, allRight);
    expect(grade).toMatchObject({ correctCount: 3, total: 3, score: 100 });
    // Chosen and correct options come back in the question's option order.
    expect(grade.questions[0]).toEqual({
      key: "pillars",
      correct: true,
      chosen: ["participation", "protection"],
      correctKeys: ["participation", "protection"],
    });
  });

  it("marks a single-choice question wrong for the wrong option", () => {
    const grade = gradeAttempt(questions, { ...allRight, "first-target": ["opponents"] });
    expect(grade.questions.map((q) => q.correct)).toEqual([true, false, true]);
    // 2 of 3 = 66.67 %, floored to 66 (never shown as a rounded-up 67).
    expect(grade.score).toBe(66);
  });

  it("marks a true/false question wrong for the wrong value", () => {
    const grade = gradeAttempt(questions, { ...allRight, "presence-is-participation": ["true"] });
    expect(grade.questions[2]).toMatchObject({ correct: false, chosen: ["true"] });
  });

  it("gives no credit for a partial multiple-choice answer", () => {
    const grade = gradeAttempt(questions, { ...allRight, pillars: ["participation"] });
    expect(grade.questions[0]).toMatchObject({ correct: false, chosen: ["participation"] });
    expect(grade.correctCount).toBe(2);
  });

  it("gives no credit for the right options plus a wrong one", () => {
    const grade = gradeAttempt(questions, {
      ...allRight,
      pillars: ["participation", "protection", "privatisation"],
    });
    expect(grade.questions[0]?.correct).toBe(false);
  });

  it("counts a missing answer, two answers to a single question or an unknown option as wrong", () => {
    const grade = gradeAttempt(questions, {
      pillars: ["participation", "protection", "made-up"],
      "first-target": ["undecided-influential", "opponents"],
    });
    expect(grade.questions.map((q) => q.correct)).toEqual([false, false, false]);
    expect(grade.score).toBe(0);
  });
});

describe("hasPassed", () => {
  it("compares the exact fraction with the pass mark", () => {
    // 2/3 = 66.67 %: passes a 66 % mark, fails 67 % and 70 % (the score shown is 66).
    expect(hasPassed({ correctCount: 2, total: 3 }, 66)).toBe(true);
    expect(hasPassed({ correctCount: 2, total: 3 }, 67)).toBe(false);
    expect(hasPassed({ correctCount: 2, total: 3 }, 70)).toBe(false);
    // 7/10 = exactly 70 %: the mark is inclusive.
    expect(hasPassed({ correctCount: 7, total: 10 }, 70)).toBe(true);
    expect(hasPassed({ correctCount: 6, total: 10 }, 70)).toBe(false);
  });

  it("never passes a check without questions", () => {
    expect(hasPassed({ correctCount: 0, total: 0 }, 0)).toBe(false);
  });
});
