import { type Db, seedDemo } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "~/lib/csv";
import { provideTestDatabase } from "~/lib/db.server";
import type { CohortRoster } from "~/modules/cohorts/roster.server";
import * as joinRoute from "~/routes/join/token";
import * as cohortRoute from "~/routes/trainer/cohorts/cohort";
import * as exportRoute from "~/routes/trainer/cohorts/export-csv";
import * as importRoute from "~/routes/trainer/cohorts/members/import";
import * as membersRoute from "~/routes/trainer/cohorts/members/index";
import * as newRoute from "~/routes/trainer/cohorts/new";
import * as editRoute from "~/routes/trainer/cohorts/sessions/edit";
import * as sessionsRoute from "~/routes/trainer/cohorts/sessions/index";
import * as sessionRoute from "~/routes/trainer/cohorts/sessions/session";
import { cookieFor, createPerson, demoCohort, fileUpload } from "~/test/cohort-fixtures.server";
import { locationOf } from "~/test/matchers";
import { callRoute, formPost, pageGet, type RouteOutcome } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

let db: Db;
let close: () => Promise<void>;
let cohort: Awaited<ReturnType<typeof demoCohort>>;
let trainerToken = "";

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  provideTestDatabase(db);
  await seedDemo(db);
  cohort = await demoCohort(db, "gulu");
  trainerToken = (await signIn(db, cohort.trainerIds[0] ?? "")).token;
}, 120_000);
afterAll(async () => close());

const base = () => `/trainer/cohorts/${cohort.id}`;
const asTrainer = () => cookieFor(trainerToken);
const dataOf = <T>(outcome: RouteOutcome) => {
  if (outcome instanceof Response) throw new Error(`expected data, got ${outcome.status}`);
  return outcome as { status: number; data: T };
};
type Reply = {
  result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };
};

describe("creating a cohort", () => {
  const valid = {
    name: "Zugdidi 2027 — Dialogue across the line",
    locationCode: "GE-AB",
    place: "Zugdidi",
    startsOn: "2027-01-10",
    endsOn: "2027-03-31",
    activityType: "advocacy-bridging",
    dacSectorCode: "15220",
    dacGenderMarker: "2",
  };

  it("keeps what was typed and answers 400 with a message per field", async () => {
    const outcome = await callRoute(
      newRoute.action,
      formPost("/trainer/cohorts/new", { name: "Only a name", dacGenderMarker: "7" }, asTrainer()),
    );
    const { status, data } = dataOf<Reply>(outcome);
    expect(status).toBe(400);
    expect(data.result.initialValue?.name).toBe("Only a name");
    expect(Object.keys(data.result.error ?? {}).sort()).toEqual([
      "activityType",
      "courseId",
      "dacGenderMarker",
      "dacSectorCode",
      "locationCode",
      "startsOn",
    ]);
    expect(data.result.error?.dacGenderMarker).toEqual(["cohorts:errors.dacGenderMarkerRequired"]);
  });

  it("refuses an end before the start, and a course that is not published", async () => {
    const backwards = await callRoute(
      newRoute.action,
      formPost(
        "/trainer/cohorts/new",
        { ...valid, courseId: cohort.courseId, endsOn: "2027-01-01" },
        asTrainer(),
      ),
    );
    expect(dataOf<Reply>(backwards).data.result.error).toEqual({
      endsOn: ["cohorts:errors.endsBeforeStart"],
    });
    const unknownCourse = await callRoute(
      newRoute.action,
      formPost("/trainer/cohorts/new", { ...valid, courseId: "no-such-course" }, asTrainer()),
    );
    expect(dataOf<Reply>(unknownCourse).status).toBe(400);
    expect(dataOf<Reply>(unknownCourse).data.result.error?.courseId).toBeDefined();
  });

  it("creates it with the creator as trainer and the region derived from the location", async () => {
    const outcome = await callRoute(
      newRoute.action,
      formPost("/trainer/cohorts/new", { ...valid, courseId: cohort.courseId }, asTrainer()),
    );
    expect(outcome).toBeInstanceOf(Response);
    const location = locationOf(outcome) ?? "";
    const id = location.split("/").pop() ?? "";
    const created = await db.cohort.findUniqueOrThrow({
      where: { id },
      include: { trainers: true },
    });
    // Abkhazia stays its own location, grouped in the South Caucasus region (domain regionOf).
    expect(created).toMatchObject({
      locationCode: "GE-AB",
      programmeRegion: "south-caucasus",
      dacGenderMarker: 2,
      place: "Zugdidi",
    });
    expect(created.startsOn.toISOString()).toBe("2027-01-10T00:00:00.000Z");
    expect(created.trainers.map((trainer) => trainer.userId)).toEqual([cohort.trainerIds[0]]);
  });
});

