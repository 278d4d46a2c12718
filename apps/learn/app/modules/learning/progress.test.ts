import { describe, expect, it } from "vitest";
import { lessonNeighbours, stepHref } from "./navigation";
import {
  countByCourse,
  type ProgressRow,
  percentOf,
  resumeLessonId,
  summariseProgress,
} from "./progress.server";

const day = (n: number) => new Date(Date.UTC(2026, 2, n));
const viewed = (lessonId: string, on: number): ProgressRow => ({
  lessonId,
  lastViewedAt: day(on),
  completedAt: null,
});
const done = (lessonId: string, on: number): ProgressRow => ({
  lessonId,
  lastViewedAt: day(on),
  completedAt: day(on),
});

const modules = [
  {
    key: "m1",
    hasCheck: true,
    lessons: [
      { id: "l1", key: "a" },
      { id: "l2", key: "b" },
    ],
  },
  { key: "m2", hasCheck: false, lessons: [{ id: "l3", key: "c" }] },
  {
    key: "m3",
    hasCheck: true,
    lessons: [
      { id: "l4", key: "d" },
      { id: "l5", key: "e" },
    ],
  },
];

describe("percentOf", () => {
  it("rounds down so 100 % means everything is done", () => {
    expect(percentOf(1, 3)).toBe(33); // 33.3…
    expect(percentOf(2, 3)).toBe(66); // 66.6…, not 67
    expect(percentOf(199, 200)).toBe(99); // 99.5, not 100
    expect(percentOf(3, 3)).toBe(100);
  });

  it("is 0 for an empty course and never above 100", () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(5, 3)).toBe(100);
  });
});

describe("summariseProgress", () => {
  it("counts completed lessons per module and for the course", () => {
    const summary = summariseProgress(modules, [done("l1", 1), viewed("l2", 2), done("l3", 3)]);
    expect(summary.course).toEqual({ completed: 2, total: 5, percent: 40 }); // 2/5
    expect(summary.modules.get("m1")).toEqual({ completed: 1, total: 2, percent: 50 });
    expect(summary.modules.get("m2")).toEqual({ completed: 1, total: 1, percent: 100 });
    expect(summary.modules.get("m3")).toEqual({ completed: 0, total: 2, percent: 0 });
    expect(summary.lessons.get("l1")).toBe("completed");
    expect(summary.lessons.get("l2")).toBe("in-progress");
    expect(summary.lessons.get("l4")).toBe("not-started");
  });

  it("ignores rows of lessons no longer in the course", () => {
    const summary = summariseProgress(modules, [done("removed", 1), done("l1", 1)]);
    expect(summary.course.completed).toBe(1);
  });
});

describe("resumeLessonId", () => {
  const order = ["l1", "l2", "l3", "l4", "l5"];

  it("goes to the incomplete lesson viewed last", () => {
    const rows = [done("l1", 1), viewed("l4", 5), viewed("l2", 3), done("l3", 9)];
    expect(resumeLessonId(order, rows)).toBe("l4");
  });

  it("else to the first incomplete lesson in reading order", () => {
    expect(resumeLessonId(order, [done("l1", 1), done("l3", 2)])).toBe("l2");
    expect(resumeLessonId(order, [])).toBe("l1");
  });

  it("is null once every lesson is complete", () => {
    expect(
      resumeLessonId(
        order,
        order.map((id, i) => done(id, i + 1)),
      ),
    ).toBeNull();
  });

  it("skips viewed lessons that left the course", () => {
    expect(resumeLessonId(order, [done("l1", 1), viewed("gone", 9)])).toBe("l2");
  });
});

describe("lessonNeighbours", () => {
  it("goes to the module's knowledge check after its last lesson", () => {
    expect(lessonNeighbours(modules, "b")).toEqual({
      previous: { kind: "lesson", moduleKey: "m1", lessonKey: "a" },
      next: { kind: "check", moduleKey: "m1" },
    });
  });

  it("crosses into the next module when a module has no check", () => {
    expect(lessonNeighbours(modules, "c")).toEqual({
      previous: { kind: "lesson", moduleKey: "m1", lessonKey: "b" },
      next: { kind: "lesson", moduleKey: "m3", lessonKey: "d" },
    });
  });

  it("has no previous step at the start and ends with the last check", () => {
    expect(lessonNeighbours(modules, "a")?.previous).toBeNull();
    expect(lessonNeighbours(modules, "a")?.next).toEqual({
      kind: "lesson",
      moduleKey: "m1",
      lessonKey: "b",
    });
    expect(lessonNeighbours(modules, "e")?.next).toEqual({ kind: "check", moduleKey: "m3" });
  });

  it("returns to the course page after a last lesson without a check", () => {
    const noCheck = [{ key: "m", hasCheck: false, lessons: [{ key: "only" }] }];
    expect(lessonNeighbours(noCheck, "only")).toEqual({ previous: null, next: { kind: "course" } });
    expect(lessonNeighbours(noCheck, "missing")).toBeNull();
  });

  it("links with the stable keys", () => {
    expect(stepHref("wps", { kind: "lesson", moduleKey: "m", lessonKey: "l 1" })).toBe(
      "/courses/wps/lessons/l%201",
    );
    expect(stepHref("wps", { kind: "check", moduleKey: "m1" })).toBe(
      "/courses/wps/modules/m1/check",
    );
    expect(stepHref("wps", { kind: "course" })).toBe("/courses/wps");
  });
});

describe("countByCourse", () => {
  it("adds up lessons over modules and completions per course", () => {
    const counts = countByCourse(
      ["c1", "c2", "c3"],
      [
        { courseId: "c1", lessons: 3 },
        { courseId: "c1", lessons: 2 },
        { courseId: "c2", lessons: 4 },
      ],
      ["c1", "c1", "c1", "c2"],
    );
    expect(counts.get("c1")).toEqual({ completed: 3, total: 5, percent: 60 }); // 3/5
    expect(counts.get("c2")).toEqual({ completed: 1, total: 4, percent: 25 }); // 1/4
    expect(counts.get("c3")).toEqual({ completed: 0, total: 0, percent: 0 });
  });
});
