import { Field, type UiLocale } from "@peacelearn/ui";
import type { ReactNode } from "react";

// The kit's TextField has no date type; its Field labels any control, so a native date input
// (the phone's own date picker, no JavaScript) gets the same label, description and error wiring.
const inputClass =
  "focus-ring min-h-11 w-full rounded-control border border-border-strong bg-surface px-3 py-2 text-base text-ink aria-[invalid=true]:border-2 aria-[invalid=true]:border-danger-border";

export function DateField({
  id,
  name,
  label,
  description,
  error,
  defaultValue,
  isRequired,
  max,
  className,
  locale,
}: {
  id: string;
  name: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  defaultValue?: string;
  isRequired?: boolean;
  max?: string;
  className?: string;
  locale: UiLocale;
}) {
  return (
    <Field
      id={id}
      label={label}
      description={description}
      error={error}
      isRequired={isRequired}
      className={className}
      locale={locale}
    >
      {(control) => (
        <input
          {...control}
          type="date"
          name={name}
          defaultValue={defaultValue}
          max={max}
          className={inputClass}
        />
      )}
    </Field>
  );
}