describe("adding trainees through the pages", () => {
  it("invites one person by e-mail, and keeps a malformed address in the field", async () => {
    const person = await createPerson(db);
    const invited = await callRoute(
      membersRoute.action,
      formPost(`${base()}/members`, { intent: "add-member", email: person.email }, asTrainer()),
      { params: { cohortId: cohort.id } },
    );
    expect(dataOf<{ added: { status: string } }>(invited).data.added.status).toBe("invited");
    const malformed = await callRoute(
      membersRoute.action,
      formPost(`${base()}/members`, { intent: "add-member", email: "ghost@" }, asTrainer()),
      { params: { cohortId: cohort.id } },
    );
    const { status, data } = dataOf<Reply>(malformed);
    expect(status).toBe(400);
    expect(data.result.error?.email).toEqual(["cohorts:errors.emailInvalid"]);
    expect(data.result.initialValue?.email).toBe("ghost@");
  });

  it("invites the people of an uploaded CSV file and reports every row", async () => {
    const person = await createPerson(db);
    const csv = `\uFEFFemail;name\r\n${person.email};"Doe; Jane"\r\nbroken;x\r\n`;
    const outcome = await callRoute(
      importRoute.action,
      fileUpload(
        `${base()}/members/import`,
        new File([csv], "roster.csv", { type: "text/csv" }),
        trainerToken,
      ),
      { params: { cohortId: cohort.id } },
    );
    const { status, data } = dataOf<{
      report: Array<{ line: number; status: string; name: string }>;
      counts: Record<string, number>;
    }>(outcome);
    expect(status).toBe(200);
    expect(data.report.map((row) => [row.line, row.status, row.name])).toEqual([
      [2, "invited", "Doe; Jane"],
      [3, "rejected", "x"],
    ]);
    expect(data.counts).toEqual({ invited: 1, skipped: 0, rejected: 1 });
  });

  it("reads French Excel's semicolon file in Windows-1252 with French values", async () => {
    const person = await createPerson(db);
    // What Excel in French saves: Windows-1252 (é = 0xE9), semicolons, French headers and values.
    const text = `Courriel;Nom;Genre;Année de naissance\r\n${person.email};Amélie Koné;Femme;1990\r\n`;
    const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0));
    const outcome = await callRoute(
      importRoute.action,
      fileUpload(`${base()}/members/import`, new File([bytes], "groupe.csv"), trainerToken),
      { params: { cohortId: cohort.id } },
    );
    const { status, data } = dataOf<{
      report: Array<{ line: number; status: string; name: string }>;
    }>(outcome);
    expect(status).toBe(200);
    expect(data.report.map((row) => [row.line, row.status, row.name])).toEqual([
      [2, "invited", "Amélie Koné"],
    ]);
    const invitation = await db.cohortInvitation.findFirstOrThrow({
      where: { cohortId: cohort.id, email: person.email },
      select: { gender: true, birthYear: true },
    });
    expect(invitation).toEqual({ gender: "woman", birthYear: 1990 });
  });

  it("answers 400, not 500, to a file that is not CSV", async () => {
    const outcome = await callRoute(
      importRoute.action,
      fileUpload(`${base()}/members/import`, new File(['email\n"open'], "x.csv"), trainerToken),
      { params: { cohortId: cohort.id } },
    );
    expect(dataOf<{ error: string; line: number }>(outcome)).toMatchObject({
      status: 400,
      data: { error: "malformed", line: 2 },
    });
  });

  it("creates an invite link that shows once, then revokes it", async () => {
    const created = await callRoute(
      membersRoute.action,
      formPost(
        `${base()}/members`,
        { intent: "create-invite", expiresInDays: "7", maxUses: "3" },
        asTrainer(),
      ),
      { params: { cohortId: cohort.id } },
    );
    const { invite } = dataOf<{ invite: { url: string; maxUses: number } }>(created).data;
    expect(invite.url).toMatch(/^http:\/\/peacelearn\.test\/join\/[a-z2-7]{32}$/);
    expect(invite.maxUses).toBe(3);
    const page = await callRoute(membersRoute.loader, pageGet(`${base()}/members`, trainerToken), {
      params: { cohortId: cohort.id },
    });
    const invites = dataOf<{ invites: Array<{ id: string; maxUses: number | null }> }>(page).data
      .invites;
    expect(JSON.stringify(invites)).not.toContain(invite.url.split("/").pop() ?? "");
    const listed = invites.find((row) => row.maxUses === 3);
    const revoked = await callRoute(
      membersRoute.action,
      formPost(
        `${base()}/members`,
        { intent: "revoke-invite", inviteId: listed?.id ?? "" },
        asTrainer(),
      ),
      { params: { cohortId: cohort.id } },
    );
    expect(dataOf(revoked).status).toBe(200);
  });
});

