import { type LocalizedProps, useUiMessages } from "../i18n/locale-context";
import { formatMessage } from "../i18n/messages";
import { cx } from "../lib/cx";
import type { KitLinkProps, RenderLink } from "./link-render";

/** Props of {@link Pagination}. */
export interface PaginationProps extends LocalizedProps {
  /** Current page, from 1. */
  page: number;
  pageCount: number;
  /** URL of a page, e.g. `(p) => \`?page=${p}\``: plain links, so paging works without JS. */
  hrefForPage: (page: number) => string;
  renderLink?: RenderLink;
  /** Names the navigation landmark; defaults to "Pagination". */
  "aria-label"?: string;
  className?: string;
}

/**
 * Page numbers to show: first, last, the current one and its neighbours; `null` marks a gap.
 * Keeps the list short on small screens whatever the page count.
 */
export function paginationItems(page: number, pageCount: number): Array<number | null> {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1]);
  const pages = [...wanted].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const items: Array<number | null> = [];
  for (const p of pages) {
    const previous = items[items.length - 1];
    if (typeof previous === "number" && p - previous === 2) items.push(p - 1);
    else if (typeof previous === "number" && p - previous > 2) items.push(null);
    items.push(p);
  }
  return items;
}

const defaultLink: RenderLink = ({ children, ...props }: KitLinkProps) => (
  <a {...props}>{children}</a>
);

const linkClass =
  "focus-ring inline-flex min-h-11 min-w-11 items-center justify-center rounded-control px-3 font-semibold text-primary underline-offset-4 hover:underline";

/**
 * Page navigation: a `<nav>` of links, the current page marked `aria-current="page"`, and a
 * "Page 3 of 10" status. Renders nothing for a single page.
 */
export function Pagination({
  page,
  pageCount,
  hrefForPage,
  renderLink = defaultLink,
  "aria-label": ariaLabel,
  className,
  locale,
  messages: overrides,
}: PaginationProps) {
  const { messages } = useUiMessages(locale, overrides);
  if (pageCount <= 1) return null;
  const current = Math.min(Math.max(1, page), pageCount);
  const items = paginationItems(current, pageCount);
  // A gap is named after the page before it, which is unique in the list.
  const keyedItems = items.map((item, position) => ({
    item,
    key: item === null ? `gap-after-${items[position - 1]}` : String(item),
  }));
  const chevron = (d: string) => (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-4 rtl:rotate-180"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d={d} />
    </svg>
  );
  return (
    <nav aria-label={ariaLabel ?? messages.pagination} className={cx("text-ink", className)}>
      <p className="sr-only">
        {formatMessage(messages.pageOf, { page: current, total: pageCount })}
      </p>
      <ul className="flex list-none flex-wrap items-center gap-1 ps-0">
        {current > 1 ? (
          <li>
            {renderLink({
              href: hrefForPage(current - 1),
              rel: "prev",
              className: cx(linkClass, "gap-1"),
              children: (
                <>
                  {chevron("m15 18-6-6 6-6")}
                  <span>{messages.previousPage}</span>
                </>
              ),
            })}
          </li>
        ) : null}
        {keyedItems.map(({ item, key }) =>
          item === null ? (
            <li key={key} aria-hidden="true" className="hidden px-2 text-ink-muted sm:block">
              …
            </li>
          ) : (
            <li key={item} className={item === current ? "" : "hidden sm:block"}>
              {renderLink({
                href: hrefForPage(item),
                className: cx(
                  linkClass,
                  item === current && "border-2 border-primary no-underline hover:no-underline",
                ),
                "aria-label": formatMessage(messages.goToPage, { page: item }),
                ...(item === current ? { "aria-current": "page" as const } : {}),
                children: item,
              })}
            </li>
          ),
        )}
        {current < pageCount ? (
          <li>
            {renderLink({
              href: hrefForPage(current + 1),
              rel: "next",
              className: cx(linkClass, "gap-1"),
              children: (
                <>
                  <span>{messages.nextPage}</span>
                  {chevron("m9 18 6-6-6-6")}
                </>
              ),
            })}
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
