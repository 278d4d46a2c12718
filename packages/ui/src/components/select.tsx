import type { ChangeEvent, ReactNode, SelectHTMLAttributes } from "react";
import { cx } from "../lib/cx";
import { Field, type FieldBaseProps } from "./field";

/** One choice of a {@link Select}. */
export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/** Props of {@link Select}. */
export interface SelectProps
  extends FieldBaseProps,
    Omit<
      SelectHTMLAttributes<HTMLSelectElement>,
      "id" | "className" | "children" | "onChange" | "required"
    > {
  options?: readonly SelectOption[];
  /** Text of an empty first option ("Choose…"); omitted when absent. */
  placeholder?: string;
  /** Called with the chosen value. */
  onChange?: (value: string, event: ChangeEvent<HTMLSelectElement>) => void;
  /** Extra `<option>`/`<optgroup>` elements after `options`. */
  children?: ReactNode;
}

/**
 * A labelled native `<select>`. Native on purpose: it posts without JavaScript, opens the phone's
 * own picker and is the best-supported select for screen readers.
 */
export function Select({
  label,
  description,
  error,
  isRequired,
  id,
  className,
  locale,
  messages,
  options = [],
  placeholder,
  onChange,
  children,
  ...selectProps
}: SelectProps) {
  return (
    <Field
      label={label}
      description={description}
      error={error}
      isRequired={isRequired}
      id={id}
      className={className}
      locale={locale}
      messages={messages}
    >
      {(control) => (
        <select
          {...selectProps}
          {...control}
          onChange={onChange ? (event) => onChange(event.target.value, event) : undefined}
          className={cx(
            "focus-ring min-h-11 w-full rounded-control border border-border-strong bg-surface px-3 py-2 text-base text-ink",
            "aria-[invalid=true]:border-2 aria-[invalid=true]:border-danger-border disabled:opacity-60",
          )}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
          {children}
        </select>
      )}
    </Field>
  );
}