describe("joining through /join/:token", () => {
  async function newLink(maxUses?: string) {
    const created = await callRoute(
      membersRoute.action,
      formPost(
        `${base()}/members`,
        { intent: "create-invite", expiresInDays: "14", ...(maxUses ? { maxUses } : {}) },
        asTrainer(),
      ),
      { params: { cohortId: cohort.id } },
    );
    const url = new URL(dataOf<{ invite: { url: string } }>(created).data.invite.url);
    return { path: url.pathname, token: url.pathname.split("/").pop() ?? "" };
  }

  it("sends anonymous visitors to log in or sign up and back", async () => {
    const { path, token } = await newLink();
    const view = await callRoute(joinRoute.loader, pageGet(path), { params: { token } });
    expect(dataOf(view).data).toEqual({ kind: "sign-in", cohortName: cohort.name, back: path });
    const posted = await callRoute(joinRoute.action, formPost(path, {}), { params: { token } });
    expect((posted as Response).status).toBe(302);
    expect(posted).toRedirectTo(`/login?${new URLSearchParams({ redirectTo: path })}`);
  });

  it("asks a signed-in person to confirm, then joins them on POST", async () => {
    const { path, token } = await newLink("5");
    const person = await createPerson(db);
    const personToken = (await signIn(db, person.id)).token;
    const view = await callRoute(joinRoute.loader, pageGet(path, personToken), {
      params: { token },
    });
    expect(dataOf<{ kind: string }>(view).data.kind).toBe("confirm");
    // Opening the page joins nobody.
    expect(await db.cohortMembership.count({ where: { userId: person.id } })).toBe(0);
    const joined = await callRoute(joinRoute.action, formPost(path, {}, cookieFor(personToken)), {
      params: { token },
    });
    expect((joined as Response).status).toBe(303);
    expect(joined).toRedirectTo("/courses/demo-gender-and-peacebuilding-basics");
    expect(
      await db.cohortMembership.count({ where: { userId: person.id, cohortId: cohort.id } }),
    ).toBe(1);
    const again = await callRoute(joinRoute.loader, pageGet(path, personToken), {
      params: { token },
    });
    expect(dataOf<{ kind: string }>(again).data.kind).toBe("already-member");
  });

  it("shows nothing about the cohort behind a dead link", async () => {
    const unknown = await callRoute(joinRoute.loader, pageGet("/join/aaaa"), {
      params: { token: "aaaa" },
    });
    expect(dataOf(unknown)).toEqual({ status: 404, data: { kind: "unknown" } });
    const { path, token } = await newLink();
    await db.cohortInvite.updateMany({
      where: { cohortId: cohort.id },
      data: { revokedAt: new Date() },
    });
    const revoked = await callRoute(joinRoute.loader, pageGet(path), { params: { token } });
    expect(dataOf(revoked)).toEqual({ status: 410, data: { kind: "revoked" } });
  });
});

