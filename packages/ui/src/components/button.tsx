import type { ComponentProps, ElementType, ReactNode } from "react";
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from "react-aria-components";
import { cx } from "../lib/cx";

/** Visual weight of a button or link styled as one. */
export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
/** Size of a button; `md` and `lg` meet the 44 × 44 px touch target. */
export type ButtonSize = "sm" | "md" | "lg";

const base =
  "focus-ring inline-flex items-center justify-center gap-2 rounded-control font-semibold no-underline motion-safe:transition-colors disabled:cursor-not-allowed disabled:opacity-60 data-[disabled]:cursor-not-allowed data-[disabled]:opacity-60 data-[pending]:cursor-wait";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-primary text-on-primary hover:bg-primary-hover data-[hovered]:bg-primary-hover",
  secondary:
    "border border-border-strong bg-surface text-primary hover:bg-surface-muted data-[hovered]:bg-surface-muted",
  ghost: "bg-transparent text-primary underline-offset-4 hover:underline data-[hovered]:underline",
  danger: "bg-danger text-on-danger hover:bg-danger-hover data-[hovered]:bg-danger-hover",
};

const sizes: Record<ButtonSize, string> = {
  sm: "min-h-9 px-3 text-sm",
  md: "min-h-11 px-4 text-base",
  lg: "min-h-12 px-6 text-lg",
};

/**
 * Class names of a button, for elements the kit does not render itself (e.g. a React Router
 * `<Link>` or a `<summary>`). The strings are literal so Tailwind's `@source` scan finds them.
 */
export function buttonClassName(
  variant: ButtonVariant = "primary",
  size: ButtonSize = "md",
  className?: string,
): string {
  return cx(base, variants[variant], sizes[size], className);
}

/** Props of {@link Button}. */
export interface ButtonProps extends Omit<AriaButtonProps, "className" | "children"> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  children?: ReactNode;
}

/**
 * A real `<button>` (React Aria's, for consistent press and focus-visible handling). Defaults to
 * `type="button"`; pass `type="submit"` inside a form — it then submits without JavaScript.
 */
export function Button({ variant = "primary", size = "md", className, ...props }: ButtonProps) {
  return <AriaButton {...props} className={buttonClassName(variant, size, className)} />;
}

interface LinkButtonOwnProps<C extends ElementType> {
  /** Element or component to render, e.g. React Router's `Link`. Defaults to `<a>`. */
  as?: C;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}

/** Props of {@link LinkButton}: the rendered component's own props pass through. */
export type LinkButtonProps<C extends ElementType = "a"> = LinkButtonOwnProps<C> &
  Omit<ComponentProps<C>, keyof LinkButtonOwnProps<C>>;

/**
 * A link that looks like a button: navigation stays a link (works without JavaScript, opens in a
 * new tab, is announced as a link). `<LinkButton as={Link} to="/courses">` passes React Router's
 * props through.
 */
export function LinkButton<C extends ElementType = "a">({
  as,
  variant = "primary",
  size = "md",
  className,
  ...props
}: LinkButtonProps<C>) {
  const Component: ElementType = as ?? "a";
  return <Component {...props} className={buttonClassName(variant, size, className)} />;
}
