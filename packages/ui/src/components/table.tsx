import { type ReactNode, useId } from "react";
import { type LocalizedProps, useUiMessages } from "../i18n/locale-context";
import { cx } from "../lib/cx";
import { nextSort, type TableSort } from "./table-sort";

/** A column of a {@link Table}. */
export interface TableColumn<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Shows a sort control in the header. */
  sortable?: boolean;
  /** Cells of this column are `<th scope="row">` (e.g. a name column). */
  isRowHeader?: boolean;
  /** `end` for numbers, so digits line up (follows the writing direction). */
  align?: "start" | "end";
}

/** Props of {@link Table}. */
export interface TableProps<Row> extends LocalizedProps {
  /** What the table shows: required, it names the table for screen readers. */
  caption: ReactNode;
  /** Keep the caption for screen readers only. */
  hideCaption?: boolean;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Current sort (the parent sorts the rows). */
  sort?: TableSort;
  /** Client-side sorting: headers become buttons calling this. */
  onSortChange?: (sort: TableSort) => void;
  /** Server-side sorting: headers become links, e.g. `(s) => tableSortHref(s, location.search)`. */
  sortHref?: (sort: TableSort) => string;
  /** Shown in a single row when `rows` is empty. */
  emptyMessage?: ReactNode;
  className?: string;
}

function SortIcon({ direction }: { direction?: TableSort["direction"] }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 16" className="size-3 shrink-0" fill="currentColor">
      <path d="M6 1 10 6H2z" opacity={direction === "descending" ? 0.3 : 1} />
      <path d="M6 15 2 10h8z" opacity={direction === "ascending" ? 0.3 : 1} />
    </svg>
  );
}

/**
 * A data table with a caption and optional sortable headers. `aria-sort` marks the sorted column;
 * sorting is done by the parent — on the client through `onSortChange`, or on the server through
 * `sortHref` links that need no JavaScript.
 */
export function Table<Row>({
  caption,
  hideCaption,
  columns,
  rows,
  rowKey,
  sort,
  onSortChange,
  sortHref,
  emptyMessage,
  className,
  locale,
  messages: overrides,
}: TableProps<Row>) {
  const { messages } = useUiMessages(locale, overrides);
  const captionId = useId();
  // The row-header column (a person's name) stays in view while a wide table scrolls sideways
  // on a phone; its cells carry their row's background so scrolled cells pass under them.
  // On a phone it takes at most half the width, long words (e-mail addresses) wrapping inside.
  const stickyClass =
    "sticky start-0 z-10 shadow-[inset_-1px_0_0_var(--color-border)] max-sm:min-w-32 max-sm:max-w-[50vw] max-sm:[overflow-wrap:anywhere]";
  const headerControlClass =
    "focus-ring -mx-1 inline-flex items-center gap-1 rounded-control px-1 font-semibold text-primary underline-offset-4 hover:underline";

  function renderHeader(column: TableColumn<Row>) {
    if (!column.sortable || (!onSortChange && !sortHref)) return column.header;
    const isSorted = sort?.column === column.key;
    const next = nextSort(sort, column.key);
    const hint = next.direction === "ascending" ? messages.sortAscending : messages.sortDescending;
    const content = (
      <>
        {column.header}
        <span className="sr-only">, {hint}</span>
        <SortIcon direction={isSorted ? sort?.direction : undefined} />
      </>
    );
    return onSortChange ? (
      <button type="button" className={headerControlClass} onClick={() => onSortChange(next)}>
        {content}
      </button>
    ) : (
      <a className={headerControlClass} href={sortHref?.(next)}>
        {content}
      </a>
    );
  }

  return (
    // Narrow phones scroll wide tables sideways: the scroll box is a labelled, focusable region so
    // keyboard users can scroll it too (WCAG 2.1.1).
    <section
      aria-labelledby={captionId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
      tabIndex={0}
      className={cx("focus-ring w-full overflow-x-auto", className)}
    >
      <table className="w-full border-collapse text-start text-ink">
        <caption
          id={captionId}
          className={cx("mb-2 text-start text-lg font-bold", hideCaption && "sr-only")}
        >
          {caption}
        </caption>
        <thead>
          <tr className="border-b-2 border-border-strong">
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={
                  column.sortable && sort?.column === column.key ? sort.direction : undefined
                }
                className={cx(
                  "px-3 py-2 align-bottom font-semibold",
                  column.align === "end" ? "text-end" : "text-start",
                  column.isRowHeader && stickyClass,
                  column.isRowHeader && "bg-surface",
                )}
              >
                {renderHeader(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && emptyMessage ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-6 text-center text-ink-muted">
                {emptyMessage}
              </td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              className="border-b border-border bg-surface even:bg-surface-muted"
            >
              {columns.map((column) => {
                const cellClass = cx(
                  "px-3 py-2 align-top",
                  column.align === "end" ? "text-end tabular-nums" : "text-start",
                );
                return column.isRowHeader ? (
                  <th
                    key={column.key}
                    scope="row"
                    className={cx(cellClass, "bg-inherit font-semibold", stickyClass)}
                  >
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={cellClass}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