describe("workshops and attendance through the pages", () => {
  it("schedules a workshop and records the register in one POST", async () => {
    const created = await callRoute(
      sessionsRoute.action,
      formPost(
        `${base()}/sessions`,
        // Tomorrow: every demo member had joined by then.
        {
          title: "Mock hearing",
          startsAt: new Date(Date.now() + 86_400_000).toISOString().slice(0, 16),
          place: "Gulu",
        },
        asTrainer(),
      ),
      { params: { cohortId: cohort.id } },
    );
    const sessionId = (locationOf(created) ?? "").split("/").pop() ?? "";
    const [first, second] = cohort.members.map((member) => member.userId);
    const saved = await callRoute(
      sessionRoute.action,
      formPost(
        `${base()}/sessions/${sessionId}`,
        { [`status.${first}`]: "present", [`status.${second}`]: "excused" },
        asTrainer(),
      ),
      { params: { cohortId: cohort.id, sessionId } },
    );
    expect(dataOf<{ saved: { saved: number } }>(saved).data.saved.saved).toBe(2);
    const records = await db.attendanceRecord.findMany({
      where: { cohortSessionId: sessionId },
      orderBy: { status: "asc" },
      select: { status: true, recordedById: true },
    });
    expect(records).toEqual([
      { status: "excused", recordedById: cohort.trainerIds[0] },
      { status: "present", recordedById: cohort.trainerIds[0] },
    ]);

    // "Mark everyone present" (a submit button, no JavaScript): every member, whatever was typed.
    const all = await callRoute(
      sessionRoute.action,
      formPost(
        `${base()}/sessions/${sessionId}`,
        { intent: "all-present", [`status.${first}`]: "absent" },
        asTrainer(),
      ),
      { params: { cohortId: cohort.id, sessionId } },
    );
    // Every member now (tests above add some), all joined before tomorrow's workshop.
    const members = await db.cohortMembership.count({ where: { cohortId: cohort.id } });
    expect(dataOf<{ saved: { saved: number } }>(all).data.saved.saved).toBe(members);
    const statuses = await db.attendanceRecord.findMany({
      where: { cohortSessionId: sessionId },
      select: { status: true },
    });
    expect(statuses).toHaveLength(members);
    expect(new Set(statuses.map((record) => record.status))).toEqual(new Set(["present"]));

    // Edited once saved: title, time and place; a bad time is a 400 naming the field.
    const edit = (fields: Record<string, string>) =>
      callRoute(
        editRoute.action,
        formPost(`${base()}/sessions/${sessionId}/edit`, fields, asTrainer()),
        { params: { cohortId: cohort.id, sessionId } },
      );
    const bad = await edit({ title: "Mock hearing", startsAt: "next Tuesday" });
    expect(bad).toHaveStatus(400);
    expect(dataOf<Reply>(bad).data.result.error?.startsAt).toEqual([
      "cohorts:errors.startsAtInvalid",
    ]);
    const moved = await edit({
      title: "Mock hearing, part 2",
      startsAt: "2026-12-02T14:30",
      place: "Gulu, Hall 2",
    });
    expect(locationOf(moved)).toBe(`${base()}/sessions/${sessionId}`);
    expect(
      await db.cohortSession.findUniqueOrThrow({
        where: { id: sessionId },
        select: { title: true, startsAt: true, endsAt: true, place: true },
      }),
    ).toEqual({
      title: "Mock hearing, part 2",
      startsAt: new Date("2026-12-02T14:30:00Z"),
      endsAt: null,
      place: "Gulu, Hall 2",
    });
    const form = dataOf<{ workshop: { startsAt: string } }>(
      await callRoute(
        editRoute.loader,
        pageGet(`${base()}/sessions/${sessionId}/edit`, trainerToken),
        {
          params: { cohortId: cohort.id, sessionId },
        },
      ),
    );
    expect(form.data.workshop.startsAt).toBe("2026-12-02T14:30");

    const unknown = await callRoute(
      sessionRoute.action,
      formPost(`${base()}/sessions/${sessionId}`, { intent: "delete-all" }, asTrainer()),
      { params: { cohortId: cohort.id, sessionId } },
    );
    expect(unknown).toHaveStatus(400);
  });
});

