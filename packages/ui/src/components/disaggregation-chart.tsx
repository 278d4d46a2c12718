import { ageBandLabels, genderLabels, localize } from "@peacelearn/domain";
import { type ReactNode, useId, useState } from "react";
import { type LocalizedProps, useUiMessages } from "../i18n/locale-context";
import { formatMessage, type UiMessages } from "../i18n/messages";
import { cx } from "../lib/cx";
import {
  type CellValue,
  cellValue,
  type DisaggregationData,
  pyramidGrid,
} from "./disaggregation-data";

/** Props of {@link DisaggregationChart}. */
export interface DisaggregationChartProps extends LocalizedProps {
  /** The result of `disaggregate(records, { by: ["gender", "ageBand"] })`. */
  data: DisaggregationData;
  /** What is counted, e.g. "Participants in trainings, 2026": caption of chart and table. */
  title: ReactNode;
  /** Label overrides by code; defaults come from `@peacelearn/domain` in the locale. */
  labels?: { gender?: Record<string, string>; ageBand?: Record<string, string> };
  /** Whether the data table starts visible. It is always in the DOM for screen readers. */
  defaultTableVisible?: boolean;
  /** Offer a show/hide button for the table (it needs JavaScript, so only on hydrated pages). */
  tableToggle?: boolean;
  className?: string;
}

const W = 640;
const GUTTER = 112;
const SIDE = (W - GUTTER) / 2;
const BAR_MAX = SIDE - 56;
const ROW = 30;
const BAR = 20;
const HEAD = 28;
const STUB = 22;

function cellText(
  value: CellValue,
  min: number,
  messages: UiMessages,
  format: (n: number) => string,
) {
  if (value.kind === "count") return format(value.count);
  if (value.kind === "hidden") return messages.hiddenCell;
  return formatMessage(messages.fewerThan, { min });
}

/**
 * Gender × age-band population pyramid (women left, men right) with a data table that is always
 * in the DOM. Suppressed cells show "<5" (the threshold comes from `data.minCellSize`) and a
 * hatched stub that is the same size whatever the hidden number, so no length hints at it. Other
 * genders, "prefer not to say" and "not recorded" get a chart of their own and table columns.
 */
