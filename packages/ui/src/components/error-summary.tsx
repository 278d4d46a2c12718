import { type MouseEvent, type ReactNode, useEffect, useId, useRef } from "react";
import { type LocalizedProps, useUiMessages } from "../i18n/locale-context";
import { cx } from "../lib/cx";

/** One error listed by {@link ErrorSummary}. */
export interface ErrorSummaryItem {
  /** Id of the field's control; the link goes to `#fieldId`. */
  fieldId: string;
  message: ReactNode;
}

/** Props of {@link ErrorSummary}. */
export interface ErrorSummaryProps extends LocalizedProps {
  errors: readonly ErrorSummaryItem[];
  /** Heading text; defaults to "There is a problem". */
  title?: ReactNode;
  /** Heading level, to fit the page outline. */
  headingLevel?: 2 | 3 | 4;
  /** Move focus to the summary when it mounts (with JavaScript). Defaults to true. */
  autoFocus?: boolean;
  className?: string;
}

/**
 * The list of a form's errors, shown above the form after a failed submit. Each entry links to
 * its field (`#fieldId`, so it works without JavaScript). It is an alert and, with JavaScript,
 * takes focus on mount so screen-reader users hear it at once. Renders nothing without errors.
 */
export function ErrorSummary({
  errors,
  title,
  headingLevel = 2,
  autoFocus = true,
  className,
  locale,
  messages: overrides,
}: ErrorSummaryProps) {
  const { messages } = useUiMessages(locale, overrides);
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const hasErrors = errors.length > 0;

  useEffect(() => {
    if (autoFocus && hasErrors) ref.current?.focus();
  }, [autoFocus, hasErrors]);

  if (!hasErrors) return null;
  const Heading = `h${headingLevel}` as const;

  function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
    const target = document.getElementById(fieldId);
    if (!target) return;
    // A fragment link scrolls but does not focus the input; with JS we can do both.
    event.preventDefault();
    target.focus();
    target.scrollIntoView?.({ block: "center" });
  }

  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      aria-labelledby={headingId}
      className={cx(
        "focus-ring rounded-card border-s-4 border-danger-border bg-surface p-4 text-ink shadow-sm",
        className,
      )}
    >
      <Heading id={headingId} className="text-lg font-bold text-ink">
        {title ?? messages.errorSummaryTitle}
      </Heading>
      <ul className="mt-2 list-none space-y-1 ps-0">
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a
              href={`#${error.fieldId}`}
              onClick={(event) => focusField(event, error.fieldId)}
              className="focus-ring font-semibold text-danger-ink underline"
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
