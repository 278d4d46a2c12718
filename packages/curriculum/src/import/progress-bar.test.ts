import { describe, expect, it } from "vitest";
import { createProgressBar, renderProgress } from "./progress-bar";

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 40, write: (text: string) => writes.push(text) } };
}

describe("progress bar", () => {
  it("fills one cell per tenth of the work", () => {
    // 45/90 = 5 tenths.
    expect(renderProgress(45, 90, "files", "wps/fr/02")).toBe(
      "[█████░░░░░] 45/90 files  wps/fr/02",
    );
    expect(renderProgress(0, 0, "files", "")).toBe("[██████████] 0/0 files  ");
  });

  it("redraws one line on a terminal, cut to its width", () => {
    const { writes, stream } = fakeStream(true);
    const bar = createProgressBar(stream, "files");
    bar.update(1, 2, "a-very-long-label-that-does-not-fit-in-forty-columns");
    bar.update(2, 2, "b");
    bar.finish();
    // "[█████░░░░░] 1/2 files  " takes 24 of the 39 usable columns, leaving 15 for the label.
    expect(writes[0]).toBe("\r[█████░░░░░] 1/2 files  a-very-long-lab\x1b[K");
    expect(writes[0]?.replace("\x1b[K", "").length).toBe(40); // "\r" + 39 columns
    expect(writes.slice(1)).toEqual(["\r[██████████] 2/2 files  b\x1b[K", "\n"]);
  });

  it("does not cut lines when the terminal reports no width", () => {
    const { writes, stream } = fakeStream(true);
    const bar = createProgressBar({ ...stream, columns: 0 }, "files");
    bar.update(1, 1, "course.yaml");
    expect(writes).toEqual(["\r[██████████] 1/1 files  course.yaml\x1b[K"]);
  });

  it("prints a plain line per tenth when not on a terminal", () => {
    const { writes, stream } = fakeStream(false);
    const bar = createProgressBar(stream, "items");
    for (let done = 1; done <= 100; done += 1) bar.update(done, 100, `item ${done}`);
    bar.finish();
    // Tenths 0 (items 1–9) to 10 (item 100): 11 lines, no carriage return anywhere.
    expect(writes).toHaveLength(11);
    expect(writes.join("")).not.toContain("\r");
    expect(writes.at(-1)).toBe("[██████████] 100/100 items  item 100\n");
  });
});
