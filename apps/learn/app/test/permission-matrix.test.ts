// Permission matrix: every loader and action of app/routes.ts, called as each actor, on a real
// database, with params pointing at cohort A's objects (cohort A = demo "Monrovia", B = "Kathmandu").
// Each cell is the expected outcome; every response an outsider gets, and every denial anyone
// gets, is also searched for cohort A's names, e-mails and notes (see the fixture file).
import { seedDemo } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, provideTestDatabase } from "~/lib/db.server";
import routes from "~/routes";
import { locationOf } from "~/test/matchers";
import {
  ACTORS,
  type Actor,
  buildMatrixFixture,
  classify,
  DENIALS,
  type MatrixFixture,
  OUTCOMES,
  OUTSIDERS,
  type Outcome,
  receivedText,
} from "./permission-matrix-fixtures.server";
import { ROUTE_CASES, ROUTE_MODULES, type RouteCase } from "./permission-matrix-routes.server";
import { callRoute, formPost, pageGet, TEST_ORIGIN } from "./route-call";

// Legend — ok: 2xx · redirect: 3xx not to /login · invalid: 400, past the guard but the minimal
// form is refused · login: redirect to /login?redirectTo=… · forbidden: 403 · not-found: 404
// (a denial that does not even confirm the object exists) · gone: 410 (dead invite link).
// trainee = member of A · otherTrainee = member of B only · otherTrainer = trains B only ·
// trainer = trains A · staff = programme staff (reports).
const MATRIX = `
route                                                          | anonymous trainee   otherTrainee otherTrainer trainer   staff     admin
GET /                                                          | ok        ok        ok           ok           ok        ok        ok
GET /locale                                                    | redirect  redirect  redirect     redirect     redirect  redirect  redirect
POST /locale                                                   | redirect  redirect  redirect     redirect     redirect  redirect  redirect
GET /login                                                     | ok        redirect  redirect     redirect     redirect  redirect  redirect
POST /login {}                                                 | invalid   invalid   invalid      invalid      invalid   invalid   invalid
GET /recover                                                   | ok        redirect  redirect     redirect     redirect  redirect  redirect
POST /recover {}                                               | invalid   invalid   invalid      invalid      invalid   invalid   invalid
GET /signup                                                    | ok        redirect  redirect     redirect     redirect  redirect  redirect
POST /signup {}                                                | invalid   invalid   invalid      invalid      invalid   invalid   invalid
GET /logout                                                    | redirect  redirect  redirect     redirect     redirect  redirect  redirect
POST /logout                                                   | redirect  redirect  redirect     redirect     redirect  redirect  redirect
GET /exit                                                      | redirect  redirect  redirect     redirect     redirect  redirect  redirect
POST /exit                                                     | redirect  redirect  redirect     redirect     redirect  redirect  redirect
GET /account/profile                                           | login     ok        ok           ok           ok        ok        ok
POST /account/profile {}                                       | login     invalid   invalid      invalid      invalid   invalid   invalid
GET /account/security                                          | login     ok        ok           ok           ok        ok        ok
POST /account/security {}                                      | login     invalid   invalid      invalid      invalid   invalid   invalid
GET /courses                                                   | ok        ok        ok           ok           ok        ok        ok
GET /courses/:course                                           | ok        ok        ok           ok           ok        ok        ok
POST /courses/:course {}                                       | login     invalid   invalid      invalid      invalid   invalid   invalid
GET /courses/:course/offline                                   | login     ok        ok           ok           ok        ok        ok
GET /courses/:course/resume                                    | login     redirect  redirect     redirect     redirect  redirect  redirect
GET /courses/:course/lessons/:lesson                           | login     ok        ok           ok           ok        ok        ok
POST /courses/:course/lessons/:lesson {}                       | login     invalid   invalid      invalid      invalid   invalid   invalid
GET …/modules/:module/check                                    | login     ok        ok           ok           ok        ok        ok
GET …/check?attempt=:attemptOfTraineeA                         | login     ok        not-found    not-found    not-found not-found not-found
POST …/modules/:module/check {}                                | login     invalid   invalid      invalid      invalid   invalid   invalid
GET …/modules/:module/feedback                                 | login     ok        ok           ok           ok        ok        ok
POST …/modules/:module/feedback {}                             | login     invalid   invalid      invalid      invalid   invalid   invalid
GET /courses/:course/tests/pre                                 | login     ok        ok           ok           ok        ok        ok
POST /courses/:course/tests/pre {}                             | login     invalid   invalid      invalid      invalid   invalid   invalid
GET /courses/:course/certificate                               | login     ok        ok           not-found    not-found not-found not-found
GET /courses/:course/credential                                | login     ok        ok           not-found    not-found not-found not-found
GET /verify                                                    | ok        ok        ok           ok           ok        ok        ok
POST /verify {no file}                                         | invalid   invalid   invalid      invalid      invalid   invalid   invalid
GET /credentials/status/1                                      | ok        ok        ok           ok           ok        ok        ok
GET /credentials/issuer/did.json                               | ok        ok        ok           ok           ok        ok        ok
GET /verify?code=:codeOfTraineeA                               | redirect  redirect  redirect     redirect     redirect  redirect  redirect
GET /verify/:codeOfTraineeA                                    | ok        ok        ok           ok           ok        ok        ok
GET /learning                                                  | login     ok        ok           ok           ok        ok        ok
GET /workshops.ics                                             | login     ok        ok           ok           ok        ok        ok
POST /learning {}                                              | login     invalid   invalid      invalid      invalid   invalid   invalid
POST /learning {accept invitationOfA}                          | login     not-found not-found    not-found    not-found not-found not-found
POST /learning {decline invitationOfA}                         | login     not-found not-found    not-found    not-found not-found not-found
GET /preferences/discreet                                      | redirect  redirect  redirect     redirect     redirect  redirect  redirect
POST /preferences/discreet                                     | redirect  redirect  redirect     redirect     redirect  redirect  redirect
GET /follow-ups                                                | login     ok        ok           ok           ok        ok        ok
POST /follow-ups {doneFollowUpOfTraineeA}                      | login     redirect  not-found    not-found    not-found not-found not-found
GET /action-plans                                              | login     ok        ok           ok           ok        ok        ok
GET /action-plans/new                                          | login     ok        ok           ok           ok        ok        ok
POST /action-plans/new {}                                      | login     invalid   invalid      invalid      invalid   invalid   invalid
GET /action-plans/:planOfA                                     | login     ok        not-found    not-found    ok        not-found ok
POST /action-plans/:planOfA {step, no follow-up}               | login     forbidden not-found    not-found    invalid   not-found invalid
GET /trainer/accompaniment                                     | login     forbidden forbidden    ok           ok        forbidden ok
GET /trainer/accompaniment?trainee=:traineeA&cohort=:A         | login     forbidden forbidden    ok           ok        forbidden ok
GET /trainer/accompaniment/new?trainee=:traineeA               | login     forbidden forbidden    ok           ok        forbidden ok
POST /trainer/accompaniment/new {}                             | login     forbidden forbidden    invalid      invalid   forbidden invalid
POST /trainer/accompaniment/new {traineeA, complete}           | login     forbidden forbidden    invalid      redirect  forbidden redirect
GET /trainer/accompaniment/:sessionOfA                         | login     forbidden forbidden    not-found    ok        forbidden ok
GET /trainer/accompaniment/:sensitiveSessionOfA                | login     forbidden forbidden    not-found    ok        forbidden ok
POST /trainer/accompaniment/:sessionOfA {done→done}            | login     forbidden forbidden    not-found    redirect  forbidden redirect
GET /reports                                                   | login     forbidden forbidden    forbidden    forbidden ok        ok
GET /reports/export.csv                                        | login     forbidden forbidden    forbidden    forbidden ok        ok
GET /reports/iati.json                                         | login     forbidden forbidden    forbidden    forbidden ok        ok
GET /reports/learning-gain                                     | login     forbidden forbidden    forbidden    forbidden ok        ok
GET /trainer/cohorts                                           | login     forbidden forbidden    ok           ok        forbidden ok
GET /trainer/cohorts/new                                       | login     forbidden forbidden    ok           ok        forbidden ok
POST /trainer/cohorts/new {}                                   | login     forbidden forbidden    invalid      invalid   forbidden invalid
GET /trainer/cohorts/:A                                        | login     forbidden forbidden    forbidden    ok        forbidden ok
GET /trainer/cohorts/:A/members                                | login     forbidden forbidden    forbidden    ok        forbidden ok
POST /trainer/cohorts/:A/members {add, empty}                  | login     forbidden forbidden    forbidden    invalid   forbidden invalid
POST /trainer/cohorts/:A/members {add, new address}            | login     forbidden forbidden    forbidden    ok        forbidden ok
GET /trainer/cohorts/:A/members/import                         | login     forbidden forbidden    forbidden    ok        forbidden ok
POST /trainer/cohorts/:A/members/import {no file}              | login     forbidden forbidden    forbidden    invalid   forbidden invalid
GET /trainer/cohorts/:A/trainees/:traineeA                     | login     forbidden forbidden    forbidden    ok        forbidden ok
POST /trainer/cohorts/:A/trainees/:traineeA {}                 | login     forbidden forbidden    forbidden    invalid   forbidden invalid
GET /trainer/cohorts/:A/sessions                               | login     forbidden forbidden    forbidden    ok        forbidden ok
POST /trainer/cohorts/:A/sessions {}                           | login     forbidden forbidden    forbidden    invalid   forbidden invalid
GET /trainer/cohorts/:A/sessions/:workshopA                    | login     forbidden forbidden    forbidden    ok        forbidden ok
POST /trainer/cohorts/:A/sessions/:workshopA {bad status}      | login     forbidden forbidden    forbidden    invalid   forbidden invalid
GET /trainer/cohorts/:A/sessions/:workshopA/edit               | login     forbidden forbidden    forbidden    ok        forbidden ok
POST /trainer/cohorts/:A/sessions/:workshopA/edit {}           | login     forbidden forbidden    forbidden    invalid   forbidden invalid
GET /trainer/kit                                               | login     forbidden forbidden    ok           ok        forbidden ok
GET /trainer/kit/sw.js                                         | ok        ok        ok           ok           ok        ok        ok
GET /trainer/kit/:workshopA                                    | login     forbidden forbidden    forbidden    ok        forbidden ok
GET /trainer/kit/:workshopA/changes                            | login     forbidden forbidden    forbidden    ok        forbidden ok
POST /trainer/kit/:workshopA/commands {no batch}               | login     forbidden forbidden    forbidden    invalid   forbidden invalid
GET /trainer/cohorts/:A/export.csv?kind=roster                 | login     forbidden forbidden    forbidden    ok        forbidden ok
GET /trainer/cohorts/:A/export.csv?kind=attendance             | login     forbidden forbidden    forbidden    ok        forbidden ok
GET /trainer/cohorts/:B/trainees/:traineeA                     | login     forbidden forbidden    not-found    forbidden forbidden not-found
GET /trainer/cohorts/:B/sessions/:workshopA                    | login     forbidden forbidden    not-found    forbidden forbidden not-found
POST /trainer/cohorts/:B/sessions/:workshopA {traineeA absent} | login     forbidden forbidden    not-found    forbidden forbidden not-found
POST /trainer/cohorts/:B/sessions/:workshopA/edit {moved}      | login     forbidden forbidden    not-found    forbidden forbidden not-found
POST /trainer/cohorts/:B/members {revoke inviteOfA}            | login     forbidden forbidden    not-found    forbidden forbidden not-found
POST /trainer/cohorts/:B/members {revoke invitationOfA}        | login     forbidden forbidden    not-found    forbidden forbidden not-found
GET /join/:liveTokenOfA                                        | ok        ok        ok           ok           ok        ok        ok
GET /join/:revokedTokenOfA                                     | gone      gone      gone         gone         gone      gone      gone
POST /join/:revokedTokenOfA                                    | login     redirect  gone         gone         redirect  gone      gone
GET /admin                                                     | login     forbidden forbidden    forbidden    forbidden forbidden ok
GET /admin/users/:traineeA                                     | login     forbidden forbidden    forbidden    forbidden forbidden ok
POST /admin/users/:traineeA {}                                 | login     forbidden forbidden    forbidden    forbidden forbidden invalid
GET /admin/users/:traineeA/erase                               | login     forbidden forbidden    forbidden    forbidden forbidden ok
POST /admin/users/:traineeA/erase {}                           | login     forbidden forbidden    forbidden    forbidden forbidden invalid
GET /admin/audit                                               | login     forbidden forbidden    forbidden    forbidden forbidden ok
GET /admin/credentials                                         | login     forbidden forbidden    forbidden    forbidden forbidden ok
POST /admin/credentials {}                                     | login     forbidden forbidden    forbidden    forbidden forbidden invalid
GET /admin/users/new                                           | login     forbidden forbidden    forbidden    forbidden forbidden ok
POST /admin/users/new {}                                       | login     forbidden forbidden    forbidden    forbidden forbidden invalid
GET /no-such-page                                              | not-found not-found not-found    not-found    not-found not-found not-found
POST /no-such-page                                             | not-found not-found not-found    not-found    not-found not-found not-found
`;

