import { describe, expect, it } from "vitest";
import { MAX_IMPORT_ROWS, readRosterCsv } from "./roster-import";

const now = new Date("2026-11-27T00:00:00Z");
const read = (text: string) => readRosterCsv(text, { now });

describe("readRosterCsv", () => {
  it("reads columns in any order, by name, with a BOM, CRLF and quoted names", () => {
    const result = read(
      '\uFEFFName,E-mail,Location,Gender,Birth_Year\r\n"Kollie, Ama",AMA@Example.org,lr,Woman,1990\r\n',
    );
    expect(result).toEqual({
      ok: true,
      columns: ["email", "name", "gender", "birthYear", "location"],
      rows: [
        {
          line: 2,
          email: "ama@example.org",
          name: "Kollie, Ama",
          gender: "woman",
          birthYear: 1990,
          locationCode: "LR",
          problem: undefined,
        },
      ],
    });
  });

  it("reads a French office's file: semicolons, French headers and values, any case or accent", () => {
    const result = read(
      [
        "Courriel;Nom;Genre;Année de naissance;Pays",
        "awa@example.org;Awa Diallo;Femme;1990;Libéria",
        "eric@example.org;Éric Kamara;homme;;liberia",
        "sam@example.org;Sam;Autre genre (autodéfini);;",
        "noa@example.org;Noa;Je préfère ne pas répondre;;",
        "lea@example.org;Léa;PREFERE NE PAS REPONDRE;;LR",
        "x@example.org;X;female;;",
      ].join("\r\n"),
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.rows.map((row) => [row.gender, row.locationCode, row.problem?.reason])).toEqual([
      ["woman", "LR", undefined],
      ["man", "LR", undefined],
      ["another-gender", undefined, undefined],
      ["prefer-not-to-say", undefined, undefined],
      ["prefer-not-to-say", "LR", undefined],
      // A word for sex, not gender: refused, never guessed.
      [undefined, undefined, "unknown-code"],
    ]);
  });

  it("accepts the Abkhazia conflict context code and semicolon files", () => {
    const result = read("email;location\r\nnino@example.org;ge-ab\r\n");
    expect(result.ok && result.rows[0]?.locationCode).toBe("GE-AB");
  });

  it("reports each bad row with its line and reason, and skips blank lines", () => {
    const result = read(
      [
        "email,gender,birth_year,location",
        "not-an-email,,,",
        "a@example.org,female,,",
        "b@example.org,,1890,",
        "",
        "c@example.org,,,XX",
        "d@example.org,,,",
        "D@example.org,,,",
      ].join("\n"),
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.rows.map((row) => [row.line, row.problem])).toEqual([
      [2, { reason: "invalid-email" }],
      [3, { reason: "unknown-code", column: "gender", value: "female" }],
      [4, { reason: "invalid-birth-year", value: "1890" }],
      [6, { reason: "unknown-code", column: "location", value: "XX" }],
      [7, undefined],
      [8, { reason: "duplicate-row", firstLine: 7 }],
    ]);
  });

  it("takes ages 12 to 130 in the year of the import (the platform's learnerBirthYearSchema)", () => {
    // 2026 − 2015 = 11 and 2026 − 1895 = 131 are outside; 12 and 130 are the bounds.
    const result = read(
      "email,birth_year\nx@example.org,2015\ny@example.org,2014\nz@example.org,1896\nw@example.org,1895\n",
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.rows.map((row) => row.problem?.reason)).toEqual([
      "invalid-birth-year",
      undefined,
      undefined,
      "invalid-birth-year",
    ]);
  });

  it("fails the whole file when it cannot be used", () => {
    expect(read("")).toEqual({ ok: false, error: "empty" });
    expect(read("email\r\n")).toEqual({ ok: false, error: "empty" });
    expect(read("name,gender\r\nAma,woman\r\n")).toEqual({
      ok: false,
      error: "no-email-column",
      line: 1,
    });
    expect(read('email\r\n"a@example.org\r\n')).toEqual({ ok: false, error: "malformed", line: 2 });
    expect(read("email\r\nA\uFFFDa@example.org\r\n")).toEqual({ ok: false, error: "not-utf8" });
    const many = `email\n${Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `p${i}@example.org`).join("\n")}`;
    expect(read(many)).toEqual({ ok: false, error: "too-many-rows" });
  });
});
