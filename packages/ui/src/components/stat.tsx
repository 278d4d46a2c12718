import type { ReactNode } from "react";
import { cx } from "../lib/cx";

/** Props of {@link Stat}. */
export interface StatProps {
  label: ReactNode;
  /** The figure, already formatted for the locale. */
  value: ReactNode;
  /** Context under the figure, e.g. "since January". */
  description?: ReactNode;
  className?: string;
}

/** A key figure with its label, as a description list so the pair is read together. */
export function Stat({ label, value, description, className }: StatProps) {
  return (
    <dl
      className={cx(
        "flex flex-col gap-1 rounded-card border border-border bg-surface p-4",
        className,
      )}
    >
      <dt className="text-sm font-semibold text-ink-muted">{label}</dt>
      <dd className="ms-0 text-3xl font-bold tabular-nums text-ink">{value}</dd>
      {description ? <dd className="ms-0 text-sm text-ink-muted">{description}</dd> : null}
    </dl>
  );
}
