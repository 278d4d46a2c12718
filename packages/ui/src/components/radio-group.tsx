import type { ChangeEvent, ReactNode } from "react";
import { useUiMessages } from "../i18n/locale-context";
import { cx } from "../lib/cx";
import {
  describedBy,
  type FieldBaseProps,
  FieldErrorText,
  RequiredMarker,
  useFieldIds,
} from "./field";

/** One choice of a {@link RadioGroup}. */
export interface RadioOption {
  value: string;
  label: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
}

/** Props of {@link RadioGroup}. */
export interface RadioGroupProps extends FieldBaseProps {
  /** Form field name; every radio posts under it. */
  name: string;
  options: readonly RadioOption[];
  /** Uncontrolled initial value (server-rendered forms). */
  defaultValue?: string;
  /** Controlled value. */
  value?: string;
  onChange?: (value: string, event: ChangeEvent<HTMLInputElement>) => void;
  orientation?: "vertical" | "horizontal";
  disabled?: boolean;
}

/**
 * Native radio buttons in a `<fieldset>` with a `<legend>`: arrow keys move between choices (the
 * platform's own behaviour) and the chosen value posts without JavaScript.
 */
export function RadioGroup({
  label,
  description,
  error,
  isRequired,
  id,
  className,
  locale,
  messages: overrides,
  name,
  options,
  defaultValue,
  value,
  onChange,
  orientation = "vertical",
  disabled,
}: RadioGroupProps) {
  const { messages } = useUiMessages(locale, overrides);
  const { controlId, descriptionId, errorId } = useFieldIds(id);
  const groupDescribedBy = describedBy(
    description ? descriptionId : false,
    error ? errorId : false,
  );
  return (
    <fieldset
      id={controlId}
      aria-describedby={groupDescribedBy}
      disabled={disabled}
      // A fieldset is as wide as its longest word by default: a legend holding an e-mail address
      // would push past a phone's edge. It takes its container's width, and long words break.
      className={cx("flex min-w-0 flex-col gap-2 [overflow-wrap:anywhere]", className)}
    >
      <legend className="mb-1 font-semibold text-ink">
        {label}
        {isRequired ? <RequiredMarker text={messages.required} /> : null}
      </legend>
      {description ? (
        <p id={descriptionId} className="text-sm text-ink-muted">
          {description}
        </p>
      ) : null}
      <FieldErrorText id={errorId} error={error} prefix={messages.errorPrefix} />
      <div
        className={cx("flex gap-3", orientation === "vertical" ? "flex-col" : "flex-row flex-wrap")}
      >
        {options.map((option, index) => {
          // The first radio carries the group's id so an error summary link lands on a control.
          const optionId = index === 0 ? `${controlId}-first` : `${controlId}-${index}`;
          const optionDescriptionId = `${optionId}-description`;
          return (
            <div key={option.value} className="flex items-start gap-3">
              <input
                type="radio"
                id={optionId}
                name={name}
                value={option.value}
                required={isRequired}
                disabled={option.disabled}
                aria-invalid={error ? true : undefined}
                aria-describedby={option.description ? optionDescriptionId : undefined}
                {...(value !== undefined
                  ? {
                      checked: value === option.value,
                      onChange: (e: ChangeEvent<HTMLInputElement>) => onChange?.(option.value, e),
                    }
                  : {
                      defaultChecked: defaultValue === option.value,
                      onChange: onChange
                        ? (e: ChangeEvent<HTMLInputElement>) => onChange(option.value, e)
                        : undefined,
                    })}
                className="focus-ring mt-0.5 size-5 shrink-0 cursor-pointer accent-primary disabled:cursor-not-allowed"
              />
              <div className="flex flex-col">
                <label htmlFor={optionId} className="cursor-pointer text-ink">
                  {option.label}
                </label>
                {option.description ? (
                  <p id={optionDescriptionId} className="text-sm text-ink-muted">
                    {option.description}
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Id of the first radio of a {@link RadioGroup} with the given `id`: the target for error links. */
export function radioGroupFirstInputId(groupId: string): string {
  return `${groupId}-first`;
}
