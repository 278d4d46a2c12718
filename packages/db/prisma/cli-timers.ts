/**
 * Imported only by prisma.config.ts. The Prisma CLI never closes its driver adapter: PGlite re-arms
 * a 10 s timer and the WASM schema engine leaves a 60 s one, so `migrate status/diff` hang and
 * `migrate dev` lingers (STACK.md fault 5). Long timers must not keep the CLI process alive.
 */
const LONG_TIMER_MS = 5_000;

const originalSetTimeout = globalThis.setTimeout;
const originalSetInterval = globalThis.setInterval;

function unrefIfLong<T>(timer: T, delay: unknown): T {
  if (typeof delay === "number" && delay >= LONG_TIMER_MS) {
    (timer as { unref?: () => void }).unref?.();
  }
  return timer;
}

globalThis.setTimeout = Object.assign(
  (...args: Parameters<typeof setTimeout>) => unrefIfLong(originalSetTimeout(...args), args[1]),
  originalSetTimeout,
) as typeof setTimeout;

globalThis.setInterval = Object.assign(
  (...args: Parameters<typeof setInterval>) => unrefIfLong(originalSetInterval(...args), args[1]),
  originalSetInterval,
) as typeof setInterval;
