// Who may open which cohort route: anonymous visitors go to the login page, trainees and staff
// get 403, a trainer of another cohort gets 403, the cohort's own trainers and admins get in.
import { type Db, seedDemo } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideTestDatabase } from "~/lib/db.server";
import * as cohortRoute from "~/routes/trainer/cohorts/cohort";
import * as exportRoute from "~/routes/trainer/cohorts/export-csv";
import * as listRoute from "~/routes/trainer/cohorts/index";
import * as importRoute from "~/routes/trainer/cohorts/members/import";
import * as membersRoute from "~/routes/trainer/cohorts/members/index";
import * as newRoute from "~/routes/trainer/cohorts/new";
import * as sessionsRoute from "~/routes/trainer/cohorts/sessions/index";
import * as sessionRoute from "~/routes/trainer/cohorts/sessions/session";
import * as traineeRoute from "~/routes/trainer/cohorts/trainees/trainee";
import {
  cookieFor,
  createPerson,
  demoAdminId,
  demoCohort,
  fileUpload,
} from "~/test/cohort-fixtures.server";
import { callRoute, formPost, pageGet, type RouteOutcome } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

type Caller = "anonymous" | "trainee" | "staff" | "otherTrainer" | "trainer" | "admin";
const callers: Caller[] = ["anonymous", "trainee", "staff", "otherTrainer", "trainer", "admin"];

let db: Db;
let close: () => Promise<void>;
const tokens = {} as Record<Caller, string | undefined>;
let cohortId = "";
let memberId = "";
let workshopId = "";

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  provideTestDatabase(db);
  await seedDemo(db);
  const cohort = await demoCohort(db, "monrovia");
  const other = await demoCohort(db, "kathmandu");
  cohortId = cohort.id;
  memberId = cohort.members[0]?.userId ?? "";
  workshopId = (
    await db.cohortSession.findFirstOrThrow({ where: { cohortId }, select: { id: true } })
  ).id;
  tokens.anonymous = undefined;
  // A trainee of this very cohort: being a member gives no access to its trainer pages.
  tokens.trainee = (await signIn(db, memberId)).token;
  tokens.staff = (await signIn(db, (await createPerson(db, ["staff"])).id)).token;
  tokens.otherTrainer = (await signIn(db, other.trainerIds[0] ?? "")).token;
  tokens.trainer = (await signIn(db, cohort.trainerIds[0] ?? "")).token;
  tokens.admin = (await signIn(db, await demoAdminId(db))).token;
}, 120_000);
afterAll(async () => close());

type Handler = (args: never) => unknown;
type RouteCase = {
  name: string;
  handler: Handler;
  request: (token: string | undefined) => Request;
  params: () => Record<string, string>;
  /** What the cohort's trainer and an admin get (a valid-looking but empty form gives 400). */
  allowedStatus: number;
};

const post = (path: string, fields: Record<string, string>) => (token: string | undefined) =>
  formPost(path, fields, cookieFor(token));
const get = (path: string) => (token: string | undefined) => pageGet(path, token);
const base = () => `/trainer/cohorts/${cohortId}`;

const cohortRoutes: RouteCase[] = [
  {
    name: "GET roster",
    handler: cohortRoute.loader,
    request: (token) => get(base())(token),
    params: () => ({ cohortId }),
    allowedStatus: 200,
  },
  {
    name: "GET members",
    handler: membersRoute.loader,
    request: (token) => get(`${base()}/members`)(token),
    params: () => ({ cohortId }),
    allowedStatus: 200,
  },
  {
    name: "POST members (add by email)",
    handler: membersRoute.action,
    request: (token) => post(`${base()}/members`, { intent: "add-member", email: "" })(token),
    params: () => ({ cohortId }),
    allowedStatus: 400,
  },
  {
    name: "GET import",
    handler: importRoute.loader,
    request: (token) => get(`${base()}/members/import`)(token),
    params: () => ({ cohortId }),
    allowedStatus: 200,
  },
  {
    name: "POST import (no file)",
    handler: importRoute.action,
    request: (token) => fileUpload(`${base()}/members/import`, null, token),
    params: () => ({ cohortId }),
    allowedStatus: 400,
  },
  {
    name: "GET trainee detail",
    handler: traineeRoute.loader,
    request: (token) => get(`${base()}/trainees/${memberId}`)(token),
    params: () => ({ cohortId, userId: memberId }),
    allowedStatus: 200,
  },
  {
    name: "GET workshops",
    handler: sessionsRoute.loader,
    request: (token) => get(`${base()}/sessions`)(token),
    params: () => ({ cohortId }),
    allowedStatus: 200,
  },
  {
    name: "POST workshops (new workshop)",
    handler: sessionsRoute.action,
    request: (token) => post(`${base()}/sessions`, { title: "" })(token),
    params: () => ({ cohortId }),
    allowedStatus: 400,
  },
  {
    name: "GET attendance sheet",
    handler: sessionRoute.loader,
    request: (token) => get(`${base()}/sessions/${workshopId}`)(token),
    params: () => ({ cohortId, sessionId: workshopId }),
    allowedStatus: 200,
  },
  {
    name: "POST attendance sheet",
    handler: sessionRoute.action,
    request: (token) =>
      post(`${base()}/sessions/${workshopId}`, { [`status.${memberId}`]: "nonsense" })(token),
    params: () => ({ cohortId, sessionId: workshopId }),
    allowedStatus: 400,
  },
  {
    name: "GET export",
    handler: exportRoute.loader,
    request: (token) => get(`${base()}/export.csv?kind=progress`)(token),
    params: () => ({ cohortId }),
    allowedStatus: 200,
  },
];