describe("the roster grid: search, 'may need help' and sort (GET, no JavaScript)", () => {
  type Grid = CohortRoster & { shown: CohortRoster["trainees"] };
  const grid = async (query: string) =>
    dataOf<Grid>(
      await callRoute(cohortRoute.loader, pageGet(`${base()}?${query}`, trainerToken), {
        params: { cohortId: cohort.id },
      }),
    ).data;

  it("filters by name or e-mail, by 'may need help', and sorts by attendance", async () => {
    const all = await grid("");
    expect(all.shown).toHaveLength(all.trainees.length);
    const someone = all.trainees[0];
    if (!someone) throw new Error("the demo cohort has trainees");
    const byName = await grid(`q=${encodeURIComponent(someone.displayName.toUpperCase())}`);
    expect(byName.shown.map((t) => t.userId)).toContain(someone.userId);
    expect(byName.shown.every((t) => t.displayName === someone.displayName)).toBe(true);
    // The figures above the grid stay the whole cohort's.
    expect(byName.trainees).toHaveLength(all.trainees.length);

    const help = await grid("help=1");
    expect(help.shown.length).toBe(all.trainees.filter((t) => t.signals.length > 0).length);
    expect(help.shown.every((t) => t.signals.length > 0)).toBe(true);

    const sorted = await grid("sort=attendance&dir=asc");
    const rates = sorted.shown.map((t) => t.attendance.ratePercent).filter((r) => r !== null);
    expect(rates).toEqual([...rates].sort((a, b) => (a as number) - (b as number)));
    // An unknown sort or filter value is ignored, never an error.
    expect((await grid("sort=password&help=maybe")).shown).toHaveLength(all.trainees.length);
  });

  it("flags low attendance as 'may need help'", async () => {
    const all = await grid("");
    for (const trainee of all.trainees) {
      const { ratePercent, held, notRecorded } = trainee.attendance;
      const low = ratePercent !== null && held - notRecorded >= 2 && ratePercent < 60;
      expect(trainee.signals.some((s) => s.reason === "low-attendance")).toBe(low);
    }
  });
});

