import { type ReactNode, useId } from "react";
import { type LocalizedProps, useUiMessages } from "../i18n/locale-context";
import { formatMessage } from "../i18n/messages";
import { cx } from "../lib/cx";

/** Props of {@link ProgressBar}. */
export interface ProgressBarProps extends LocalizedProps {
  label: ReactNode;
  value: number;
  /** Defaults to 100. */
  max?: number;
  /**
   * What screen readers hear and the bar shows, e.g. "3 of 8 lessons". Defaults to "3 of 8" —
   * a raw percentage of lessons means little.
   */
  valueText?: string;
  className?: string;
}

/**
 * A determinate progress bar: `role="progressbar"` with its value, range, value text and label.
 * Plain elements rather than React Aria's component — there is no behaviour to add, and pages
 * that list many of them (a course's modules, a cohort's trainees) render on the server.
 */
export function ProgressBar({
  label,
  value,
  max = 100,
  valueText,
  className,
  locale,
  messages: overrides,
}: ProgressBarProps) {
  const { messages } = useUiMessages(locale, overrides);
  const labelId = useId();
  const clamped = Math.min(Math.max(value, 0), Math.max(max, 0));
  const text = valueText ?? formatMessage(messages.progressValue, { value: clamped, max });
  const percent = max > 0 ? (clamped / max) * 100 : 0;
  return (
    <div
      role="progressbar"
      aria-labelledby={labelId}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={clamped}
      aria-valuetext={text}
      className={cx("flex flex-col gap-1", className)}
    >
      <div className="flex items-baseline justify-between gap-2">
        <span id={labelId} className="font-semibold text-ink">
          {label}
        </span>
        <span className="text-sm text-ink-muted">{text}</span>
      </div>
      <div className="h-3 w-full overflow-hidden rounded-full border border-border-strong bg-surface-muted">
        <div
          className="h-full rounded-full bg-primary motion-safe:transition-[width]"
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
