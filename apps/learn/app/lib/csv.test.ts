import { describe, expect, it } from "vitest";
import { CsvParseError, csvCell, decodeCsvBytes, parseCsv, sniffDelimiter, toCsv } from "./csv";

const fieldsOf = (text: string, delimiter?: "," | ";") =>
  parseCsv(text, delimiter).map((record) => record.fields);

describe("parseCsv (RFC 4180)", () => {
  it("splits fields on commas and records on CRLF, without an empty record at the end", () => {
    expect(fieldsOf("email,name\r\na@x.org,Ama\r\n")).toEqual([
      ["email", "name"],
      ["a@x.org", "Ama"],
    ]);
  });

  it("accepts bare LF and lone CR line ends, and a last line without a break", () => {
    expect(fieldsOf("a,b\nc,d\re,f")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
    ]);
  });

  it("drops a leading UTF-8 byte-order mark", () => {
    expect(fieldsOf("\uFEFFemail\r\nx@y.org")).toEqual([["email"], ["x@y.org"]]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks inside", () => {
    // RFC 4180 §2 rules 5–7.
    const text = 'name,note\r\n"Kollie, Ama","She said ""yes""\r\nthen left"\r\n';
    expect(fieldsOf(text)).toEqual([
      ["name", "note"],
      ["Kollie, Ama", 'She said "yes"\r\nthen left'],
    ]);
  });

  it("keeps empty fields, empty quoted fields and trailing empty fields", () => {
    expect(fieldsOf('a,,""\r\n,\r\n')).toEqual([
      ["a", "", ""],
      ["", ""],
    ]);
  });

  it("keeps non-ASCII text as it is", () => {
    expect(fieldsOf("Immaculée,Ndayisaba\r\n")).toEqual([["Immaculée", "Ndayisaba"]]);
  });

  it("numbers records by the physical line they start on, counting line breaks in quotes", () => {
    const records = parseCsv('h\r\n"two\r\nlines"\r\n\r\nlast\r\n');
    expect(records.map((record) => record.line)).toEqual([1, 2, 4, 5]);
    expect(records[2]?.fields).toEqual([""]); // the blank line is kept, so numbers stay true
  });

  it("reads semicolon-separated files when told to", () => {
    expect(fieldsOf('email;name\r\na@x.org;"Diallo; Fatu"\r\n', ";")).toEqual([
      ["email", "name"],
      ["a@x.org", "Diallo; Fatu"],
    ]);
  });

  it("rejects a quote that never closes, with the line it opened on", () => {
    const error = (() => {
      try {
        parseCsv('email\r\n"a@x.org\r\nb@x.org\r\n');
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(CsvParseError);
    expect(error).toMatchObject({ reason: "unterminated-quote", line: 2 });
  });

  it("rejects text right after a closing quote", () => {
    expect(() => parseCsv('"a"b,c')).toThrow(CsvParseError);
  });
});

describe("sniffDelimiter", () => {
  it("picks ; only for a header with semicolons and no commas", () => {
    expect(sniffDelimiter("\uFEFFemail;name\r\na,b")).toBe(";");
    expect(sniffDelimiter("email,name")).toBe(",");
    expect(sniffDelimiter("email")).toBe(",");
  });
});

describe("CSV output", () => {
  it("writes numbers bare with a dot, whatever their sign or fraction", () => {
    expect(csvCell(83.3)).toBe("83.3");
    expect(csvCell(-4)).toBe("-4");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("guards cells a spreadsheet would run as formulas (OWASP CSV injection)", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("Ama")).toBe("Ama");
  });

  it("quotes text with delimiters, quotes or line breaks", () => {
    expect(csvCell("Kollie, Ama")).toBe('"Kollie, Ama"');
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvCell(null)).toBe("");
  });

  it("writes a BOM, CRLF record ends and a final line break, and reads back the same", () => {
    const rows = [
      ["name", "score"],
      ["Kollie, Ama", 83.5],
      ['"Quoted"', 0],
    ];
    const text = toCsv(rows);
    expect(text.startsWith("\uFEFFname,score\r\n")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(fieldsOf(text)).toEqual([
      ["name", "score"],
      ["Kollie, Ama", "83.5"],
      ['"Quoted"', "0"],
    ]);
  });
});

describe("toCsv options", () => {
  const rows = [
    ["Nom", "Taux"],
    ["Kollie; Ama", 0.5],
    ["Niang", 12],
  ];

  it("keeps RFC 4180's comma and a BOM by default", () => {
    expect(toCsv(rows)).toBe('\uFEFFNom,Taux\r\n"Kollie; Ama",0.5\r\nNiang,12\r\n');
  });

  it("writes semicolons and decimal commas for French spreadsheets, and can leave out the BOM", () => {
    const french = toCsv(rows, { delimiter: ";" });
    expect(french).toBe('\uFEFFNom;Taux\r\n"Kollie; Ama";0,5\r\nNiang;12\r\n');
    // What the app writes, it reads back.
    expect(fieldsOf(french, sniffDelimiter(french))).toEqual([
      ["Nom", "Taux"],
      ["Kollie; Ama", "0,5"],
      ["Niang", "12"],
    ]);
    expect(toCsv(rows, { delimiter: ";", bom: false }).startsWith("Nom;")).toBe(true);
  });
});

describe("decodeCsvBytes", () => {
  it("reads UTF-8, with or without a BOM (the BOM is dropped)", () => {
    const text = "nom;genre\r\nAmélie;femme\r\n";
    for (const bytes of [
      new TextEncoder().encode(`\uFEFF${text}`),
      new TextEncoder().encode(text),
    ]) {
      expect(decodeCsvBytes(bytes)).toEqual({ text, encoding: "utf-8" });
    }
  });

  it("falls back to Windows-1252 (French Excel's 'CSV (point-virgule)') when the bytes are not UTF-8", () => {
    // "Amélie;Rémi € œ’" in Windows-1252: é = 0xE9, € = 0x80, œ = 0x9C, ’ = 0x92 (the code
    // page's table, as in the WHATWG Encoding Standard's index-windows-1252).
    const bytes = Uint8Array.from([
      0x41, 0x6d, 0xe9, 0x6c, 0x69, 0x65, 0x3b, 0x52, 0xe9, 0x6d, 0x69, 0x20, 0x80, 0x20, 0x9c,
      0x92,
    ]);
    expect(decodeCsvBytes(bytes)).toEqual({
      text: "Amélie;Rémi € œ’",
      encoding: "windows-1252",
    });
  });
});
