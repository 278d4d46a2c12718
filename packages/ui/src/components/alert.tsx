import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "../lib/cx";

/** Kind of message an {@link Alert} carries. */
export type AlertTone = "info" | "success" | "warning" | "danger";

const tones: Record<AlertTone, string> = {
  info: "border-info-border bg-info-surface",
  success: "border-success-border bg-success-surface",
  warning: "border-warning-border bg-warning-surface",
  danger: "border-danger-border bg-danger-surface",
};
const titleTones: Record<AlertTone, string> = {
  info: "text-info-ink",
  success: "text-success-ink",
  warning: "text-warning-ink",
  danger: "text-danger-ink",
};

const icons: Record<AlertTone, ReactNode> = {
  info: <path d="M12 8h.01M11 12h1v5h1" />,
  success: <path d="m8 12 3 3 5-6" />,
  warning: <path d="M12 8v5m0 3h.01" />,
  danger: <path d="m9 9 6 6m0-6-6 6" />,
};

/** Props of {@link Alert}. */
export interface AlertProps extends Omit<HTMLAttributes<HTMLDivElement>, "title" | "role"> {
  tone?: AlertTone;
  title?: ReactNode;
  /**
   * Live-region role. Defaults to `alert` for danger (interrupts) and `status` for the others
   * (waits). Use `none` for a message that is part of the page from the start and must not be
   * announced as an update.
   */
  role?: "alert" | "status" | "none";
  children?: ReactNode;
}

/** A message box: info, success, warning or danger, with an icon so colour is not the only cue. */
export function Alert({ tone = "info", title, role, children, className, ...props }: AlertProps) {
  const resolvedRole = role ?? (tone === "danger" ? "alert" : "status");
  return (
    <div
      {...props}
      role={resolvedRole === "none" ? undefined : resolvedRole}
      className={cx("flex gap-3 rounded-card border-s-4 p-4 text-ink", tones[tone], className)}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className={cx("mt-0.5 size-5 shrink-0", titleTones[tone])}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      >
        <circle cx="12" cy="12" r="10" />
        {icons[tone]}
      </svg>
      <div className="flex min-w-0 flex-col gap-1">
        {title ? <p className={cx("font-bold", titleTones[tone])}>{title}</p> : null}
        {children ? <div>{children}</div> : null}
      </div>
    </div>
  );
}
