import { cx } from "../lib/cx";

/** Props of {@link Skeleton}. */
export interface SkeletonProps {
  /** Number of text lines to suggest. */
  lines?: number;
  /** Shape: text lines, a block, or a circle (avatar). */
  shape?: "text" | "block" | "circle";
  className?: string;
}

/**
 * A placeholder while content loads. Hidden from screen readers (it says nothing); mark the
 * loading region `aria-busy="true"` and give it a text status. It pulses only when the user has
 * not asked for reduced motion.
 */
export function Skeleton({ lines = 3, shape = "text", className }: SkeletonProps) {
  const pulse = "motion-safe:animate-pulse bg-surface-muted";
  if (shape !== "text") {
    return (
      <div
        aria-hidden="true"
        className={cx(
          pulse,
          shape === "circle" ? "size-10 rounded-full" : "h-24 w-full rounded-card",
          className,
        )}
      />
    );
  }
  return (
    <div aria-hidden="true" className={cx("flex flex-col gap-2", className)}>
      {Array.from({ length: lines }, (_, index) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder lines have no identity
          key={index}
          className={cx(
            pulse,
            "h-4 rounded-control",
            index === lines - 1 && lines > 1 ? "w-2/3" : "w-full",
          )}
        />
      ))}
    </div>
  );
}