describe("CSV exports", () => {
  /** An export; `query` defaults to the codes headers scripts use. */
  async function download(kind: string, query = "headers=codes", headers = {}) {
    const outcome = await callRoute(
      exportRoute.loader,
      pageGet(`${base()}/export.csv?kind=${kind}&${query}`, trainerToken, headers),
      { params: { cohortId: cohort.id } },
    );
    if (!(outcome instanceof Response)) throw new Error(`got ${outcome.status}`);
    const bytes = new Uint8Array(await outcome.arrayBuffer());
    // Decoded keeping the BOM (Response.text() would drop it).
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    return { response: outcome, bytes, text };
  }

  it("names the file with the cohort and a UTC timestamp, as UTF-8 with a BOM", async () => {
    const { response, bytes, text } = await download("progress");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="cohort-gulu-2026-transitional-justice-accompaniment-progress-\d{4}-\d{2}-\d{2}T\d{4}Z\.csv"$/,
    );
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(text.startsWith("\uFEFFname,email,")).toBe(true);
  });

  it("refuses an unknown kind, separator or header style with a 400 naming the field", async () => {
    for (const [query, field] of [
      ["kind=notes", "kind"],
      ["kind=roster&sep=tab", "sep"],
      ["kind=roster&headers=klingon", "headers"],
    ]) {
      const outcome = await callRoute(
        exportRoute.loader,
        pageGet(`${base()}/export.csv?${query}`, trainerToken),
        { params: { cohortId: cohort.id } },
      );
      expect(outcome).toHaveStatus(400);
      expect((outcome as unknown as { data: { field: string } }).data.field).toBe(field);
    }
  });

  it("heads the file in the reader's language, with semicolons and decimal commas for French", async () => {
    const french = { "Accept-Language": "fr" };
    const { bytes, text } = await download("progress", "", french);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header = [], ...rows] = parseCsv(text, ";").map((record) => record.fields);
    expect(header.slice(0, 2)).toEqual(["Nom", "Courriel"]);
    expect(header).toContain("Module 1 : leçons terminées");
    expect(header).toContain("Progression dans le cours (%)");
    // Every row has as many fields as the header: the semicolon is the only separator.
    for (const row of rows) expect(row).toHaveLength(header.length);
    // A fractional percentage reads as a number in French: a decimal comma.
    const percent = rows.map((row) => row[header.indexOf("Progression dans le cours (%)")] ?? "");
    expect(percent.every((value) => /^\d+(,\d+)?$/.test(value))).toBe(true);

    // Asked for commas, a French reader gets commas; an English reader gets English headers.
    const commas = await download("roster", "sep=comma", french);
    expect(commas.text.startsWith("\uFEFFNom,Courriel,")).toBe(true);
    const english = await download("roster", "");
    expect(english.text.startsWith("\uFEFFName,Email,Joined on,")).toBe(true);
  });

  it("writes coded values in the reader's words (codes only with headers=codes)", async () => {
    const french = { "Accept-Language": "fr" };
    const progress = parseCsv((await download("progress", "", french)).text, ";").map(
      (record) => record.fields,
    );
    const [header = [], ...rows] = progress;
    const check = header.indexOf("Module 1 : test de connaissances");
    expect(check).toBeGreaterThan(0);
    const states = new Set(rows.map((row) => row[check]));
    // The demo cohort has trainees who passed and some who have not tried yet.
    expect(states).toContain("Réussi");
    for (const code of ["passed", "failed", "not-attempted", "none"])
      expect(states).not.toContain(code);
    const help = rows.map((row) => row[header.indexOf("Besoin d’aide possible (raisons)")] ?? "");
    expect(help.filter(Boolean).length).toBeGreaterThan(0);
    expect(help.join(" ")).not.toMatch(/failed-check|inactive|low-attendance/);
    const attendance = parseCsv((await download("attendance", "", french)).text, ";");
    const cells = attendance.slice(1).flatMap((record) => record.fields);
    expect(cells).toContain("Présent·e");
    expect(cells).not.toContain("present");
    // Scripts keep every code.
    const codes = (await download("progress")).text;
    expect(codes).toMatch(/,passed,/);
  });

  it("has exactly the figures of the page, as bare numbers", async () => {
    const page = await callRoute(cohortRoute.loader, pageGet(base(), trainerToken), {
      params: { cohortId: cohort.id },
    });
    const screen = dataOf<CohortRoster>(page).data;
    const { text } = await download("progress");
    // Numbers are unquoted: no field of a figure column starts with a quote.
    const [header = [], ...rows] = parseCsv(text).map((record) => record.fields);
    const column = (name: string) => header.indexOf(name);
    expect(rows).toHaveLength(screen.trainees.length);
    for (const [index, trainee] of screen.trainees.entries()) {
      const row = rows[index] ?? [];
      expect(row[column("email")]).toBe(trainee.email);
      expect(Number(row[column("course_percent")])).toBe(trainee.course.percent);
      expect(Number(row[column("course_lessons_completed")])).toBe(trainee.course.completed);
      for (const [m, module] of screen.modules.entries()) {
        const cell = trainee.cells[m];
        expect(Number(row[column(`${module.key}_lessons_completed`)])).toBe(cell?.lessonsCompleted);
        const best = row[column(`${module.key}_check_best_score`)];
        expect(best === "" ? null : Number(best)).toBe(cell?.bestScore);
      }
    }
    const roster = await download("roster");
    const [rosterHeader = [], ...rosterRows] = parseCsv(roster.text).map((r) => r.fields);
    const rate = rosterHeader.indexOf("attendance_rate_percent");
    expect(rosterRows.map((row) => (row[rate] === "" ? null : Number(row[rate])))).toEqual(
      screen.trainees.map((trainee) => trainee.attendance.ratePercent),
    );
    expect(roster.text).not.toMatch(/,"\d/); // no quoted numbers
  });

  it("guards names that a spreadsheet would run as formulas", async () => {
    const person = await db.user.create({
      data: { email: "formula@x.example", displayName: '=HYPERLINK("http://evil")' },
    });
    await db.cohortMembership.create({ data: { cohortId: cohort.id, userId: person.id } });
    const { text } = await download("attendance");
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")",formula@x.example`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("never contains accompaniment notes", async () => {
    const notes = await db.accompanimentSession.findMany({
      where: { cohortId: cohort.id },
      select: { notes: true },
    });
    expect(notes.length).toBeGreaterThan(0);
    for (const kind of ["roster", "progress", "attendance"]) {
      const { text } = await download(kind);
      for (const { notes: note } of notes) expect(text).not.toContain(note);
    }
  });
});
