// CSV in and out, per RFC 4180 (fields separated by a delimiter, records by CRLF, fields with
// delimiters, quotes or line breaks enclosed in double quotes, quotes doubled inside them), plus
// what real spreadsheets do: a UTF-8 byte-order mark, bare LF line ends, and — French Excel —
// semicolons instead of commas.

const BOM = "\uFEFF";

export type CsvDelimiter = "," | ";";

/** A malformed file: `line` is 1-based and counts physical lines, as a text editor does. */
export class CsvParseError extends Error {
  override readonly name = "CsvParseError";
  constructor(
    readonly reason: "unterminated-quote" | "text-after-quote",
    readonly line: number,
  ) {
    super(`CSV ${reason} at line ${line}`);
  }
}

/** One record with the physical line it starts on (for reports that point back into the file). */
export type CsvRecord = { line: number; fields: string[] };

/**
 * Parses CSV text into records. A leading BOM is dropped; CRLF, LF and lone CR all end a record
 * outside quotes and are kept verbatim inside them; a final line break does not make an empty
 * record, but blank lines in between are kept (as `[""]`) so line numbers stay true.
 *
 * @throws CsvParseError on a quote that never closes or text right after a closing quote.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter = ","): CsvRecord[] {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  // After a closing quote only a delimiter or a line break may follow.
  let afterQuote = false;

  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    afterQuote = false;
  };

  while (i < input.length) {
    const char = input[i] as string;
    if (char === '"' && field === "" && !afterQuote) {
      // Quoted field: read up to the closing quote.
      const quoteLine = line;
      i++;
      let closed = false;
      while (i < input.length) {
        const inner = input[i] as string;
        if (inner === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (inner === "\n" || (inner === "\r" && input[i + 1] !== "\n")) line++;
        field += inner;
        i++;
      }
      if (!closed) throw new CsvParseError("unterminated-quote", quoteLine);
      afterQuote = true;
      continue;
    }
    if (char === delimiter) {
      fields.push(field);
      field = "";
      afterQuote = false;
      i++;
      continue;
    }
    if (char === "\r" || char === "\n") {
      endRecord();
      i += char === "\r" && input[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (afterQuote) throw new CsvParseError("text-after-quote", line);
    field += char;
    i++;
  }
  // A last record without a final line break (but not the empty "record" after one).
  if (field !== "" || fields.length > 0 || afterQuote) endRecord();
  return records;
}

/**
 * The delimiter of a file, read from its header line: a semicolon when the header has semicolons
 * and no commas (what Excel writes in French and many other locales), otherwise a comma.
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  const firstLine = /^[^\r\n]*/.exec(text.startsWith(BOM) ? text.slice(1) : text)?.[0] ?? "";
  return firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
}

/** A cell to write: text, a number (written as a number), or nothing. */
export type CsvCell = string | number | null | undefined;

// OWASP "CSV injection": a cell a spreadsheet would read as a formula. Tab and CR are included
// because some spreadsheets skip them before looking for the formula sign.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as CSV. Numbers are written bare with a `.` decimal point (what every spreadsheet and
 * statistics tool reads as a number), or a `,` one for a semicolon file (see {@link toCsv});
 * text that would start a formula gets a leading `'`, which spreadsheets show as text; text with
 * a comma, semicolon, quote or line break is quoted.
 */
export function csvCell(value: CsvCell): string {
  return writeCell(value, ".");
}

function writeCell(value: CsvCell, decimalMark: "." | ","): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    // String(n) never uses exponent notation for the sizes a report holds, and never a comma.
    return decimalMark === "." ? String(value) : String(value).replace(".", ",");
  }
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** How to write a file; the defaults are RFC 4180's comma with a BOM. */
export type CsvWriteOptions = {
  /**
   * `;` for spreadsheets set to French (and other languages whose decimal mark is a comma): Excel
   * there splits columns on semicolons, so numbers in such a file get a `,` decimal mark too.
   */
  delimiter?: CsvDelimiter;
  /** A UTF-8 byte-order mark first, so Excel reads accents right (default true). */
  bom?: boolean;
};

/** A whole file: BOM (so Excel reads UTF-8), CRLF line ends (RFC 4180), a final line break. */
export function toCsv(
  rows: ReadonlyArray<ReadonlyArray<CsvCell>>,
  { delimiter = ",", bom = true }: CsvWriteOptions = {},
): string {
  const decimalMark = delimiter === ";" ? "," : ".";
  const lines = rows.map((row) => row.map((cell) => writeCell(cell, decimalMark)).join(delimiter));
  return `${bom ? BOM : ""}${lines.join("\r\n")}\r\n`;
}
