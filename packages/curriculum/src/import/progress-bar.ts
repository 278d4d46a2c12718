/** The part of a stream a progress bar needs (process.stderr, or a fake in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressBar {
  update(done: number, total: number, label: string): void;
  /** Ends the bar's line (TTY) so that later output starts on a fresh one. */
  finish(): void;
}

const BAR_WIDTH = 10;

/** `[█████░░░░░] 45/90 files  label` */
export function renderProgress(done: number, total: number, unit: string, label: string): string {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  const bar = "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
  return `[${bar}] ${done}/${total} ${unit}  ${label}`;
}

/**
 * A bar redrawn in place on a terminal; on a pipe or log file (no carriage returns there), one
 * plain line per tenth of the work and one at the end, so CI logs stay short.
 */
export function createProgressBar(
  stream: ProgressStream,
  unit: string,
  describe: (label: string) => string = (label) => label,
): ProgressBar {
  let drawn = false;
  let lastTenth = -1;
  return {
    update(done, total, label) {
      const line = renderProgress(done, total, unit, describe(label));
      if (stream.isTTY) {
        // A pseudo-terminal may report 0 columns: then do not cut at all.
        const width = stream.columns && stream.columns > 0 ? stream.columns : Infinity;
        // Cut before the last column (a full line wraps on some terminals), and clear to the end
        // of the line: a shorter label must not leave the tail of a longer one.
        stream.write(`\r${line.length >= width ? line.slice(0, width - 1) : line}\x1b[K`);
        drawn = true;
        return;
      }
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth !== lastTenth || done === total) {
        lastTenth = tenth;
        stream.write(`${line}\n`);
      }
    },
    finish() {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}
