import type { ReactNode } from "react";
import { cx } from "../lib/cx";

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** What to do next: usually a button or link. */
  action?: ReactNode;
  /** Decorative illustration; hidden from screen readers. */
  icon?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  className?: string;
}

/** Says why a list is empty and what to do about it. */
export function EmptyState({
  title,
  description,
  action,
  icon,
  headingLevel = 2,
  className,
}: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div
      className={cx(
        "flex flex-col items-center gap-3 rounded-card border border-dashed border-border-strong bg-surface px-6 py-10 text-center",
        className,
      )}
    >
      <span aria-hidden="true" className="text-ink-muted">
        {icon ?? (
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            className="size-10"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
          >
            <path d="M3 7h18v12H3zM3 7l3-4h12l3 4M9 12h6" />
          </svg>
        )}
      </span>
      <Heading className="text-lg font-bold text-ink">{title}</Heading>
      {description ? <p className="max-w-prose text-ink-muted">{description}</p> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
