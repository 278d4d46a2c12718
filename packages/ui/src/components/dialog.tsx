import type { ReactNode } from "react";
import {
  Dialog as AriaDialog,
  DialogTrigger,
  Heading,
  Modal,
  ModalOverlay,
} from "react-aria-components";
import { type LocalizedProps, useUiMessages } from "../i18n/locale-context";
import { cx } from "../lib/cx";
import { Button } from "./button";

/** Props of {@link Dialog}. */
export interface DialogProps extends LocalizedProps {
  /** Heading of the dialog; names it for screen readers. */
  title: ReactNode;
  /** The element that opens it: usually a kit `<Button>`. */
  trigger?: ReactNode;
  /** Content, or a function receiving `close`. */
  children: ReactNode | ((close: () => void) => ReactNode);
  /** Controlled open state (without a trigger). */
  isOpen?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (isOpen: boolean) => void;
  /** Close on a click outside. Escape always closes. Defaults to true. */
  isDismissable?: boolean;
  /** `alertdialog` for confirmations that need an answer. */
  role?: "dialog" | "alertdialog";
  className?: string;
}

/**
 * A modal dialog (React Aria: focus moves in, is trapped, Escape closes, focus returns to the
 * trigger, the page behind is hidden from screen readers). Needs JavaScript: on pages that ship
 * none, link to a separate page instead.
 */
export function Dialog({
  title,
  trigger,
  children,
  isOpen,
  defaultOpen,
  onOpenChange,
  isDismissable = true,
  role = "dialog",
  className,
  locale,
  messages: overrides,
}: DialogProps) {
  const { messages } = useUiMessages(locale, overrides);
  const modal = (
    <ModalOverlay
      isDismissable={isDismissable}
      className="fixed inset-0 z-50 flex items-end justify-center bg-ink/50 p-4 sm:items-center motion-safe:transition-opacity"
    >
      <Modal className="w-full max-w-lg">
        <AriaDialog
          role={role}
          className={cx(
            "relative flex max-h-[85vh] flex-col gap-4 overflow-y-auto rounded-card bg-surface p-6 text-ink shadow-xl outline-none",
            className,
          )}
        >
          {({ close }) => (
            <>
              <div className="flex items-start justify-between gap-4">
                <Heading slot="title" className="text-xl font-bold text-ink">
                  {title}
                </Heading>
                <Button
                  variant="ghost"
                  size="sm"
                  onPress={close}
                  className="-me-2 -mt-2 size-11 px-0"
                >
                  <span className="sr-only">{messages.close}</span>
                  <svg
                    aria-hidden="true"
                    viewBox="0 0 24 24"
                    className="size-5"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="2"
                  >
                    <path d="m6 6 12 12M18 6 6 18" />
                  </svg>
                </Button>
              </div>
              {typeof children === "function" ? children(close) : children}
            </>
          )}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
  return (
    <DialogTrigger
      {...(isOpen !== undefined ? { isOpen } : {})}
      {...(defaultOpen !== undefined ? { defaultOpen } : {})}
      {...(onOpenChange ? { onOpenChange } : {})}
    >
      {trigger}
      {modal}
    </DialogTrigger>
  );
}