type Row = { label: string; cells: Record<Actor, Outcome> };

function parseMatrix(text: string): Row[] {
  const [header, ...lines] = text.trim().split("\n");
  const columns = (header ?? "").split("|")[1]?.trim().split(/\s+/) ?? [];
  if (columns.join() !== ACTORS.join()) throw new Error(`matrix columns: ${columns.join()}`);
  return lines.map((line) => {
    const [label = "", rest = ""] = line.split("|");
    const values = rest.trim().split(/\s+/);
    const cells = {} as Record<Actor, Outcome>;
    for (const [index, actor] of ACTORS.entries()) {
      const value = values[index] as Outcome;
      if (!OUTCOMES.includes(value) || values.length !== ACTORS.length) {
        throw new Error(`matrix row "${label.trim()}": bad cells "${rest.trim()}"`);
      }
      cells[actor] = value;
    }
    return { label: label.trim(), cells };
  });
}

const ROWS = parseMatrix(MATRIX);
let f: MatrixFixture;
let close: () => Promise<void>;

beforeAll(async () => {
  const test = await createTestDb();
  close = test.close;
  provideTestDatabase(test.db);
  await seedDemo(test.db);
  f = await buildMatrixFixture(test.db);
}, 180_000);
afterAll(async () => close?.());

function requestFor(route: RouteCase, token: string | undefined): Request {
  const url = route.url(f);
  const cookie: Record<string, string> = token ? { Cookie: `peacelearn_session=${token}` } : {};
  if (route.kind === "loader") return pageGet(url, token);
  const fields = route.form?.(f) ?? {};
  if (!route.multipart) return formPost(url, fields, cookie);
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return new Request(`${TEST_ORIGIN}${url}`, {
    method: "POST",
    headers: { Origin: TEST_ORIGIN, ...cookie },
    body,
  });
}