export function DisaggregationChart({
  data,
  title,
  labels,
  defaultTableVisible = true,
  tableToggle = false,
  className,
  locale,
  messages: overrides,
}: DisaggregationChartProps) {
  const { locale: resolved, messages } = useUiMessages(locale, overrides);
  const [tableVisible, setTableVisible] = useState(defaultTableVisible);
  const baseId = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const hatchId = `hatch-${baseId}`;
  const tableId = `table-${baseId}`;
  const captionId = `caption-${baseId}`;
  const numberFormat = new Intl.NumberFormat(resolved === "fr" ? "fr-FR" : "en-GB");
  const format = (n: number) => numberFormat.format(n);
  const grid = pyramidGrid(data);
  const min = data.minCellSize;

  const genderName = (g: string) =>
    labels?.gender?.[g] ??
    (g === "woman" ? messages.women : g === "man" ? messages.men : undefined) ??
    (g in genderLabels ? localize(genderLabels[g as keyof typeof genderLabels], resolved) : g);
  const bandName = (b: string) =>
    labels?.ageBand?.[b] ??
    (b in ageBandLabels ? localize(ageBandLabels[b as keyof typeof ageBandLabels], resolved) : b);

  const known = grid.ageBands.filter((b) => b !== "unknown");
  // Oldest at the top, as pyramids are read; unknown age sits apart at the bottom.
  const rows = [...known.reverse(), ...grid.ageBands.filter((b) => b === "unknown")];
  const others = grid.genders.filter((g) => g !== "woman" && g !== "man");
  const otherRows = others.flatMap((g) =>
    grid.ageBands
      .map((b) => ({ gender: g, band: b, value: grid.value(g, b) }))
      .filter((r) => r.value.kind !== "count" || r.value.count > 0),
  );
  const otherMax = Math.max(
    1,
    ...otherRows.map((r) => (r.value.kind === "count" ? r.value.count : 0)),
  );
  const hasSuppressed = data.cells.some((c) => c.suppressed);
  const hasHidden = data.cells.some((c) => c.suppressed && c.reason === "complementary");

  function bar(
    value: CellValue,
    side: "start" | "end",
    y: number,
    max: number,
    colour: string,
    origin: number,
  ) {
    const text = cellText(value, min, messages, format);
    const sign = side === "start" ? -1 : 1;
    const anchor = side === "start" ? "end" : "start";
    if (value.kind !== "count") {
      const x = side === "start" ? origin - STUB : origin;
      return (
        <g>
          <rect
            x={x}
            y={y}
            width={STUB}
            height={BAR}
            fill={`url(#${hatchId})`}
            className="stroke-chart-suppressed"
            strokeDasharray="3 2"
          />
          <text
            x={origin + sign * (STUB + 6)}
            y={y + BAR / 2}
            dominantBaseline="central"
            textAnchor={anchor}
            className="fill-ink text-xs"
          >
            {text}
          </text>
        </g>
      );
    }
    const length = (value.count / max) * BAR_MAX;
    return (
      <g>
        <rect
          x={side === "start" ? origin - length : origin}
          y={y}
          width={length}
          height={BAR}
          className={colour}
        />
        <text
          x={origin + sign * (length + 6)}
          y={y + BAR / 2}
          dominantBaseline="central"
          textAnchor={anchor}
          className="fill-ink text-xs"
        >
          {text}
        </text>
      </g>
    );
  }

  const pyramidHeight = HEAD + rows.length * ROW;
  const otherHeight = HEAD + otherRows.length * ROW;
  const totalText = cellText(cellValue(data.total), min, messages, format);
  const marginCell = (value: CellValue | undefined) =>
    value ? (
      <>
        {cellText(value, min, messages, format)}
        {value.kind === "below-threshold" ? (
          <span className="sr-only"> ({messages.suppressed})</span>
        ) : null}
      </>
    ) : null;

  return (
    <figure aria-labelledby={captionId} className={cx("flex flex-col gap-3 text-ink", className)}>
      <figcaption id={captionId} className="text-lg font-bold">
        {title}
      </figcaption>
      <p className="text-sm text-ink-muted">{messages.chartDescription}</p>
      <svg
        aria-hidden="true"
        viewBox={`0 0 ${W} ${pyramidHeight}`}
        className="h-auto w-full max-w-2xl"
        focusable="false"
      >
        <defs>
          <pattern
            id={hatchId}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" className="fill-surface" />
            <line x1="0" y1="0" x2="0" y2="6" strokeWidth="3" className="stroke-chart-suppressed" />
          </pattern>
        </defs>
        <text
          x={SIDE - 4}
          y={HEAD / 2}
          textAnchor="end"
          dominantBaseline="central"
          className="fill-ink text-sm font-semibold"
        >
          {genderName("woman")}
        </text>
        <text
          x={SIDE + GUTTER + 4}
          y={HEAD / 2}
          dominantBaseline="central"
          className="fill-ink text-sm font-semibold"
        >
          {genderName("man")}
        </text>
        {rows.map((band, index) => {
          const y = HEAD + index * ROW + (ROW - BAR) / 2;
          return (
            <g key={band}>
              <text
                x={W / 2}
                y={y + BAR / 2}
                textAnchor="middle"
                dominantBaseline="central"
                className="fill-ink text-xs"
              >
                {bandName(band)}
              </text>
              {bar(grid.value("woman", band), "start", y, grid.maxCount, "fill-chart-women", SIDE)}
              {bar(
                grid.value("man", band),
                "end",
                y,
                grid.maxCount,
                "fill-chart-men",
                SIDE + GUTTER,
              )}
            </g>
          );
        })}
      </svg>
      {otherRows.length > 0 ? (
        <svg
          aria-hidden="true"
          viewBox={`0 0 ${W} ${otherHeight}`}
          className="h-auto w-full max-w-2xl"
          focusable="false"
        >
          <text
            x={0}
            y={HEAD / 2}
            dominantBaseline="central"
            className="fill-ink text-sm font-semibold"
          >
            {messages.otherGenders}
          </text>
          {otherRows.map((row, index) => {
            const y = HEAD + index * ROW + (ROW - BAR) / 2;
            return (
              <g key={`${row.gender}-${row.band}`}>
                <text
                  x={GUTTER * 2 - 8}
                  y={y + BAR / 2}
                  textAnchor="end"
                  dominantBaseline="central"
                  className="fill-ink text-xs"
                >
                  {`${genderName(row.gender)} · ${bandName(row.band)}`}
                </text>
                {bar(row.value, "end", y, otherMax, "fill-chart-other", GUTTER * 2)}
              </g>
            );
          })}
        </svg>
      ) : null}
      {tableToggle ? (
        <button
          type="button"
          aria-expanded={tableVisible}
          aria-controls={tableId}
          onClick={() => setTableVisible((v) => !v)}
          className="focus-ring self-start rounded-control text-primary underline underline-offset-4"
        >
          {tableVisible ? messages.hideDataTable : messages.showDataTable}
        </button>
      ) : null}
      {/* A scrollable box must be reachable by keyboard (WCAG 2.1.1): a labelled, focusable region. */}
      <div
        id={tableId}
        {...(tableVisible
          ? {
              role: "region",
              "aria-labelledby": captionId,
              tabIndex: 0,
              className: "focus-ring overflow-x-auto",
            }
          : { className: "sr-only" })}
      >
        <table className="border-collapse text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b-2 border-border-strong">
              <th scope="col" className="px-3 py-1 text-start">
                {messages.ageBand}
              </th>
              {grid.genders.map((g) => (
                <th key={g} scope="col" className="px-3 py-1 text-end">
                  {genderName(g)}
                </th>
              ))}
              <th scope="col" className="px-3 py-1 text-end">
                {messages.total}
              </th>
            </tr>
          </thead>
          <tbody>
            {grid.ageBands.map((band) => (
              <tr key={band} className="border-b border-border">
                <th scope="row" className="px-3 py-1 text-start font-normal">
                  {bandName(band)}
                </th>
                {grid.genders.map((g) => {
                  const value = grid.value(g, band);
                  return (
                    <td key={g} className="px-3 py-1 text-end tabular-nums">
                      {cellText(value, min, messages, format)}
                      {value.kind === "below-threshold" ? (
                        <span className="sr-only"> ({messages.suppressed})</span>
                      ) : null}
                    </td>
                  );
                })}
                <td className="px-3 py-1 text-end font-semibold tabular-nums">
                  {marginCell(grid.margin("ageBand", band))}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="px-3 py-1 text-start">
                {messages.total}
              </th>
              {grid.genders.map((g) => (
                <td key={g} className="px-3 py-1 text-end font-semibold tabular-nums">
                  {marginCell(grid.margin("gender", g))}
                </td>
              ))}
              <td className="px-3 py-1 text-end font-bold tabular-nums">{totalText}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {hasSuppressed ? (
        <p className="text-sm text-ink-muted">
          {formatMessage(messages.suppressedNote, { min })}
          {hasHidden ? ` ${messages.hiddenNote}` : null}
        </p>
      ) : null}
    </figure>
  );
}
