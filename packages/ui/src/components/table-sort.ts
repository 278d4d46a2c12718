/** Sort direction, spelled as `aria-sort` spells it. */
export type SortDirection = "ascending" | "descending";

/** Which column a table is sorted by. */
export interface TableSort {
  column: string;
  direction: SortDirection;
}

/**
 * Query string for a sortable header link: `?sort=col&dir=asc`, keeping the other parameters of
 * `current` and dropping `page` (a new order starts at page 1). Lets tables sort on the server,
 * with no JavaScript.
 */
export function tableSortHref(
  sort: TableSort,
  current: string | URLSearchParams = "",
  keys: { sort?: string; direction?: string; page?: string } = {},
): string {
  const sortKey = keys.sort ?? "sort";
  const dirKey = keys.direction ?? "dir";
  const params = new URLSearchParams(current);
  params.delete(keys.page ?? "page");
  params.set(sortKey, sort.column);
  params.set(dirKey, sort.direction === "ascending" ? "asc" : "desc");
  return `?${params.toString()}`;
}

/**
 * Reads `?sort=col&dir=asc|desc` (for a loader). Returns `fallback` when the column is not one of
 * `columns`, so a crafted URL cannot sort by an arbitrary field.
 */
export function parseTableSort(
  search: string | URLSearchParams,
  columns: readonly string[],
  fallback?: TableSort,
): TableSort | undefined {
  const params = new URLSearchParams(search);
  const column = params.get("sort");
  if (!column || !columns.includes(column)) return fallback;
  return { column, direction: params.get("dir") === "desc" ? "descending" : "ascending" };
}

/** The direction a click on a header applies: ascending first, then it toggles. */
export function nextSort(current: TableSort | undefined, column: string): TableSort {
  if (current?.column === column && current.direction === "ascending") {
    return { column, direction: "descending" };
  }
  return { column, direction: "ascending" };
}
