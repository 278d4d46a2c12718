import { type ReactNode, useId } from "react";
import { type LocalizedProps, useUiMessages } from "../i18n/locale-context";
import { cx } from "../lib/cx";

/** ARIA wiring a {@link Field} hands to the control it labels. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  required?: boolean;
}

/** Label, description and error shared by every form field. */
export interface FieldBaseProps extends LocalizedProps {
  /** Visible label. Required: placeholder text is not a label. */
  label: ReactNode;
  /** Help text, read after the label. */
  description?: ReactNode;
  /** Error message; makes the control `aria-invalid` and is read with it. */
  error?: ReactNode;
  /** Marks the field as required (native `required`, plus a visible marker). */
  isRequired?: boolean;
  /** Id of the control, so an {@link ErrorSummary} can link to `#id`. Generated when absent. */
  id?: string;
  className?: string;
}

/** Props of {@link Field}. */
export interface FieldProps extends FieldBaseProps {
  children: (control: FieldControlProps) => ReactNode;
}

/** Ids used by a field's parts, generated once so server and client agree. */
export function useFieldIds(id?: string) {
  const generated = useId();
  const controlId = id ?? `field${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return {
    controlId,
    descriptionId: `${controlId}-description`,
    errorId: `${controlId}-error`,
  };
}

/** Joins the ids that describe a control; undefined when there are none. */
export function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

/** The visible "(required)" marker; hidden from screen readers, which announce `required`. */
export function RequiredMarker({ text }: { text: string }) {
  return (
    <span aria-hidden="true" className="ms-1 font-normal text-ink-muted">
      ({text})
    </span>
  );
}

/**
 * Error text in a polite live region that is always in the DOM, so an error that appears after a
 * client-side check is announced, and one rendered by the server is read with its control.
 */
export function FieldErrorText({
  id,
  error,
  prefix,
}: {
  id: string;
  error?: ReactNode;
  prefix: string;
}) {
  return (
    <div aria-live="polite">
      {error ? (
        <p id={id} className="text-sm font-semibold text-danger-ink">
          <span className="sr-only">{prefix} </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Labels any control: renders label, description and error and hands the control its `id`,
 * `aria-describedby` and `aria-invalid`. Used by {@link Select}; use it for custom controls too.
 */
export function Field({
  label,
  description,
  error,
  isRequired,
  id,
  className,
  locale,
  messages: overrides,
  children,
}: FieldProps) {
  const { messages } = useUiMessages(locale, overrides);
  const { controlId, descriptionId, errorId } = useFieldIds(id);
  return (
    <div className={cx("flex flex-col gap-1", className)}>
      <label htmlFor={controlId} className="font-semibold text-ink">
        {label}
        {isRequired ? <RequiredMarker text={messages.required} /> : null}
      </label>
      {description ? (
        <p id={descriptionId} className="text-sm text-ink-muted">
          {description}
        </p>
      ) : null}
      <FieldErrorText id={errorId} error={error} prefix={messages.errorPrefix} />
      {children({
        id: controlId,
        "aria-describedby": describedBy(
          description ? descriptionId : false,
          error ? errorId : false,
        ),
        ...(error ? { "aria-invalid": true as const } : {}),
        ...(isRequired ? { required: true } : {}),
      })}
    </div>
  );
}
