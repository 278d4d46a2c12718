import { type DisaggregationDimension, labelCategory } from "@peacelearn/domain";
import { Table } from "@peacelearn/ui";
import { useTranslation } from "~/lib/i18n-react";

type Key = Partial<Record<string, string>>;
type Row = { key: Key; n: number | null } & Record<string, unknown>;

const dimensions: DisaggregationDimension[] = ["gender", "ageBand", "region"];

function groupLabel(key: Key, locale: string, all: string): string {
  const parts = dimensions.flatMap((dimension) => {
    const value = key[dimension];
    return value === undefined ? [] : [labelCategory(dimension, value, locale)];
  });
  return parts.length > 0 ? parts.join(" · ") : all;
}

function formatNumber(value: number, locale: string, digits: number) {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/**
 * A protected table of means: the group, its count and one column per figure. A withheld cell
 * reads "withheld" in every column (never a number or "<k": ADR 021).
 */
function MeansTable<R extends Row>({
  caption,
  hideCaption,
  rows,
  total,
  columns,
  locale,
}: {
  caption: string;
  hideCaption?: boolean;
  rows: readonly R[];
  total: R;
  columns: readonly {
    key: keyof R & string;
    header: string;
    digits: number;
    undefinedText?: string;
  }[];
  locale: string;
}) {
  const { t } = useTranslation("evaluation");
  const withheld = t("report.withheld");
  const all = [...rows.filter((row) => Object.keys(row.key).length > 0), total];
  return (
    <Table
      caption={caption}
      hideCaption={hideCaption}
      locale={locale === "fr" ? "fr" : "en"}
      rows={all}
      rowKey={(row) => JSON.stringify(row.key)}
      columns={[
        {
          key: "group",
          header: t("report.columns.group"),
          isRowHeader: true,
          cell: (row) => groupLabel(row.key, locale, t("report.all")),
        },
        {
          key: "n",
          header: t("report.columns.n"),
          align: "end",
          cell: (row) => (row.n === null ? withheld : formatNumber(row.n, locale, 0)),
        },
        ...columns.map((column) => ({
          key: column.key,
          header: column.header,
          align: "end" as const,
          cell: (row: R) => {
            if (row.n === null) return withheld;
            const value = row[column.key];
            if (typeof value === "number") return formatNumber(value, locale, column.digits);
            return row.n === 0 ? "–" : (column.undefinedText ?? "–");
          },
        })),
      ]}
    />
  );
}

/** A titled section holding one {@link MeansTable} and the note that defines its figures. */
export function MeansSection<R extends Row>({
  id,
  heading,
  note,
  ...table
}: { id: string; heading: string; note: string } & Omit<
  Parameters<typeof MeansTable<R>>[0],
  "caption" | "hideCaption"
>) {
  return (
    // Not a landmark of its own: the table's scroll region already carries the heading's name.
    <section className="flex flex-col gap-3">
      <h2 id={id} className="text-2xl font-bold">
        {heading}
      </h2>
      <p className="text-sm text-ink-muted">{note}</p>
      <MeansTable caption={heading} hideCaption {...table} />
    </section>
  );
}
