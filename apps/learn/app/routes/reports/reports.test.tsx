import { seedDemo } from "@peacelearn/db";
import { ageBandOf, type Gender, label } from "@peacelearn/domain";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { parseCsv } from "~/lib/csv";
import { loadFormalFamily } from "~/modules/reports/formal.server";
import type { MeasureReport } from "~/modules/reports/report.server";
import { countMeasure, type ReportFilters } from "~/modules/reports/report-queries.server";
import { reportRows } from "~/modules/reports/report-rows";
import { formalAgeScheme, formalCutIds, formalCuts, periodsOf } from "~/modules/reports/schema";
import { loader as csvLoader } from "~/routes/reports/export-csv";
import { loader as iatiLoader } from "~/routes/reports/iati-json";
import ReportsPage, { loader as reportsLoader } from "~/routes/reports/index";
import { useTestDatabase } from "~/test/database";
import { renderPage } from "~/test/render-page";
import { callRoute, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

const tokens: Record<"admin" | "staff" | "trainer" | "trainee", string> = {
  admin: "",
  staff: "",
  trainer: "",
  trainee: "",
};
// The seed lays its dates out around this day.
const SEEDED_AT = new Date("2026-06-15T12:00:00Z");

const getDb = useTestDatabase(async (db) => {
  await seedDemo(db, { now: SEEDED_AT });
  for (const role of ["admin", "staff", "trainer", "trainee"] as const) {
    const person = await db.user.findFirstOrThrow({
      where: { roles: { equals: [role] } },
      select: { id: true },
    });
    tokens[role] = (await signIn(db, person.id)).token;
  }
});

async function report(search: string, token = tokens.staff) {
  const outcome = await callRoute(reportsLoader, pageGet(`/reports?${search}`, token));
  if (outcome instanceof Response) throw new Error(`expected data, got ${outcome.status}`);
  return outcome.data as { report: MeasureReport };
}

async function download(loader: typeof csvLoader | typeof iatiLoader, path: string) {
  const outcome = await callRoute(loader, pageGet(path, tokens.staff));
  if (!(outcome instanceof Response)) throw new Error("expected a Response");
  return outcome;
}

/** Enrolments counted by hand, straight from the rows, by a key built from the user. */
async function handCount(
  keyOf: (user: {
    gender: string;
    birthYear: number | null;
    locationCode: string | null;
  }) => string,
) {
  const enrolments = await getDb().enrolment.findMany({
    select: { user: { select: { gender: true, birthYear: true, locationCode: true } } },
  });
  const counts = new Map<string, number>();
  for (const { user } of enrolments) counts.set(keyOf(user), (counts.get(keyOf(user)) ?? 0) + 1);
  return counts;
}

/**
 * Every place in a JSON value where a count or value sits next to a key naming `location`:
 * the detector the leak tests rely on (it is itself tested below against a leaking object).
 */
function numbersAt(value: unknown, location: string, found: number[] = []): number[] {
  if (Array.isArray(value)) for (const item of value) numbersAt(item, location, found);
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const key = record.key as Record<string, unknown> | undefined;
    if (key?.location === location) {
      for (const field of ["count", "value"]) {
        if (typeof record[field] === "number") found.push(record[field] as number);
      }
    }
    for (const item of Object.values(record)) numbersAt(item, location, found);
  }
  return found;
}

