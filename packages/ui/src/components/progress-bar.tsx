import type { ReactNode } from "react";
import { ProgressBar as AriaProgressBar, Label } from "react-aria-components";
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

/** A determinate progress bar (React Aria: `role="progressbar"` with value and value text). */
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
  const text = valueText ?? formatMessage(messages.progressValue, { value, max });
  const percent = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return (
    <AriaProgressBar
      value={value}
      minValue={0}
      maxValue={max}
      valueLabel={text}
      className={cx("flex flex-col gap-1", className)}
    >
      <div className="flex items-baseline justify-between gap-2">
        <Label className="font-semibold text-ink">{label}</Label>
        <span className="text-sm text-ink-muted">{text}</span>
      </div>
      <div className="h-3 w-full overflow-hidden rounded-full border border-border-strong bg-surface-muted">
        <div
          className="h-full rounded-full bg-primary motion-safe:transition-[width]"
          style={{ width: `${percent}%` }}
        />
      </div>
    </AriaProgressBar>
  );
}
