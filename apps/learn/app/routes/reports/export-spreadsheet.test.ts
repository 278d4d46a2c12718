// Issue 14's "done when": an export opens in columns in a spreadsheet program set to French. Checked
// with LibreOffice headless (Debian's libreoffice-calc-nogui; `.ci/run` installs it), reading each
// file as French LibreOffice's CSV import would — semicolons, French locale — and writing it back
// out as one quoted UTF-8 cell per field, so the test reads exactly the cells Calc saw.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { seedDemo } from "@peacelearn/db";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsv } from "~/lib/csv";
import { loader as csvLoader } from "~/routes/reports/export-csv";
import { useTestDatabase } from "~/test/database";
import { callRoute, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

const SOFFICE = "/usr/bin/soffice";
const present = existsSync(SOFFICE);
// In CI the suite must not pass without LibreOffice: `.ci/run` installs it, so its absence there is
// a failure (below), never a silent skip. Elsewhere a machine without it skips this file.
const ci = Boolean(process.env.CI);

let staffToken = "";
useTestDatabase(async (db) => {
  await seedDemo(db, { now: new Date("2026-06-15T12:00:00Z") });
  const staff = await db.user.findFirstOrThrow({
    where: { roles: { equals: ["staff"] } },
    select: { id: true },
  });
  staffToken = (await signIn(db, staff.id)).token;
});

/**
 * Windows-1252 bytes of a text (French Excel's "CSV (séparateur : point-virgule)"): Latin-1 for
 * U+0000–U+00FF, and the code page's own bytes for the few characters it puts at 0x80–0x9F
 * (index-windows-1252 of the WHATWG Encoding Standard: € 0x80, ’ 0x92, Œ 0x8C, œ 0x9C).
 */
function windows1252(text: string): Uint8Array {
  const high: Record<string, number> = { "€": 0x80, "’": 0x92, Œ: 0x8c, œ: 0x9c };
  return Uint8Array.from([...text].map((char) => high[char] ?? (char.codePointAt(0) as number)));
}

const workDirs: string[] = [];
afterAll(async () => {
  for (const dir of workDirs) await rm(dir, { recursive: true, force: true });
});

/**
 * Opens `file` in LibreOffice Calc with the CSV filter as a French office sets it (semicolon
 * separator, `"` around text, the file's character set, French locale 1036 for numbers) and saves
 * what Calc read as a UTF-8 CSV, every text cell quoted, numbers bare (so a number that Calc read
 * as text would show up quoted).
 */
async function openInFrenchCalc(dir: string, file: string, charset: "UTF8" | "1252") {
  // LibreOffice's CSV filter tokens: separator 59 (;), text delimiter 34 ("), character set
  // (76 = UTF-8, 1 = Windows-1252), first line 1, column formats (none), language 1036 (French).
  const charsetToken = charset === "UTF8" ? "76" : "1";
  const out = join(dir, `out-${charset}`);
  await mkdir(out);
  await promisify(execFile)(
    SOFFICE,
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${join(dir, "profile")}`,
      `--infilter=Text - txt - csv (StarCalc):59,34,${charsetToken},1,,1036`,
      // Written back: separator 59, text delimiter 34, UTF-8, line 1, no column formats, language
      // 1033 (a "." decimal point), quote all text cells, detect special numbers, save as shown.
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):59,34,76,1,,1033,true,true,true",
      "--outdir",
      out,
      file,
    ],
    { timeout: 60_000, env: { ...process.env, HOME: dir } },
  );
  const name = file.split("/").at(-1) as string;
  return readFile(join(out, name), "utf8");
}

describe.skipIf(!present && !ci)("exports in a spreadsheet set to French (LibreOffice)", () => {
  it("LibreOffice is installed where the suite runs in CI", () => {
    expect(present, `${SOFFICE} is missing: .ci/run installs libreoffice-calc-nogui`).toBe(true);
  });

  it("opens the French report CSV in columns, accents intact, counts as numbers; and French Excel's Windows-1252 file too", async () => {
    const dir = await mkdtemp(join(tmpdir(), "peacelearn-calc-"));
    workDirs.push(dir);
    // A real export, as a French reader downloads it (semicolons by default, UTF-8 with a BOM).
    const request = pageGet(
      "/reports/export.csv?measure=enrolments&by=gender&by=ageBand&period=2026",
      staffToken,
    );
    request.headers.set("Accept-Language", "fr");
    const outcome = await callRoute(csvLoader, request);
    if (!(outcome instanceof Response)) throw new Error("expected a Response");
    const exported = join(dir, "rapport.csv");
    await writeFile(exported, new Uint8Array(await outcome.arrayBuffer()));
    // What French Excel saves: semicolons, Windows-1252, no BOM ("œ" and "’" from 0x80–0x9F).
    const excel = join(dir, "excel-fr.csv");
    await writeFile(
      excel,
      windows1252(
        "courriel;nom;genre;pays\r\namelie@example.org;Amélie Œuvre-d’Été;femme;Côte d’Ivoire\r\n",
      ),
    );

    const report = parseCsv(await openInFrenchCalc(dir, exported, "UTF8"), ";").map(
      (record) => record.fields,
    );
    // Columns: gender, age band, then every measure — not one column holding the whole line.
    expect(report[0]?.slice(0, 3)).toEqual([
      "Genre",
      "Tranche d'âge",
      "Inscriptions (une personne inscrite à deux formations compte deux fois)",
    ]);
    expect(report[0]?.length).toBeGreaterThanOrEqual(8);
    const women = report.find((fields) => fields[0] === "Femme" && fields[1] === "Tous");
    expect(women, "the women's margin row").toBeDefined();
    // Every count is a number to Calc (written back bare: the women's attendance, 103 in the seed,
    // is one) or « retenu »; never a number Calc took for text. The notes follow an empty line.
    const raw = (await readFile(join(dir, "out-UTF8", "rapport.csv"), "utf8")).split(/\r?\n/);
    const table = raw.slice(
      1,
      raw.findIndex((line) => /^;*$/.test(line)),
    );
    const counts = table.flatMap((line) => line.split(";").slice(2));
    expect(counts.length).toBeGreaterThan(0);
    for (const field of counts) expect(field).toMatch(/^(\d+|"retenu"|)$/);
    expect(counts.some((field) => /^[1-9]\d*$/.test(field))).toBe(true);

    const imported = parseCsv(await openInFrenchCalc(dir, excel, "1252"), ";").map(
      (record) => record.fields,
    );
    expect(imported).toEqual([
      ["courriel", "nom", "genre", "pays"],
      ["amelie@example.org", "Amélie Œuvre-d’Été", "femme", "Côte d’Ivoire"],
    ]);
  }, 120_000);
});