describe("report figures", () => {
  it("formal: every published count equals a hand count, every small one is withheld", async () => {
    // The seed enrols everyone in 2026 (March to May): the year is the family's only year.
    const expected = await handCount((user) => user.gender);
    const { report: enrolments, periods } = (await report("measure=enrolments&by=gender")) as {
      report: MeasureReport;
      periods: string[];
    };
    expect(enrolments).toMatchObject({ tier: "formal", period: "2026" });
    expect(periods.slice(0, 5)).toEqual(["2026", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(periods).toHaveLength(17);
    let small = 0;
    for (const cell of enrolments.result.cells) {
      const truth = expected.get(cell.key.gender as string) ?? 0;
      if (cell.suppressed)
        expect(cell, "withheld, never a number").toMatchObject({ count: null, reason: "withheld" });
      else expect(cell.count).toBe(truth);
      if (truth >= 1 && truth < 5) {
        small++;
        expect(cell.suppressed).toBe(true);
      }
    }
    expect(small).toBeGreaterThan(0);
    // 60 trainees, one enrolment each (seed: three cohorts of 18 + 6 self-enrolled), if shown.
    if (!enrolments.result.total.suppressed) expect(enrolments.result.total.count).toBe(60);
  });

  it("exploration: change with the cohort filters and the window, perturbed by at most 2", async () => {
    const total = async (search: string) => {
      const { report: r } = await report(`tier=exploration&${search}`);
      expect(r.tier).toBe("exploration");
      return r.result.total.count as number;
    };
    const near = (figure: number, truth: number) => {
      expect(Math.abs(figure - truth), `${figure} for ${truth}`).toBeLessThanOrEqual(2);
    };
    near(await total("measure=enrolments"), 60);
    // The Gulu cohort is the only accompaniment cohort: 18 members (seed roster).
    near(await total("measure=enrolments&activityType=accompaniment"), 18);
    // DAC gender marker 2 = Monrovia + Kathmandu cohorts, 18 each.
    near(await total("measure=enrolments&dacGenderMarker=2"), 36);
    // Nobody enrolled in 2020: an empty count stays 0.
    expect(await total("measure=enrolments&from=2020-01-01&to=2020-12-31")).toBe(0);
    // The same people give the same figure, whatever else the query asks.
    expect(await total("measure=enrolments&by=gender")).toBe(await total("measure=enrolments"));
  });
});

describe("units and their cohort", () => {
  const age = { scheme: "sadd" as const, asOf: new Date("2026-12-31T00:00:00Z") };
  const day = (date: string) => new Date(`${date}T12:00:00Z`);

  /** A measure's units (and passed pairs) by activity type, straight from its query, unsuppressed. */
  async function byActivity(measure: "enrolments" | "passRates", filters: ReportFilters = {}) {
    const sums = new Map<string, { n: number; passed: number }>();
    for (const row of await countMeasure(getDb(), measure, ["activityType"], filters, age)) {
      const key = row.activityType ?? "unknown";
      const sum = sums.get(key) ?? { n: 0, passed: 0 };
      sums.set(key, { n: sum.n + row.n, passed: sum.passed + row.passed });
    }
    return sums;
  }

  function plus(
    sums: Map<string, { n: number; passed: number }>,
    key: string,
    n: number,
    passed = 0,
  ) {
    const sum = sums.get(key) ?? { n: 0, passed: 0 };
    return new Map(sums).set(key, { n: sum.n + n, passed: sum.passed + passed });
  }

  /** Runs `check` with one more trainee enrolled on the demo course, then removes them. */
  async function withTrainee(
    email: string,
    cohorts: { activityType: string; joinedAt: Date }[],
    check: (ids: { userId: string; courseId: string; cohortIds: string[] }) => Promise<void>,
  ) {
    const { id: courseId } = await getDb().course.findFirstOrThrow({ select: { id: true } });
    const cohortIds = await Promise.all(
      cohorts.map(async ({ activityType }) => {
        const cohort = await getDb().cohort.findFirstOrThrow({
          where: { courseId, activityType },
          select: { id: true },
        });
        return cohort.id;
      }),
    );
    const { id: userId } = await getDb().user.create({
      data: { email, displayName: "Report test", gender: "woman", birthYear: 1990 },
      select: { id: true },
    });
    try {
      await getDb().enrolment.create({ data: { userId, courseId, source: "cohort" } });
      await getDb().cohortMembership.createMany({
        data: cohorts.map(({ joinedAt }, i) => ({
          cohortId: cohortIds[i] as string,
          userId,
          joinedAt,
        })),
      });
      await check({ userId, courseId, cohortIds });
    } finally {
      await getDb().user.delete({ where: { id: userId } });
    }
  }

  it("put each enrolment under its cohort of the course, self-enrolled ones under unknown", async () => {
    // By hand: the user's earliest joined cohort of the enrolment's course, else "unknown".
    const memberships = await getDb().cohortMembership.findMany({
      select: {
        userId: true,
        joinedAt: true,
        cohort: { select: { courseId: true, activityType: true } },
      },
      orderBy: [{ joinedAt: "asc" }, { cohortId: "asc" }],
    });
    const expected = new Map<string, { n: number; passed: number }>();
    for (const { userId, courseId } of await getDb().enrolment.findMany()) {
      const first = memberships.find((m) => m.userId === userId && m.cohort.courseId === courseId);
      const key = first?.cohort.activityType ?? "unknown";
      expected.set(key, { n: (expected.get(key)?.n ?? 0) + 1, passed: 0 });
    }
    // The seed's 6 self-enrolled trainees (seed roster) are the unknowns.
    expect(expected.get("unknown")?.n).toBe(6);
    expect(await byActivity("enrolments")).toEqual(expected);
    // A cohort marker filter leaves out who has no cohort.
    expect((await byActivity("enrolments", { dacGenderMarker: 2 })).has("unknown")).toBe(false);
  });

  it("count a person in two cohorts of one course once, under the earliest joined matching one", async () => {
    const before = await byActivity("enrolments");
    const gulu = (await byActivity("enrolments", { activityType: "accompaniment" })).get(
      "accompaniment",
    );
    await withTrainee(
      "two-cohorts@reports.test",
      [
        { activityType: "accompaniment", joinedAt: day("2026-03-02") },
        { activityType: "capacity-building-training", joinedAt: day("2026-02-01") },
      ],
      async ({ userId, cohortIds }) => {
        // Joined Monrovia (capacity building) first: counted there, and only there.
        expect(await byActivity("enrolments")).toEqual(
          plus(before, "capacity-building-training", 1),
        );
        // Filtered on Gulu's activity type, Gulu is the earliest matching cohort.
        expect(await byActivity("enrolments", { activityType: "accompaniment" })).toEqual(
          new Map([["accompaniment", { n: (gulu?.n ?? 0) + 1, passed: 0 }]]),
        );
        // Joined both the same instant: the cohort with the lower id, as the database orders ids.
        await getDb().cohortMembership.updateMany({
          where: { userId },
          data: { joinedAt: day("2026-02-01") },
        });
        const [lower] = await getDb().cohort.findMany({
          where: { id: { in: cohortIds } },
          orderBy: { id: "asc" },
          select: { activityType: true },
        });
        expect(await byActivity("enrolments")).toEqual(
          plus(before, lower?.activityType as string, 1),
        );
      },
    );
  });

  it("count a person × knowledge check once, passed if an attempt in the period passed", async () => {
    const may = { from: "2026-05-02", to: "2026-05-05" };
    const before = await byActivity("passRates");
    const beforeMay = await byActivity("passRates", may);
    const gulu = { activityType: "accompaniment" } as const;
    const beforeGulu = await byActivity("passRates", gulu);
    // In two cohorts of the course, as above: the pairs count under Monrovia's capacity building.
    const first = "capacity-building-training";
    await withTrainee(
      "attempts@reports.test",
      [
        { activityType: "accompaniment", joinedAt: day("2026-03-02") },
        { activityType: first, joinedAt: day("2026-02-01") },
      ],
      async ({ userId, courseId }) => {
        const { id: knowledgeCheckId } = await getDb().knowledgeCheck.findFirstOrThrow({
          where: { module: { courseId } },
          select: { id: true },
        });
        const attempt = (key: string, passed: boolean, date: string) =>
          getDb().knowledgeCheckAttempt.create({
            data: {
              knowledgeCheckId,
              userId,
              idempotencyKey: key,
              answers: {},
              score: passed ? 100 : 0,
              passed,
              submittedAt: day(date),
            },
          });
        await attempt("a", false, "2026-05-01");
        await attempt("b", false, "2026-05-04");
        // Two failed attempts: one pair, not passed.
        expect(await byActivity("passRates")).toEqual(plus(before, first, 1, 0));
        await attempt("c", true, "2026-05-06");
        // A third, passed attempt: still one pair, now passed.
        expect(await byActivity("passRates")).toEqual(plus(before, first, 1, 1));
        // Filtered on Gulu's activity type, Gulu is the earliest matching cohort.
        expect(await byActivity("passRates", gulu)).toEqual(
          plus(beforeGulu, "accompaniment", 1, 1),
        );
        // 2–5 May holds only the second failed attempt: the pair counts, not passed.
        expect(await byActivity("passRates", may)).toEqual(plus(beforeMay, first, 1, 0));
      },
    );
  });
});

describe("small-cell suppression", () => {
  const search = "measure=enrolments&by=location";

  it("the leak detector finds a small count placed next to its key", () => {
    const leaking = { cells: [{ key: { location: "GE-AB" }, count: 3, suppressed: false }] };
    expect(numbersAt(leaking, "GE-AB")).toEqual([3]);
  });

  it("hides Abkhazia's small count in the page, the CSV and the IATI results", async () => {
    const truth = (await handCount((user) => user.locationCode ?? "unknown")).get("GE-AB") ?? 0;
    // Abkhazia is its own location, with a few of the 6 self-enrolled Caucasus trainees (seed
    // roster): a small count, which is the point of the test.
    expect(truth).toBeGreaterThanOrEqual(1);
    expect(truth).toBeLessThan(5);

    const page = await report(search);
    const cell = page.report.result.cells.find((c) => c.key.location === "GE-AB");
    expect(cell).toMatchObject({ suppressed: true, count: null, reason: "withheld" });
    expect(numbersAt(page, "GE-AB")).toEqual([]);
    // Exploration shows a small count as 0 or 5, never as itself.
    const explored = await report(`tier=exploration&${search}`);
    const figure = explored.report.result.cells.find((c) => c.key.location === "GE-AB")?.count;
    expect([0, 5]).toContain(figure);

    const csv = await (await download(csvLoader, `/reports/export.csv?${search}`)).text();
    const abkhazia = csv
      .split("\r\n")
      .find((line) => line.startsWith(label("location", "GE-AB", "en")));
    // Columns: location, enrolments, completions, passed, not passed, pass rate, attendance,
    // sessions. A withheld count says nothing of its size: not "<5", not a number.
    expect(abkhazia?.split(",")[1]).toBe("withheld");
    expect(abkhazia?.split(",").slice(1)).not.toContain(String(truth));
    expect(csv).not.toContain(`Abkhazia,${truth},`);
  });

  it("never writes a suppressed sex × age count into the IATI results", async () => {
    const to = "2026-12-31";
    const asOf = new Date(`${to}T00:00:00Z`);
    const expected = await handCount(
      (user) => `${user.gender}|${ageBandOf(user.birthYear, { scheme: formalAgeScheme, asOf })}`,
    );
    const small = [...expected].filter(([, n]) => n >= 1 && n < 5);
    expect(small.length).toBeGreaterThan(0);
    // A window and a filter are not formal periods: the export gives the fixed year instead.
    const response = await download(
      iatiLoader,
      `/reports/iati.json?tier=exploration&from=2026-03-02&to=${to}&activityType=advocacy`,
    );
    expect(response.headers.get("Content-Type")).toContain("application/json");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const body = (await response.json()) as {
      "reporting-period": string;
      "small-cell-threshold": number;
      result: Array<{
        indicator: Array<{
          description: { narrative: Array<{ "xml:lang": string; text: string }> };
          period: Array<{
            "period-start": { "iso-date": string };
            "period-end": { "iso-date": string };
            actual: Array<{
              value?: number;
              dimension: Array<{ name: string; value: string }>;
              comment?: unknown;
            }>;
          }>;
        }>;
      }>;
    };
    expect(body["reporting-period"]).toBe("2026");
    expect(body["small-cell-threshold"]).toBe(5);
    const period = body.result[0]?.indicator[0]?.period[0];
    expect(period?.["period-start"]["iso-date"]).toBe("2026-01-01");
    expect(period?.["period-end"]["iso-date"]).toBe("2026-12-31");
    // What the indicator counts, in plain words, in English and French.
    expect(body.result[0]?.indicator[0]?.description.narrative.map((n) => n["xml:lang"])).toEqual([
      "en",
      "fr",
    ]);
    const actuals = period?.actual ?? [];
    const sexOf = (gender: string) =>
      gender === "woman" ? "female" : gender === "man" ? "male" : gender;
    for (const [key, n] of expected) {
      const [gender = "", band = ""] = key.split("|");
      const actual = actuals.find(
        (a) =>
          a.dimension.length === 2 &&
          a.dimension.some((d) => d.name === "sex" && d.value === sexOf(gender as Gender)) &&
          a.dimension.some((d) => d.name === "age" && d.value === band),
      );
      if (n < 5) expect(actual?.value).toBeUndefined();
      else if (actual?.value !== undefined) expect(actual.value).toBe(n);
    }
    // The total is there, published and right or withheld with a comment.
    const total = actuals.find((a) => a.dimension.length === 0);
    if (total?.value === undefined) expect(total?.comment).toBeDefined();
    else expect(total.value).toBe(60);
  });

  it("withholds a rate where the checks passed or not passed are withheld", async () => {
    const { report: rates } = await report("measure=passRates&by=location");
    expect(rates.rates).toBeDefined();
    expect(rates.notPassed).toBeDefined();
    rates.result.cells.forEach((cell, i) => {
      if (cell.suppressed || rates.notPassed?.cells[i]?.suppressed) {
        expect(rates.rates?.cells[i]).toEqual({ value: null, suppressed: true });
      }
    });
    expect(rates.result.cells.some((cell) => cell.suppressed)).toBe(true);
  });
});

describe("formal pass rates", () => {
  it("keep passed and not passed aligned in a year with no check passed", async () => {
    const attempt = await getDb().knowledgeCheckAttempt.findFirstOrThrow({
      select: { userId: true, knowledgeCheckId: true },
    });
    const { id } = await getDb().knowledgeCheckAttempt.create({
      data: {
        ...attempt,
        idempotencyKey: "reports-2025",
        answers: {},
        score: 0,
        passed: false,
        submittedAt: new Date("2025-11-03T10:00:00Z"),
      },
    });
    try {
      const { report: rates, periods } = (await report(
        "measure=passRates&by=gender&period=2025",
      )) as {
        report: MeasureReport;
        periods: string[];
      };
      expect(periods).toContain("2025");
      expect(rates.period).toBe("2025");
      // No one passed in 2025: a table of true zeros, cell for cell beside the not passed.
      expect(rates.result.cells.length).toBeGreaterThan(0);
      expect(rates.result.cells.every((cell) => cell.count === 0)).toBe(true);
      expect(rates.notPassed?.cells.map((cell) => cell.key)).toEqual(
        rates.result.cells.map((cell) => cell.key),
      );
      // One pair not passed: withheld, and so is every rate over it.
      expect(rates.notPassed?.total).toMatchObject({ suppressed: true, count: null });
      expect(rates.rates?.total).toEqual({ value: null, suppressed: true });
    } finally {
      await getDb().knowledgeCheckAttempt.delete({ where: { id } });
    }
  });
});

describe("the exports publish tables of the formal family, and nothing else", () => {
  /** The non-zero published counts of a family table, and how many it withholds. */
  function figuresOf(table: MeasureReport["result"]) {
    const rows = reportRows({ tier: "formal", measure: "enrolments", result: table });
    return {
      numbers: rows
        .flatMap((row) => (row.value.count ? [row.value.count] : []))
        .sort((a, b) => a - b),
      withheld: rows.filter((row) => row.value.suppressed).length,
    };
  }

  it("CSV: every cut for every period carries exactly its family table's figures", async () => {
    const family = await loadFormalFamily(getDb(), "enrolments");
    const periods = periodsOf(family.years);
    expect(periods).toHaveLength(17);
    for (const cut of formalCutIds) {
      for (const period of periods) {
        const by = formalCuts[cut].map((d) => `&by=${d}`).join("");
        const csv = await (
          await download(csvLoader, `/reports/export.csv?measure=enrolments${by}&period=${period}`)
        ).text();
        const [header, ...lines] = parseCsv(csv.replace(/^\uFEFF/, "")).map((r) => r.fields);
        const column = header?.indexOf("Enrolments (a person in two courses counts twice)") ?? -1;
        expect(column, `${cut} ${period}`).toBe(formalCuts[cut].length);
        // The table ends at the first empty line; the notes follow.
        const end = lines.findIndex((fields) => fields.every((field) => field === ""));
        const values = lines.slice(0, end).map((fields) => fields[column] as string);
        const table = family.table(cut, period);
        if (!table) throw new Error(`no table for ${cut} ${period}`);
        const expected = figuresOf(table);
        expect(
          values
            .filter((v) => /^\d+$/.test(v) && v !== "0")
            .map(Number)
            .sort((a, b) => a - b),
          `${cut} ${period}`,
        ).toEqual(expected.numbers);
        expect(values.filter((v) => v === "withheld")).toHaveLength(expected.withheld);
        expect(values.every((v) => /^\d+$/.test(v) || v === "withheld")).toBe(true);
      }
    }
  }, 300_000);

  it("IATI: the sex × age figures of every period are its family table's", async () => {
    const family = await loadFormalFamily(getDb(), "enrolments");
    for (const period of periodsOf(family.years)) {
      const body = (await (
        await download(iatiLoader, `/reports/iati.json?period=${period}`)
      ).json()) as {
        "reporting-period": string;
        result: Array<{
          indicator: Array<{ period: Array<{ actual: Array<{ value?: number }> }> }>;
        }>;
      };
      expect(body["reporting-period"]).toBe(period);
      const actuals = body.result[0]?.indicator[0]?.period[0]?.actual ?? [];
      const table = family.table("gender-ageBand", period);
      if (!table) throw new Error(`no table for ${period}`);
      const expected = figuresOf(table);
      expect(
        actuals.flatMap((a) => (a.value ? [a.value] : [])).sort((a, b) => a - b),
        period,
      ).toEqual(expected.numbers);
      expect(actuals.filter((a) => a.value === undefined)).toHaveLength(expected.withheld);
    }
  }, 300_000);
});

describe("the report CSV in the reader's spreadsheet", () => {
  async function csvAs(search: string, readerLocale: "en" | "fr") {
    const request = pageGet(`/reports/export.csv?${search}`, tokens.staff);
    request.headers.set("Accept-Language", readerLocale);
    return callRoute(csvLoader, request);
  }

  it("writes labels, not codes, in the reader's language, with the separator she chose", async () => {
    const fr = await csvAs("measure=enrolments&by=gender&by=ageBand", "fr");
    if (!(fr instanceof Response)) throw new Error("expected a Response");
    const text = await fr.text();
    const [header = "", ...lines] = text.replace(/^\uFEFF/, "").split("\r\n");
    // Semicolons by default in French, headers and values in French.
    expect(header.split(";").slice(0, 3)).toEqual([
      "Genre",
      "Tranche d'âge",
      "Inscriptions (une personne inscrite à deux formations compte deux fois)",
    ]);
    expect(lines.some((line) => line.startsWith("Femme;18 à 29 ans;"))).toBe(true);
    expect(text).not.toMatch(/(^|;)(woman|18-29)(;|$)/m);
    const comma = await csvAs("measure=enrolments&by=gender&sep=comma", "fr");
    if (!(comma instanceof Response)) throw new Error("expected a Response");
    expect((await comma.text()).split("\r\n")[0]).toMatch(/^Genre,Inscriptions/);
    const en = await csvAs("measure=enrolments&by=gender&sep=semicolon", "en");
    if (!(en instanceof Response)) throw new Error("expected a Response");
    expect((await en.text()).split("\r\n")[0]).toMatch(/^Gender;Enrolments/);
  });

  it("answers 400 naming sep for a separator it does not know", async () => {
    const outcome = await csvAs("measure=enrolments&sep=tab", "en");
    expect(outcome).toHaveStatus(400);
    expect((outcome as unknown as { data: { field: string } }).data.field).toBe("sep");
  });
});

describe("who may read reports", () => {
  const paths = [
    ["/reports", reportsLoader],
    ["/reports/export.csv", csvLoader],
    ["/reports/iati.json", iatiLoader],
  ] as const;

  it.each(paths)(
    "%s: anonymous → login, trainee and trainer → 403, staff and admin → 200",
    async (path, loader) => {
      const anonymous = await callRoute(loader, pageGet(path));
      expect(anonymous).toBeInstanceOf(Response);
      expect(anonymous).toRedirectTo(`/login?${new URLSearchParams({ redirectTo: path })}`);
      for (const role of ["trainee", "trainer"] as const) {
        const outcome = await callRoute(loader, pageGet(path, tokens[role]));
        expect(outcome).toHaveStatus(403);
      }
      for (const role of ["staff", "admin"] as const) {
        const outcome = await callRoute(loader, pageGet(path, tokens[role]));
        expect(outcome instanceof Response ? outcome.status : outcome.status).toBe(200);
      }
    },
  );
});

describe("the reports page", () => {
  // Server-renders the page from real loader data, as a browser without JavaScript receives it.
  async function html(search: string, locale: string) {
    const data = await report(search);
    const props = { loaderData: { ...data, locale }, params: {}, matches: [] };
    // The component is typed for its own loader; it gets that loader's real data here.
    const Page = ReportsPage as unknown as (props: Record<string, unknown>) => ReactNode;
    return renderPage(<Page {...props} />, locale, "/reports");
  }

  const withheld = { en: "withheld", fr: "retenu" } as const;
  const perturbed = { en: "randomly adjusted", fr: "modifiés au hasard" } as const;

  it.each(["en", "fr"] as const)(
    "renders formal pyramids, tables and rates with withheld cells marked (%s)",
    async (locale) => {
      const pyramids = await html("measure=enrolments&by=gender&by=ageBand", locale);
      expect(pyramids).toContain(withheld[locale]);
      expect(pyramids).not.toContain("&lt;5");
      const table = await html("measure=enrolments&by=location", locale);
      expect(table).toContain("<table");
      expect(table).toContain(withheld[locale]);
      expect(table).toContain(label("location", "GE-AB", locale));
      expect(table).not.toContain("&lt;5");
      const rates = await html("measure=passRates&by=gender", locale);
      expect(rates).toContain(withheld[locale]);
      // The download form carries the same cut and period, in the formal tier, and asks which
      // spreadsheet the file is for: semicolons by default in French, commas in English.
      const form = /<form[^>]*action="\/reports\/export.csv"[^>]*>([\s\S]*?)<\/form>/.exec(
        table,
      )?.[1];
      expect(form).toBeDefined();
      for (const [name, value] of [
        ["tier", "formal"],
        ["measure", "enrolments"],
        ["by", "location"],
        ["period", "2026"],
      ])
        expect(form).toContain(`type="hidden" name="${name}" value="${value}"`);
      const checked = locale === "fr" ? "semicolon" : "comma";
      const radios = form?.match(/<input[^>]*name="sep"[^>]*>/g) ?? [];
      expect(radios).toHaveLength(2);
      expect(radios.filter((radio) => /\bchecked\b/.test(radio))).toEqual([
        expect.stringContaining(`value="${checked}"`),
      ]);
      expect(table).not.toContain(perturbed[locale]);
    },
  );

  it.each(["en", "fr"] as const)(
    "opens with the year's headline figures, their units in words, and a trend by quarter (%s)",
    async (locale) => {
      const page = await html("", locale);
      const words = {
        en: {
          heading: "2026 at a glance",
          about: "about ",
          unit: "a person enrolled in two courses counts twice",
          trend: "Enrolments per quarter of 2026",
          intro: "Counts below 5 are hidden",
        },
        fr: {
          heading: "2026 en bref",
          about: "environ ",
          unit: "une personne inscrite à deux formations compte deux fois",
          trend: "Inscriptions par trimestre de 2026",
          intro: "Les effectifs inférieurs à 5 sont masqués",
        },
      }[locale];
      for (const text of Object.values(words)) expect(page).toContain(text);
      // The old introduction's arithmetic riddle is gone.
      expect(page).not.toMatch(/minus one|moins un/);
      // 60 trainees enrolled once each in 2026 (seed roster): the perturbed headline is within 2.
      const headline = /data-headline="true">(?:about|environ) (\d+)</.exec(page)?.[1];
      expect(Math.abs(Number(headline) - 60)).toBeLessThanOrEqual(2);
      // Four quarters, each labelled, none dropped for being empty.
      for (const q of [1, 2, 3, 4]) expect(page).toContain(`2026 Q${q}`);
    },
  );

  it.each(["en", "fr"] as const)(
    "draws cuts as HTML bars of adult age bands, and says so when every count is withheld (%s)",
    async (locale) => {
      const bars = (page: string) => page.match(/data-chart-label="true">([^<]*)</g) ?? [];
      // Exploration: perturbed figures, never withheld, drawn as bars with their labels as text.
      // Seeded trainees are born 1968–2007 (aged 19–58 in 2026): 18–29 holds someone, and no SADD
      // child band is drawn at all.
      const explored = await html(
        "tier=exploration&measure=enrolments&by=gender&by=ageBand&from=2026-01-01&to=2026-12-31",
        locale,
      );
      const figures = explored.match(/<figure[\s\S]*?<\/figure>/g) ?? [];
      expect(figures).toHaveLength(2); // the quarterly trend and the cut
      for (const figure of figures) expect(figure).not.toContain("<svg");
      const labels = bars(explored).join(" ");
      expect(labels).toContain(label("gender", "woman", locale));
      expect(labels).toContain(label("ageBand", "18-29", locale));
      expect(explored).not.toContain(label("ageBand", "0-5", locale));
      expect(explored).not.toContain(label("ageBand", "13-17", locale));
      // Formal attendance by gender: women's 103 workshops attended are published (seed), so
      // there is a bar; the table header says what one unit is.
      const attendance = await html("measure=attendance&by=gender", locale);
      expect(bars(attendance).join(" ")).toContain(label("gender", "woman", locale));
      expect(attendance).toContain(
        locale === "en"
          ? "Workshops attended (a person at 3 workshops counts 3 times)"
          : "Ateliers suivis (une personne venue à 3 ateliers compte 3 fois)",
      );
      // Formal enrolments by gender and age band: every count of the seed's table is withheld
      // or zero, so no chart of blanks, but a sentence, and the table.
      const withheldOnly = await html("measure=enrolments&by=gender&by=ageBand", locale);
      expect(withheldOnly).toContain(
        locale === "en" ? "No chart for this table" : "Pas de graphique pour ce tableau",
      );
      expect(withheldOnly).toContain("<table");
    },
  );

  it.each(["en", "fr"] as const)(
    "says exploration figures are perturbed, and offers no export (%s)",
    async (locale) => {
      const page = await html("tier=exploration&measure=passRates&by=location", locale);
      expect(page).toContain(perturbed[locale]);
      expect(page).toContain("%");
      expect(page).not.toContain("/reports/export.csv");
      expect(page).not.toContain("/reports/iati.json");
    },
  );
});
