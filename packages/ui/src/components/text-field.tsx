import type { ReactNode } from "react";
import {
  TextArea as AriaTextArea,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  Input,
  Label,
  Text,
} from "react-aria-components";
import { useUiMessages } from "../i18n/locale-context";
import { cx } from "../lib/cx";
import { type FieldBaseProps, RequiredMarker } from "./field";

const controlClass =
  "focus-ring w-full rounded-control border border-border-strong bg-surface px-3 py-2 text-base text-ink placeholder:text-ink-muted data-[invalid]:border-2 data-[invalid]:border-danger-border aria-[invalid=true]:border-2 aria-[invalid=true]:border-danger-border disabled:bg-surface-muted disabled:opacity-60";

type SharedAriaProps = Omit<
  AriaTextFieldProps,
  "className" | "children" | "isInvalid" | "validationBehavior" | "id" | "style"
>;

/** Props of {@link TextField}. */
export interface TextFieldProps extends FieldBaseProps, SharedAriaProps {
  /** Input type; defaults to `text`. */
  type?: "text" | "email" | "password" | "search" | "tel" | "url" | "number";
  placeholder?: string;
  /** Extra content after the input, e.g. a unit. */
  suffix?: ReactNode;
}

/** Props of {@link TextArea}. */
export interface TextAreaProps extends FieldBaseProps, SharedAriaProps {
  rows?: number;
  placeholder?: string;
}

interface FieldShellProps extends FieldBaseProps, SharedAriaProps {
  control: ReactNode;
}

function FieldShell({
  label,
  description,
  error,
  isRequired,
  id,
  className,
  locale,
  messages: overrides,
  control,
  ...ariaProps
}: FieldShellProps) {
  const { messages } = useUiMessages(locale, overrides);
  return (
    <AriaTextField
      {...ariaProps}
      {...(id ? { id } : {})}
      isRequired={isRequired}
      isInvalid={Boolean(error)}
      // "aria" keeps server-sent errors from blocking the next native submit.
      validationBehavior="aria"
      className={cx("flex flex-col gap-1", className)}
    >
      <Label className="font-semibold text-ink">
        {label}
        {isRequired ? <RequiredMarker text={messages.required} /> : null}
      </Label>
      {description ? (
        <Text slot="description" className="text-sm text-ink-muted">
          {description}
        </Text>
      ) : null}
      <div aria-live="polite">
        {error ? (
          <Text slot="errorMessage" className="text-sm font-semibold text-danger-ink">
            <span className="sr-only">{messages.errorPrefix} </span>
            {error}
          </Text>
        ) : null}
      </div>
      {control}
    </AriaTextField>
  );
}

/**
 * A labelled single-line text input (React Aria `TextField`). Renders a real `<input name>`, so it
 * posts with a plain HTML form; `error` marks it invalid and is read with it.
 */
export function TextField({ type = "text", placeholder, suffix, ...props }: TextFieldProps) {
  return (
    <FieldShell
      {...props}
      type={type}
      control={
        suffix ? (
          <div className="flex items-center gap-2">
            <Input className={controlClass} placeholder={placeholder} />
            <span className="text-ink-muted">{suffix}</span>
          </div>
        ) : (
          <Input className={controlClass} placeholder={placeholder} />
        )
      }
    />
  );
}

/** A labelled multi-line text input; posts as a real `<textarea name>`. */
export function TextArea({ rows = 4, placeholder, ...props }: TextAreaProps) {
  return (
    <FieldShell
      {...props}
      control={<AriaTextArea rows={rows} placeholder={placeholder} className={controlClass} />}
    />
  );
}
