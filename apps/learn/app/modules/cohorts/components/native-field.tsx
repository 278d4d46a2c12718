import { Field } from "@peacelearn/ui";
import type { InputHTMLAttributes, ReactNode } from "react";

// The kit's TextField covers text-like inputs; dates, times and files are native inputs labelled
// through the kit's Field (same label, description, error and ARIA wiring).
const controlClass =
  "focus-ring w-full rounded-control border border-border-strong bg-surface px-3 py-2 text-base text-ink aria-[invalid=true]:border-2 aria-[invalid=true]:border-danger-border";

type NativeFieldProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "className" | "required" | "type"
> & {
  id: string;
  type: "date" | "datetime-local" | "file";
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  isRequired?: boolean;
};

export function NativeField({
  id,
  label,
  description,
  error,
  isRequired,
  type,
  ...inputProps
}: NativeFieldProps) {
  return (
    <Field id={id} label={label} description={description} error={error} isRequired={isRequired}>
      {(control) => <input {...inputProps} {...control} type={type} className={controlClass} />}
    </Field>
  );
}