function handlerOf(route: RouteCase): (args: never) => unknown {
  const handler = ROUTE_MODULES[route.file]?.[route.kind];
  if (typeof handler !== "function") throw new Error(`${route.file} has no ${route.kind}`);
  return handler as (args: never) => unknown;
}

describe("the matrix covers every route", () => {
  it("has one case per matrix row and a row per case", () => {
    expect(ROWS.map((row) => row.label).sort()).toEqual(Object.keys(ROUTE_CASES).sort());
  });

  it("calls every loader and action of every route in app/routes.ts", () => {
    const files = routes.map((entry) => entry.file);
    expect([...files].sort()).toEqual(Object.keys(ROUTE_MODULES).sort());
    const missing = files.flatMap((file) =>
      (["loader", "action"] as const)
        .filter((kind) => typeof ROUTE_MODULES[file]?.[kind] === "function")
        .filter(
          (kind) => !Object.values(ROUTE_CASES).some((c) => c.file === file && c.kind === kind),
        )
        .map((kind) => `${file} ${kind}`),
    );
    expect(missing).toEqual([]);
  });
});

describe.each(ROWS)("$label", ({ label, cells }) => {
  it.each(ACTORS)("as %s", async (actor) => {
    const route = ROUTE_CASES[label];
    if (!route) throw new Error(`no request for matrix row ${label}`);
    const token = route.freshSession ? await f.signIn(actor) : f.tokens[actor];
    const request = requestFor(route, token);
    const outcome = await callRoute(handlerOf(route), request, { params: route.params?.(f) ?? {} });
    const expected = cells[actor];
    const actual = classify(outcome);
    expect(actual, `${label} as ${actor}: expected ${expected}, got ${actual}`).toBe(expected);

    if (actual === "login") {
      const back = new URL(request.url);
      const location = new URL(locationOf(outcome) ?? "", TEST_ORIGIN);
      expect(
        location.searchParams.get("redirectTo"),
        `${label} as ${actor}: login brings back`,
      ).toBe(`${back.pathname}${back.search}`);
    }

    const text = await receivedText(outcome);
    if (route.showsA?.includes(actor)) {
      const shown = f.secrets.filter((secret) => text.includes(secret));
      expect(shown.length, `${label} as ${actor} shows cohort A's data`).toBeGreaterThan(0);
    }

    // Denials say nothing about cohort A; outsiders learn nothing about it from any answer,
    // except what a route shows by design to whoever it lets in.
    const denied = DENIALS.has(actual);
    if (!denied && !OUTSIDERS.has(actor)) return;
    const allowed = new Set(denied ? [] : (route.exposes?.(f) ?? []));
    const leaked = f.secrets.filter((secret) => !allowed.has(secret) && text.includes(secret));
    expect(leaked, `${label} as ${actor} (${actual}) reveals cohort A's data`).toEqual([]);
  });
});

