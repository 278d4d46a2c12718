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
  /**
   * Below the `sm` width (40rem), show only the parent page (the item before the last) on one
   * line, cut with an ellipsis, so a long trail does not push the page's heading off a phone's
   * first screen. Wider screens show the whole trail. Default `false`.
   */
  collapseOnNarrow?: boolean;
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
  collapseOnNarrow = false,
  locale,
  messages: overrides,
}: BreadcrumbsProps) {
  const { messages } = useUiMessages(locale, overrides);
  return (
    <nav aria-label={messages.breadcrumbs} className={cx("text-sm", className)}>
      <ol className="flex list-none flex-wrap items-center gap-1 ps-0">
        {items.map((item, index) => {
          const isCurrent = index === items.length - 1;
          // Collapsed on a phone: the parent alone (the first item when there is only one).
          const isParent = index === Math.max(items.length - 2, 0);
          const collapsed = collapseOnNarrow && !isParent;
          return (
            <li
              key={item.href}
              className={cx(
                "flex items-center gap-1",
                collapsed && "max-sm:hidden",
                collapseOnNarrow && isParent && "max-sm:min-w-0 max-sm:max-w-full",
              )}
            >
              {index > 0 ? (
                <svg
                  aria-hidden="true"
                  viewBox="0 0 24 24"
                  className={cx(
                    "size-4 shrink-0 text-ink-muted rtl:rotate-180",
                    collapseOnNarrow && isParent && "max-sm:rotate-180 max-sm:rtl:rotate-0",
                  )}
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
                  collapseOnNarrow && isParent && "max-sm:truncate",
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
