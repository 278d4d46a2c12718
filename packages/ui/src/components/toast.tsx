import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { type LocalizedProps, useUiMessages } from "../i18n/locale-context";
import { cx } from "../lib/cx";
import type { AlertTone } from "./alert";

/** A notification shown in the {@link ToastRegion}. */
export interface Toast {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  tone?: AlertTone;
  /**
   * Milliseconds before it closes by itself. Default: never — people who read slowly or use a
   * screen reader must not lose a message on a timer (WCAG 2.2.1).
   */
  timeout?: number;
}

/** What {@link useToast} returns. */
export interface ToastApi {
  toasts: readonly Toast[];
  /** Shows a toast; returns its id. */
  add: (toast: Omit<Toast, "id"> & { id?: string }) => string;
  dismiss: (id: string) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** Props of {@link ToastProvider}. */
export interface ToastProviderProps {
  /** Toasts present at first render, e.g. a server "flash" message: rendered on the server too. */
  initialToasts?: readonly Toast[];
  children: ReactNode;
}

/** Holds the toast list. Renders no markup itself: put one {@link ToastRegion} in the layout. */
export function ToastProvider({ initialToasts = [], children }: ToastProviderProps) {
  const [toasts, setToasts] = useState<readonly Toast[]>(initialToasts);
  const counter = useRef(0);
  const dismiss = useCallback((id: string) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);
  const add = useCallback((toast: Omit<Toast, "id"> & { id?: string }) => {
    counter.current += 1;
    const id = toast.id ?? `toast-${counter.current}`;
    setToasts((current) => [...current.filter((t) => t.id !== id), { ...toast, id }]);
    return id;
  }, []);
  const api = useMemo(() => ({ toasts, add, dismiss }), [toasts, add, dismiss]);
  return <ToastContext.Provider value={api}>{children}</ToastContext.Provider>;
}

/** Shows and dismisses toasts; must be inside a {@link ToastProvider}. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast must be used inside <ToastProvider>");
  return api;
}

const toneClasses: Record<AlertTone, string> = {
  info: "border-info-border",
  success: "border-success-border",
  warning: "border-warning-border",
  danger: "border-danger-border",
};

function ToastItem({
  toast,
  onDismiss,
  dismissLabel,
}: {
  toast: Toast;
  onDismiss: (id: string) => void;
  dismissLabel: string;
}) {
  const { id, timeout } = toast;
  useEffect(() => {
    if (!timeout) return;
    const timer = setTimeout(() => onDismiss(id), timeout);
    return () => clearTimeout(timer);
  }, [id, timeout, onDismiss]);
  return (
    <li
      className={cx(
        "pointer-events-auto flex items-start gap-3 rounded-card border border-s-4 border-border bg-surface p-4 text-ink shadow-lg",
        toneClasses[toast.tone ?? "info"],
      )}
    >
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <p className="font-bold">{toast.title}</p>
        {toast.description ? <p className="text-sm text-ink-muted">{toast.description}</p> : null}
      </div>
      <button
        type="button"
        onClick={() => onDismiss(id)}
        className="focus-ring -me-2 -mt-2 inline-flex size-11 shrink-0 items-center justify-center rounded-control text-ink-muted hover:bg-surface-muted hover:text-ink"
      >
        <span className="sr-only">{dismissLabel}</span>
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
      </button>
    </li>
  );
}

/** Props of {@link ToastRegion}. */
export interface ToastRegionProps extends LocalizedProps {
  className?: string;
}

/**
 * The landmark where toasts appear. The polite live list is in the server HTML from the start
 * (a live region added later is often not announced), so later toasts are read out.
 */
export function ToastRegion({ className, locale, messages: overrides }: ToastRegionProps) {
  const { messages } = useUiMessages(locale, overrides);
  const api = useContext(ToastContext);
  const toasts = api?.toasts ?? [];
  return (
    <section
      aria-label={messages.notifications}
      className={cx(
        "pointer-events-none fixed inset-x-4 bottom-4 z-50 sm:start-auto sm:end-4 sm:w-96",
        className,
      )}
    >
      <ol
        aria-live="polite"
        aria-relevant="additions text"
        className="flex list-none flex-col gap-2 ps-0"
      >
        {toasts.map((toast) => (
          <ToastItem
            key={toast.id}
            toast={toast}
            onDismiss={api?.dismiss ?? (() => {})}
            dismissLabel={messages.dismissNotification}
          />
        ))}
      </ol>
    </section>
  );
}