describe("after the matrix", () => {
  it("knows cohort A by its name, every member's e-mail and its notes", () => {
    expect(f.secrets).toContain(f.cohortAName);
    expect(f.secrets.filter((secret) => secret.endsWith(".example")).length).toBe(18);
    expect(f.secrets.length).toBeGreaterThan(18 + 3);
  });

  it("left cohort A's invites and attendance as they were after the denied requests", async () => {
    const db = await getDb();
    const spare = await db.cohortInvite.findUniqueOrThrow({
      where: { id: f.spareInviteIdA },
      select: { revokedAt: true },
    });
    expect(spare.revokedAt).toBeNull();
    // Nobody could accept, decline or withdraw cohort A's e-mail invitation from outside.
    const invitation = await db.cohortInvitation.findUniqueOrThrow({
      where: { id: f.invitationIdA },
      select: { declinedAt: true },
    });
    expect(invitation.declinedAt).toBeNull();
    const recordedByOthers = await db.attendanceRecord.count({
      where: {
        cohortSessionId: f.workshopA,
        recordedById: { in: [f.userIds.otherTrainer, f.userIds.admin] },
      },
    });
    expect(recordedByOthers).toBe(0);
    const followUp = await db.followUpAction.findUniqueOrThrow({
      where: { id: f.doneFollowUpA },
      select: { status: true },
    });
    expect(followUp.status).toBe("done");
  });
});