function statusOf(outcome: RouteOutcome): number {
  return outcome.status;
}

function expectLoginRedirect(outcome: RouteOutcome, path: string) {
  expect(outcome).toBeInstanceOf(Response);
  const response = outcome as Response;
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("Location") ?? "", "http://x");
  expect(location.pathname).toBe("/login");
  expect(location.searchParams.get("redirectTo")).toBe(path);
}

describe.each(cohortRoutes)("$name", (route) => {
  const expected: Record<Caller, number> = {
    anonymous: 302,
    trainee: 403,
    staff: 403,
    otherTrainer: 403,
    trainer: route.allowedStatus,
    admin: route.allowedStatus,
  };
  it.each(callers)("%s", async (caller) => {
    const request = route.request(tokens[caller]);
    const outcome = await callRoute(route.handler, request, { params: route.params() });
    if (caller === "anonymous") {
      const url = new URL(request.url);
      expectLoginRedirect(outcome, `${url.pathname}${url.search}`);
    } else {
      expect(statusOf(outcome)).toBe(expected[caller]);
    }
  });
});

describe("cohort routes with ids that do not fit", () => {
  it("give 404 for an unknown cohort, a non-member trainee and another cohort's workshop", async () => {
    const unknown = await callRoute(
      cohortRoute.loader,
      pageGet("/trainer/cohorts/nope", tokens.admin),
      {
        params: { cohortId: "nope" },
      },
    );
    expect(statusOf(unknown)).toBe(404);
    const stranger = (await createPerson(db)).id;
    const notMember = await callRoute(
      traineeRoute.loader,
      pageGet(`${base()}/trainees/${stranger}`, tokens.trainer),
      { params: { cohortId, userId: stranger } },
    );
    expect(statusOf(notMember)).toBe(404);
    const foreign = await db.cohortSession.findFirstOrThrow({
      where: { cohortId: { not: cohortId } },
      select: { id: true },
    });
    const foreignSheet = await callRoute(
      sessionRoute.loader,
      pageGet(`${base()}/sessions/${foreign.id}`, tokens.trainer),
      { params: { cohortId, sessionId: foreign.id } },
    );
    expect(statusOf(foreignSheet)).toBe(404);
  });
});

describe("GET /trainer/cohorts", () => {
  const listed = async (caller: Caller) => {
    const outcome = await callRoute(listRoute.loader, pageGet("/trainer/cohorts", tokens[caller]));
    if (outcome instanceof Response) return outcome;
    return outcome as { status: number; data: { cohorts: Array<{ id: string }> } };
  };

  it("sends anonymous visitors to the login page", async () => {
    expectLoginRedirect(await listed("anonymous"), "/trainer/cohorts");
  });

  it("refuses trainees and staff", async () => {
    expect(statusOf(await listed("trainee"))).toBe(403);
    expect(statusOf(await listed("staff"))).toBe(403);
  });

  it("shows trainers only the cohorts they train, and admins all of them", async () => {
    const ids = async (caller: Caller) => {
      const outcome = await listed(caller);
      if (outcome instanceof Response) throw new Error(`got ${outcome.status}`);
      return outcome.data.cohorts.map((cohort) => cohort.id);
    };
    expect(await ids("trainer")).toEqual([cohortId]);
    expect(await ids("otherTrainer")).not.toContain(cohortId);
    expect(await ids("otherTrainer")).toHaveLength(1);
    expect(await ids("admin")).toHaveLength(3);
  });
});

describe("/trainer/cohorts/new", () => {
  it.each(callers)("%s", async (caller) => {
    const loaded = await callRoute(
      newRoute.loader,
      pageGet("/trainer/cohorts/new", tokens[caller]),
    );
    const posted = await callRoute(
      newRoute.action,
      formPost("/trainer/cohorts/new", { name: "" }, cookieFor(tokens[caller])),
    );
    if (caller === "anonymous") {
      expectLoginRedirect(loaded, "/trainer/cohorts/new");
      expectLoginRedirect(posted, "/trainer/cohorts/new");
    } else if (caller === "trainee" || caller === "staff") {
      expect([statusOf(loaded), statusOf(posted)]).toEqual([403, 403]);
    } else {
      // Any trainer may create a cohort (they become its trainer); the empty form is a 400.
      expect([statusOf(loaded), statusOf(posted)]).toEqual([200, 400]);
    }
  });
});
