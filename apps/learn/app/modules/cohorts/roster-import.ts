import { learnerBirthYearSchema } from "@peacelearn/db/schemas";
import {
  type Gender,
  genderLabels,
  genders,
  type LocationCode,
  locationCodes,
  locationName,
} from "@peacelearn/domain";
import { z } from "zod";
import { CsvParseError, type CsvRecord, parseCsv, sniffDelimiter } from "~/lib/csv";
import { foldForSearch } from "~/lib/search-text";

/** Upload limits: a cohort roster is tens of people; these stop a wrong file early. */
export const MAX_IMPORT_BYTES = 512 * 1024;
export const MAX_IMPORT_ROWS = 1000;

/** Header names accepted for each column (compared without case, spaces, dashes or underscores). */
const COLUMN_ALIASES = {
  email: ["email", "e-mail", "mail", "courriel", "adresse e-mail"],
  name: ["name", "display name", "displayname", "nom", "full name"],
  gender: ["gender", "genre"],
  birthYear: ["birth year", "birthyear", "year of birth", "année de naissance"],
  location: ["location", "location code", "country", "pays", "lieu"],
} as const;

type ImportColumn = keyof typeof COLUMN_ALIASES;

const normaliseHeader = (text: string) =>
  text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s_-]+/g, "");

/** Lower case, no accents, one space: "Préfère  ne pas répondre" → "prefere ne pas repondre". */
const normaliseValue = (text: string) =>
  foldForSearch(text)
    .replace(/[\s_]+/g, " ")
    .trim();

/**
 * Gender as a spreadsheet in an office may write it: the domain's code, its English or French
 * label ("Femme", "Homme", "Préfère ne pas répondre") and a few plain forms of the last two. Words
 * for sex ("female", "M") stay refused: the column records gender, and a guess would be wrong.
 */
const genderByValue = new Map<string, Gender>([
  ...genders.flatMap((code): [string, Gender][] => [
    [normaliseValue(code), code],
    [normaliseValue(genderLabels[code].en), code],
    [normaliseValue(genderLabels[code].fr), code],
  ]),
  ...(
    [
      ["autre", "another-gender"],
      ["other", "another-gender"],
      ["another gender", "another-gender"],
      ["autre genre", "another-gender"],
      ["je prefere ne pas repondre", "prefer-not-to-say"],
      ["ne souhaite pas repondre", "prefer-not-to-say"],
    ] as const
  ).map(([value, code]): [string, Gender] => [value, code]),
]);

/** A location by its code ("LR") or its English or French name ("Liberia", "Libéria"). */
const locationByValue = new Map<string, LocationCode>(
  locationCodes.flatMap((code): [string, LocationCode][] => [
    [normaliseValue(code), code],
    [normaliseValue(locationName(code, { locale: "en" })), code],
    [normaliseValue(locationName(code, { locale: "fr" })), code],
  ]),
);

export type RowProblem =
  | { reason: "invalid-email" }
  | { reason: "unknown-code"; column: "gender" | "location"; value: string }
  | { reason: "invalid-birth-year"; value: string }
  | { reason: "duplicate-row"; firstLine: number };

/** One data row of the file, checked on its own (no database). */
export type ImportRow = {
  line: number;
  email: string;
  name: string;
  gender: Gender | undefined;
  birthYear: number | undefined;
  locationCode: LocationCode | undefined;
  problem: RowProblem | undefined;
};

export type ReadRosterResult =
  | { ok: true; rows: ImportRow[]; columns: ImportColumn[] }
  | {
      ok: false;
      error: "empty" | "not-utf8" | "no-email-column" | "too-many-rows" | "malformed";
      line?: number;
    };

const emailSchema = z.email();

/**
 * Reads a roster CSV: a header row naming the columns (email required; name, gender, birth year
 * and location optional, in any order, extra columns ignored), then one person per row. Codes
 * are the domain's (gender "woman", "prefer-not-to-say"…; location "LR", "GE-AB"…), matched
 * without case. Blank lines are skipped; a repeated e-mail is reported on its second row.
 */
export function readRosterCsv(text: string, { now = new Date() } = {}): ReadRosterResult {
  // Decoding a non-UTF-8 file (e.g. Excel's "CSV" in Windows-1252) leaves U+FFFD marks.
  if (text.includes("\uFFFD")) return { ok: false, error: "not-utf8" };
  let records: CsvRecord[];
  try {
    records = parseCsv(text, sniffDelimiter(text));
  } catch (error) {
    if (error instanceof CsvParseError) return { ok: false, error: "malformed", line: error.line };
    throw error;
  }
  const nonBlank = records.filter((record) => record.fields.some((field) => field.trim() !== ""));
  const [header, ...data] = nonBlank;
  if (!header) return { ok: false, error: "empty" };
  const index = columnIndex(header.fields);
  if (index.email === undefined) return { ok: false, error: "no-email-column", line: header.line };
  if (data.length === 0) return { ok: false, error: "empty" };
  if (data.length > MAX_IMPORT_ROWS) return { ok: false, error: "too-many-rows" };

  const firstLineOf = new Map<string, number>();
  const rows = data.map((record) => {
    const cell = (column: ImportColumn) => {
      const at = index[column];
      return at === undefined ? "" : (record.fields[at] ?? "").trim();
    };
    const row = checkRow(record.line, cell, now);
    if (!row.problem) {
      const first = firstLineOf.get(row.email);
      if (first !== undefined) row.problem = { reason: "duplicate-row", firstLine: first };
      else firstLineOf.set(row.email, record.line);
    }
    return row;
  });
  const columns = (Object.keys(COLUMN_ALIASES) as ImportColumn[]).filter(
    (column) => index[column] !== undefined,
  );
  return { ok: true, rows, columns };
}

function columnIndex(headers: readonly string[]): Partial<Record<ImportColumn, number>> {
  const index: Partial<Record<ImportColumn, number>> = {};
  headers.forEach((header, position) => {
    const name = normaliseHeader(header);
    for (const [column, aliases] of Object.entries(COLUMN_ALIASES) as Array<
      [ImportColumn, readonly string[]]
    >) {
      if (index[column] === undefined && aliases.some((alias) => normaliseHeader(alias) === name)) {
        index[column] = position;
      }
    }
  });
  return index;
}

function checkRow(line: number, cell: (column: ImportColumn) => string, now: Date): ImportRow {
  const email = cell("email").toLowerCase();
  const row: ImportRow = {
    line,
    email,
    name: cell("name"),
    gender: undefined,
    birthYear: undefined,
    locationCode: undefined,
    problem: undefined,
  };
  if (email.length > 254 || !emailSchema.safeParse(email).success) {
    row.problem = { reason: "invalid-email" };
    return row;
  }
  const gender = cell("gender");
  if (gender) {
    const code = genderByValue.get(normaliseValue(gender));
    if (!code) {
      row.problem = { reason: "unknown-code", column: "gender", value: gender };
      return row;
    }
    row.gender = code;
  }
  const birthYear = cell("birthYear");
  if (birthYear) {
    const year = Number(birthYear);
    // Four digits (a year, never a date), then the platform's one rule, as at sign-up.
    if (!/^\d{4}$/.test(birthYear) || !learnerBirthYearSchema(now).safeParse(year).success) {
      row.problem = { reason: "invalid-birth-year", value: birthYear };
      return row;
    }
    row.birthYear = year;
  }
  const location = cell("location");
  if (location) {
    const code = locationByValue.get(normaliseValue(location));
    if (!code) {
      row.problem = { reason: "unknown-code", column: "location", value: location };
      return row;
    }
    row.locationCode = code;
  }
  return row;
}
