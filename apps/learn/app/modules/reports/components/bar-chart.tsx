import { useTranslation } from "~/lib/i18n-react";
import type { PublishedCount } from "../report-rows";

/** One bar: its label as the reader says it, and the published count (or a withheld one). */
export type ChartBar = { id: string; label: string; value: PublishedCount };

/** Bars under one heading (e.g. one gender's age bands); no heading for a one-dimension chart. */
export type ChartGroup = { id: string; label?: string; total?: PublishedCount; bars: ChartBar[] };

function ValueText({ value, approximate }: { value: PublishedCount; approximate: boolean }) {
  const { t, i18n } = useTranslation("reports");
  if (value.suppressed || value.count === null) return <>{t("cell.withheld")}</>;
  const figure = new Intl.NumberFormat(i18n.language).format(value.count);
  return <>{approximate ? t("overview.about", { figure }) : figure}</>;
}

/**
 * A bar chart in HTML: labels are text that wraps (on a phone above their bar, on wider screens
 * beside it), so no label is ever cut off in either language and nothing shrinks with the screen,
 * as an SVG scaled to its box did. Each bar's value is written beside it — "withheld" where the
 * count is not published, with no bar, since a bar would give its size away. The chart is a list,
 * so a screen reader reads label and value in turn; the bars themselves are decoration.
 * Bars that are published zeros are left out unless asked (an adult programme has no one under
 * 18); a group left with no bar goes too.
 */
export function BarChart({
  title,
  groups,
  approximate = false,
  showZeros = false,
}: {
  title: string;
  groups: readonly ChartGroup[];
  /** Perturbed figures, written "about N". */
  approximate?: boolean;
  /** Keep bars at 0 (a trend's empty quarter is a fact worth seeing). */
  showZeros?: boolean;
}) {
  const { t } = useTranslation("reports");
  const isZero = (value: PublishedCount) => !showZeros && !value.suppressed && value.count === 0;
  const shown = groups
    .map((group) => ({ ...group, bars: group.bars.filter((bar) => !isZero(bar.value)) }))
    .filter((group) => group.bars.length > 0);
  const largest = Math.max(
    1,
    ...shown.flatMap((group) => group.bars.map((bar) => bar.value.count ?? 0)),
  );
  return (
    <figure className="flex min-w-0 flex-col gap-3">
      <figcaption className="text-lg font-semibold">{title}</figcaption>
      {shown.length === 0 ? <p>{t("chart.nothing")}</p> : null}
      {shown.map((group) => (
        <div key={group.id} className="flex flex-col gap-2">
          {group.label ? (
            <p className="font-semibold break-words" data-chart-label>
              {group.label}
              {group.total ? (
                <span className="font-normal text-ink-muted">
                  {" — "}
                  <ValueText value={group.total} approximate={approximate} />
                </span>
              ) : null}
            </p>
          ) : null}
          <ul className="flex list-none flex-col gap-2 ps-0">
            {group.bars.map((bar) => {
              const withheld = bar.value.suppressed || bar.value.count === null;
              const width = withheld ? 0 : (100 * (bar.value.count ?? 0)) / largest;
              return (
                <li
                  key={bar.id}
                  className="flex flex-col gap-1 sm:grid sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)] sm:items-center sm:gap-3"
                >
                  <span className="min-w-0 break-words" data-chart-label>
                    {bar.label}
                  </span>
                  <span className="flex min-w-0 items-center gap-2">
                    {/* The track: every bar is a share of the same width, so lengths compare. */}
                    <span aria-hidden="true" className="block min-w-0 flex-1">
                      {width > 0 ? (
                        <span
                          className="block h-4 rounded-sm bg-primary"
                          style={{ width: `max(${width}%, 0.25rem)` }}
                        />
                      ) : null}
                    </span>
                    <span
                      className={`w-32 shrink-0 tabular-nums ${withheld ? "italic text-ink-muted" : ""}`}
                    >
                      <ValueText value={bar.value} approximate={approximate} />
                    </span>
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </figure>
  );
}
