import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "../lib/cx";

/** Colour of a badge or alert; never the only carrier of meaning — the text must say it too. */
export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

const tones: Record<Tone, string> = {
  neutral: "border-border-strong bg-surface-muted text-ink",
  info: "border-info-border bg-info-surface text-info-ink",
  success: "border-success-border bg-success-surface text-success-ink",
  warning: "border-warning-border bg-warning-surface text-warning-ink",
  danger: "border-danger-border bg-danger-surface text-danger-ink",
};

/** Class names of a badge, for elements rendered elsewhere. */
export function badgeClassName(tone: Tone = "neutral", className?: string): string {
  return cx(
    "inline-flex max-w-full items-center gap-1 rounded-full border px-2.5 py-0.5 text-sm font-semibold",
    tones[tone],
    className,
  );
}

/** Props of {@link Badge}. */
export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: Tone;
  /** Decorative leading content, e.g. an icon; hidden from screen readers. */
  icon?: ReactNode;
  children: ReactNode;
}

/** A short status or category label (also exported as `Tag`). Static text: not interactive. */
export function Badge({ tone = "neutral", icon, children, className, ...props }: BadgeProps) {
  return (
    <span {...props} className={badgeClassName(tone, className)}>
      {icon ? <span aria-hidden="true">{icon}</span> : null}
      {children}
    </span>
  );
}

/** Alias of {@link Badge} for category labels. */
export const Tag = Badge;
