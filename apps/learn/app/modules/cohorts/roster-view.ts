import { parseTableSort, type TableSort } from "@peacelearn/ui";
import { foldForSearch } from "~/lib/search-text";
import type { TraineeProgress } from "./roster.server";

/** The roster grid's GET parameters: words to find, "may need help" only, and a sort. */
export type RosterView = { q: string; help: boolean; sort: TableSort | undefined };

const rosterSortColumns = ["trainee", "course", "attendance"] as const;

/** Reads the view from the page's query; anything unknown means "no filter", never an error. */
export function parseRosterView(query: URLSearchParams): RosterView {
  return {
    q: (query.get("q") ?? "").trim().replace(/\s+/g, " ").slice(0, 100),
    help: query.get("help") === "1",
    sort: parseTableSort(query, rosterSortColumns),
  };
}

/**
 * The trainees the grid shows: those whose name or e-mail holds every word of `q` (case and
 * accents aside), only those who may need help when asked, in the asked order (the roster's own
 * order, by name, otherwise; a missing attendance rate sorts last either way).
 */
export function viewRoster(
  trainees: readonly TraineeProgress[],
  view: RosterView,
  locale: string,
): TraineeProgress[] {
  const words = view.q ? foldForSearch(view.q).split(" ") : [];
  const shown = trainees.filter(
    (trainee) =>
      (!view.help || trainee.signals.length > 0) &&
      words.every((word) =>
        foldForSearch(`${trainee.displayName} ${trainee.email}`).includes(word),
      ),
  );
  const sort = view.sort;
  if (!sort) return shown;
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  const sign = sort.direction === "ascending" ? 1 : -1;
  const value = (trainee: TraineeProgress) =>
    sort.column === "course" ? trainee.course.percent : trainee.attendance.ratePercent;
  return [...shown].sort((a, b) => {
    if (sort.column === "trainee") return sign * collator.compare(a.displayName, b.displayName);
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y);
  });
}
