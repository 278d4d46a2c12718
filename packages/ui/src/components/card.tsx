import { type HTMLAttributes, type ReactNode, useId } from "react";
import { cx } from "../lib/cx";

/** Props of {@link Card}. */
export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, "title"> {
  /** Heading of the card; when given, the card is a `<section>` named by it. */
  title?: ReactNode;
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Actions or meta at the bottom. */
  footer?: ReactNode;
  children?: ReactNode;
}

/** A bordered panel. With a `title` it becomes a named `<section>` landmark-free region of the outline. */
export function Card({
  title,
  headingLevel = 2,
  footer,
  children,
  className,
  ...props
}: CardProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const classes = cx(
    "flex flex-col gap-3 rounded-card border border-border bg-surface p-4 text-ink shadow-sm",
    className,
  );
  const body = (
    <>
      {title ? (
        <Heading id={headingId} className="text-lg font-bold text-ink">
          {title}
        </Heading>
      ) : null}
      {children}
      {footer ? (
        <div className="mt-auto flex flex-wrap items-center gap-2 border-t border-border pt-3">
          {footer}
        </div>
      ) : null}
    </>
  );
  return title ? (
    <section {...props} aria-labelledby={headingId} className={classes}>
      {body}
    </section>
  ) : (
    <div {...props} className={classes}>
      {body}
    </div>
  );
}
