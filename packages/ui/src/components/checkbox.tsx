import type { ChangeEvent, InputHTMLAttributes, ReactNode } from "react";
import { useUiMessages } from "../i18n/locale-context";
import { cx } from "../lib/cx";
import { describedBy, type FieldBaseProps, FieldErrorText, useFieldIds } from "./field";

/** Props of {@link Checkbox}. */
export interface CheckboxProps
  extends Omit<FieldBaseProps, "label">,
    Omit<
      InputHTMLAttributes<HTMLInputElement>,
      "id" | "className" | "type" | "onChange" | "required" | "children"
    > {
  /** Visible label, clickable. */
  children: ReactNode;
  /** Called with the new checked state. */
  onChange?: (checked: boolean, event: ChangeEvent<HTMLInputElement>) => void;
}

const inputClass =
  "focus-ring mt-0.5 size-5 shrink-0 cursor-pointer accent-primary disabled:cursor-not-allowed";

/**
 * A native checkbox with its label. It posts `name=value` (default `on`) when checked, with or
 * without JavaScript, and keeps the platform's keyboard and screen-reader behaviour.
 */
export function Checkbox({
  children,
  description,
  error,
  isRequired,
  id,
  className,
  locale,
  messages: overrides,
  onChange,
  ...inputProps
}: CheckboxProps) {
  const { messages } = useUiMessages(locale, overrides);
  const { controlId, descriptionId, errorId } = useFieldIds(id);
  return (
    <div className={cx("flex flex-col gap-1", className)}>
      <FieldErrorText id={errorId} error={error} prefix={messages.errorPrefix} />
      <div className="flex items-start gap-3">
        <input
          {...inputProps}
          id={controlId}
          type="checkbox"
          required={isRequired}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(
            description ? descriptionId : false,
            error ? errorId : false,
          )}
          onChange={onChange ? (event) => onChange(event.target.checked, event) : undefined}
          className={inputClass}
        />
        <div className="flex flex-col">
          <label htmlFor={controlId} className="cursor-pointer text-ink">
            {children}
          </label>
          {description ? (
            <p id={descriptionId} className="text-sm text-ink-muted">
              {description}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}
