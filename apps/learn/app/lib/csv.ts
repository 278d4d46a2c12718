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
 * The text of an uploaded CSV file: UTF-8 when its bytes are valid UTF-8 (with or without a BOM),
 * otherwise Windows-1252 — what Excel in French and other Western European languages writes for
 * "CSV (séparateur : point-virgule)". Every byte sequence decodes in Windows-1252, so a file is
 * never refused for its encoding; a wrong guess shows as odd letters in the import report.
 */
export function decodeCsvBytes(bytes: ArrayBuffer | Uint8Array): {
  text: string;
  encoding: "utf-8" | "windows-1252";
} {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

// Windows-1252 bytes 0x80–0x9F (the WHATWG Encoding Standard's index-windows-1252; the five
// unassigned bytes keep their C1 code point). Node's TextDecoder reads "windows-1252" as
// ISO-8859-1 and would turn "œ" (0x9C) or the apostrophe "’" (0x92) into control characters.
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: ArrayBuffer | Uint8Array): string {
  let text = "";
  for (const byte of bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)) {
    text += String.fromCharCode(
      byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] as number) : byte,
    );
  }
  return text;
}

/**
 * The delimiter of a file, read from its header line: a semicolon when the header has semicolons
 * and no commas (what Excel writes in French and many other locales), otherwise a comma.
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  const firstLine = /^[^\r\n]*/.exec(text.startsWith(BOM) ? text.slice(1) : text)?.[0] ?? "";
  return firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
}

/**
 * The `sep` of an export address (`comma` or `semicolon`): the delimiter it names, `undefined`
 * when absent or empty (the reader's language decides, see {@link readerDelimiter}), `null` when it
 * names none (the caller answers 400 naming `sep`).
 */
export function parseSeparatorParam(sep: string | null): CsvDelimiter | undefined | null {
  if (sep === null || sep === "") return undefined;
  return sep === "comma" ? "," : sep === "semicolon" ? ";" : null;
}

/** The list separator of spreadsheets set to this language: `;` in French, `,` otherwise. */
export function readerDelimiter(locale: string): CsvDelimiter {
  return locale === "fr" ? ";" : ",";
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
