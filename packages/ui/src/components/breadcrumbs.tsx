import type { ReactNode } from "react";
import { type LocalizedProps, useUiMessages } from "../i18n/locale-context";
import { cx } from "../lib/cx";
import type { KitLinkProps, RenderLink } from "./link-render";

/** One step of {@link Breadcrumbs}; the last is the current page. */
export interface BreadcrumbItem {
  label: ReactNode;
  href: string;
}

/** Props of {@link Breadcrumbs}. */
export interface BreadcrumbsProps extends LocalizedProps {
  items: readonly BreadcrumbItem[];
  renderLink?: RenderLink;
  className?: string;
}

const defaultLink: RenderLink = ({ children, ...props }: KitLinkProps) => (
  <a {...props}>{children}</a>
);

/**
 * Where the page sits: a `<nav>` with an ordered list of links; the last item is the current page
 * (`aria-current="page"`). Separators are decorative and mirror in right-to-left text.
 */
export function Breadcrumbs({
  items,
  renderLink = defaultLink,
  className,
  locale,
  messages: overrides,
}: BreadcrumbsProps) {
  const { messages } = useUiMessages(locale, overrides);
  return (
    <nav aria-label={messages.breadcrumbs} className={cx("text-sm", className)}>
      <ol className="flex list-none flex-wrap items-center gap-1 ps-0">
        {items.map((item, index) => {
          const isCurrent = index === items.length - 1;
          return (
            <li key={item.href} className="flex items-center gap-1">
              {index > 0 ? (
                <svg
                  aria-hidden="true"
                  viewBox="0 0 24 24"
                  className="size-4 text-ink-muted rtl:rotate-180"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                >
                  <path d="m9 18 6-6-6-6" />
                </svg>
              ) : null}
              {renderLink({
                href: item.href,
                className: cx(
                  "focus-ring rounded-control underline-offset-4",
                  isCurrent ? "font-semibold text-ink no-underline" : "text-primary underline",
                ),
                ...(isCurrent ? { "aria-current": "page" as const } : {}),
                children: item.label,
              })}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
