// Issue 10, defect 4: a trainer adding people by e-mail (one or by CSV) must not learn who has an
// account, must never pull staff or admins into her cohort, and must see nobody's data before
// the person accepts. Every request is a real Request through the route's loader or action.
import { type Db, demoLogins, eraseUser, seedDemo } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideTestDatabase } from "~/lib/db.server";
import { createInvite } from "~/modules/cohorts/invites.server";
import * as joinRoute from "~/routes/join/token";
import * as dashboardRoute from "~/routes/learning";
import * as signupRoute from "~/routes/signup";
import * as accompanimentNewRoute from "~/routes/trainer/accompaniment/new";
import * as cohortRoute from "~/routes/trainer/cohorts/cohort";
import * as exportRoute from "~/routes/trainer/cohorts/export-csv";
import * as importRoute from "~/routes/trainer/cohorts/members/import";
import * as membersRoute from "~/routes/trainer/cohorts/members/index";
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

let db: Db;
let close: () => Promise<void>;
let cohort: Awaited<ReturnType<typeof demoCohort>>;
let trainerToken = "";
let workshopId = "";

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  provideTestDatabase(db);
  await seedDemo(db);
  cohort = await demoCohort(db, "gulu");
  trainerToken = (await signIn(db, cohort.trainerIds[0] ?? "")).token;
  workshopId = (
    await db.cohortSession.findFirstOrThrow({
      where: { cohortId: cohort.id },
      select: { id: true },
    })
  ).id;
}, 120_000);
afterAll(async () => close());

const base = () => `/trainer/cohorts/${cohort.id}`;
const inCohort = () => ({ params: { cohortId: cohort.id } });
let unique = 0;
const ghostEmail = () => `ghost-${++unique}-${Date.now()}@nowhere.example`;

function dataOf<T>(outcome: RouteOutcome): { status: number; data: T } {
  if (outcome instanceof Response) throw new Error(`expected data, got ${outcome.status}`);
  return outcome as { status: number; data: T };
}

/** Everything the trainer's browser receives for a POST, with the typed address blanked out. */
async function bodyWithout(outcome: RouteOutcome, email: string): Promise<string> {
  const text =
    outcome instanceof Response ? await outcome.clone().text() : JSON.stringify(outcome.data);
  return `${outcome.status}\n${text.split(email).join("<address>")}`;
}

const invite = (email: string) =>
  callRoute(
    membersRoute.action,
    formPost(`${base()}/members`, { intent: "add-member", email }, cookieFor(trainerToken)),
    inCohort(),
  );

type SentRow = { id: string; email: string; state: string; createdAt: Date; expiresAt: Date };
async function sentInvitations(): Promise<SentRow[]> {
  const page = await callRoute(
    membersRoute.loader,
    pageGet(`${base()}/members`, trainerToken),
    inCohort(),
  );
  return dataOf<{ invitations: SentRow[] }>(page).data.invitations;
}

type Offered = { id: string; cohortName: string; fills: string[] };
async function myInvitations(token: string): Promise<Offered[]> {
  const page = await callRoute(dashboardRoute.loader, pageGet("/learning", token));
  return dataOf<{ invitations: Offered[] }>(page).data.invitations;
}

const answer = (token: string, intent: string, invitationId: string) =>
  callRoute(
    dashboardRoute.action,
    formPost("/learning", { intent, invitationId }, cookieFor(token)),
  );

async function emailOf(userId: string) {
  return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } }))
    .email;
}

/** What every cohort page the trainer can open shows, as one text to search. */
async function everythingTheTrainerSees(): Promise<string> {
  const texts: string[] = [];
  const add = async (outcome: RouteOutcome) => {
    texts.push(
      outcome instanceof Response ? await outcome.clone().text() : JSON.stringify(outcome.data),
    );
  };
  await add(await callRoute(cohortRoute.loader, pageGet(base(), trainerToken), inCohort()));
  await add(
    await callRoute(membersRoute.loader, pageGet(`${base()}/members`, trainerToken), inCohort()),
  );
  await add(
    await callRoute(sessionsRoute.loader, pageGet(`${base()}/sessions`, trainerToken), inCohort()),
  );
  await add(
    await callRoute(
      sessionRoute.loader,
      pageGet(`${base()}/sessions/${workshopId}`, trainerToken),
      {
        params: { cohortId: cohort.id, sessionId: workshopId },
      },
    ),
  );
  for (const kind of ["roster", "progress", "attendance"]) {
    await add(
      await callRoute(
        exportRoute.loader,
        pageGet(`${base()}/export.csv?kind=${kind}`, trainerToken),
        inCohort(),
      ),
    );
  }
  await add(
    await callRoute(
      accompanimentNewRoute.loader,
      pageGet("/trainer/accompaniment/new", trainerToken),
    ),
  );
  return texts.join("\n");
}

describe("inviting by e-mail reveals nothing about accounts", () => {
  it("answers an address with an account exactly as one without", async () => {
    const person = await createPerson(db);
    const ghost = ghostEmail();
    const withAccount = await invite(person.email);
    const withoutAccount = await invite(ghost);
    expect(await bodyWithout(withAccount, person.email)).toBe(
      await bodyWithout(withoutAccount, ghost),
    );
    expect(withAccount.status).toBe(200);
    expect(dataOf<{ added: unknown }>(withAccount).data.added).toEqual({
      email: person.email,
      status: "invited",
    });
    expect(JSON.stringify(dataOf(withAccount).data)).not.toContain(person.displayName);

    // The trainer's list shows both the same way: the address typed, dates, "pending".
    const rows = await sentInvitations();
    const strip = (row: SentRow | undefined) =>
      row && { keys: Object.keys(row).sort(), state: row.state };
    const listed = rows.find((row) => row.email === person.email);
    const ghostListed = rows.find((row) => row.email === ghost);
    expect(listed).toBeDefined();
    expect(strip(listed)).toEqual(strip(ghostListed));
    expect(strip(listed)).toEqual({
      keys: ["createdAt", "email", "expiresAt", "id", "state"],
      state: "pending",
    });
    expect(JSON.stringify(rows)).not.toContain(person.displayName);
  });

  it("answers staff and admin addresses the same, and never pulls them in", async () => {
    const adminId = await demoAdminId(db);
    const staffEmail = demoLogins.find((login) => login.role === "staff")?.email ?? "";
    const staffId = (
      await db.user.findUniqueOrThrow({ where: { email: staffEmail }, select: { id: true } })
    ).id;
    const adminEmail = await emailOf(adminId);
    const ghost = ghostEmail();
    const reference = await bodyWithout(await invite(ghost), ghost);
    expect(await bodyWithout(await invite(adminEmail), adminEmail)).toBe(reference);
    expect(await bodyWithout(await invite(staffEmail), staffEmail)).toBe(reference);

    for (const userId of [adminId, staffId]) {
      const token = (await signIn(db, userId)).token;
      // Nothing is offered to them…
      expect(await myInvitations(token)).toEqual([]);
      // …and the invitation cannot be accepted even by posting its id.
      const email = await emailOf(userId);
      const invitation = await db.cohortInvitation.findFirstOrThrow({
        where: { cohortId: cohort.id, email },
        select: { id: true },
      });
      const accepted = await answer(token, "accept-invitation", invitation.id);
      expect(accepted.status).toBe(404);
      expect(await db.cohortMembership.count({ where: { cohortId: cohort.id, userId } })).toBe(0);
    }
    // The trainer still sees both as pending, like any other address.
    const states = (await sentInvitations())
      .filter((row) => row.email === adminEmail || row.email === staffEmail)
      .map((row) => row.state);
    expect(states).toEqual(["pending", "pending"]);
  });

  it("reports CSV rows the same whether or not the address has an account", async () => {
    const person = await createPerson(db, ["trainee"], { gender: "not-recorded" });
    const adminEmail = await emailOf(await demoAdminId(db));
    const ghost = ghostEmail();
    const csv = [
      "email,name,gender,birth_year,location",
      `${person.email},,woman,1991,UG`,
      `${ghost},,woman,1991,UG`,
      `${adminEmail},,woman,1991,UG`,
    ].join("\r\n");
    const outcome = await callRoute(
      importRoute.action,
      fileUpload(
        `${base()}/members/import`,
        new File([csv], "roster.csv", { type: "text/csv" }),
        trainerToken,
      ),
      inCohort(),
    );
    const { status, data } = dataOf<{
      report: Array<{ line: number; email: string }>;
      counts: Record<string, number>;
    }>(outcome);
    expect(status).toBe(200);
    const withoutLineAndAddress = data.report.map(
      ({ line: _line, email: _email, ...rest }) => rest,
    );
    expect(withoutLineAndAddress).toEqual([
      { name: "", status: "invited" },
      { name: "", status: "invited" },
      { name: "", status: "invited" },
    ]);
    expect(data.counts).toEqual({ invited: 3, skipped: 0, rejected: 0 });
    expect(JSON.stringify(data)).not.toContain(person.displayName);
    // The profile is untouched until the person accepts.
    const profile = await db.user.findUniqueOrThrow({
      where: { id: person.id },
      select: { gender: true, birthYear: true, locationCode: true },
    });
    expect(profile).toEqual({ gender: "not-recorded", birthYear: null, locationCode: null });
  });
});

describe("the invited person decides", () => {
  it("is on no cohort page until she accepts, and on all of them once she does", async () => {
    const person = await createPerson(db, ["trainee"], { birthYear: 1994, locationCode: "UG" });
    const token = (await signIn(db, person.id)).token;
    await invite(person.email);

    const before = await everythingTheTrainerSees();
    expect(before).toContain(person.email); // the pending list shows the typed address…
    const beforeWithoutPendingList = before.split(person.email).length - 1;
    expect(beforeWithoutPendingList).toBe(1); // …and nothing else does
    expect(before).not.toContain(person.id);
    expect(before).not.toContain(person.displayName);
    const detail = await callRoute(
      traineeRoute.loader,
      pageGet(`${base()}/trainees/${person.id}`, trainerToken),
      { params: { cohortId: cohort.id, userId: person.id } },
    );
    expect(detail.status).toBe(404);

    const [offered] = await myInvitations(token);
    expect(offered?.cohortName).toBe(cohort.name);
    const accepted = await answer(token, "accept-invitation", offered?.id ?? "");
    expect(accepted).toBeInstanceOf(Response);
    expect((accepted as Response).status).toBe(303);
    expect(accepted).toRedirectTo("/courses/demo-gender-and-peacebuilding-basics");

    const after = await everythingTheTrainerSees();
    expect(after).toContain(person.id);
    expect(after).toContain(person.displayName);
    const roster = await callRoute(cohortRoute.loader, pageGet(base(), trainerToken), inCohort());
    expect(
      dataOf<{ trainees: Array<{ userId: string }> }>(roster).data.trainees.map((t) => t.userId),
    ).toContain(person.id);
    const detailAfter = await callRoute(
      traineeRoute.loader,
      pageGet(`${base()}/trainees/${person.id}`, trainerToken),
      { params: { cohortId: cohort.id, userId: person.id } },
    );
    expect(detailAfter.status).toBe(200);
    // The invitation is gone from both sides, and the acceptance is in the audit trail.
    expect((await sentInvitations()).map((row) => row.email)).not.toContain(person.email);
    expect(await myInvitations(token)).toEqual([]);
    expect(
      await db.auditEvent.count({
        where: { action: "cohort.invitation.accepted", actorId: person.id, subjectId: cohort.id },
      }),
    ).toBe(1);
  });

  it("shows the invitation to someone who signs up with the address afterwards", async () => {
    const email = ghostEmail();
    await invite(email);
    const signedUp = await callRoute(
      signupRoute.action,
      formPost("/signup", {
        email,
        displayName: "Newcomer",
        password: "a long enough passphrase",
        confirmPassword: "a long enough passphrase",
      }),
    );
    expect(signedUp).toBeInstanceOf(Response);
    const cookie = (signedUp as Response).headers
      .getSetCookie()
      .find((line) => line.startsWith("peacelearn_session="));
    const token = cookie?.split(";")[0]?.split("=")[1] ?? "";
    expect(token).not.toBe("");
    const [offered] = await myInvitations(token);
    expect(offered?.cohortName).toBe(cohort.name);
  });

  it("declines without telling the trainer, and cannot answer someone else's invitation", async () => {
    const person = await createPerson(db);
    const other = await createPerson(db);
    const token = (await signIn(db, person.id)).token;
    const otherToken = (await signIn(db, other.id)).token;
    await invite(person.email);
    const [offered] = await myInvitations(token);
    const id = offered?.id ?? "";

    // Someone else posting its id gets the same answer as for an id that does not exist.
    const stolen = await answer(otherToken, "accept-invitation", id);
    const unknown = await answer(otherToken, "accept-invitation", "no-such-invitation");
    expect(stolen.status).toBe(404);
    expect(await bodyWithout(stolen, id)).toBe(await bodyWithout(unknown, "no-such-invitation"));
    expect(await db.cohortMembership.count({ where: { userId: other.id } })).toBe(0);

    const declined = await answer(token, "decline-invitation", id);
    expect(dataOf<{ answer: string }>(declined)).toMatchObject({
      status: 200,
      data: { answer: "declined" },
    });
    expect(await myInvitations(token)).toEqual([]);
    expect((await answer(token, "accept-invitation", id)).status).toBe(404);
    expect(await db.cohortMembership.count({ where: { userId: person.id } })).toBe(0);
    // The trainer's list reads exactly as for an invitation nobody answered yet.
    const row = (await sentInvitations()).find((invitation) => invitation.email === person.email);
    expect(row?.state).toBe("pending");
  });

  it("lets the trainer withdraw a pending invitation, which then cannot be accepted", async () => {
    const person = await createPerson(db);
    const token = (await signIn(db, person.id)).token;
    await invite(person.email);
    const row = (await sentInvitations()).find((invitation) => invitation.email === person.email);
    const revoked = await callRoute(
      membersRoute.action,
      formPost(
        `${base()}/members`,
        { intent: "revoke-invitation", invitationId: row?.id ?? "" },
        cookieFor(trainerToken),
      ),
      inCohort(),
    );
    expect(revoked.status).toBe(200);
    expect(await myInvitations(token)).toEqual([]);
    expect((await answer(token, "accept-invitation", row?.id ?? "")).status).toBe(404);
    expect(
      await db.auditEvent.count({
        where: {
          action: "cohort.invitation.revoked",
          subjectId: cohort.id,
          metadata: { equals: { invitationId: row?.id ?? "" } },
        },
      }),
    ).toBe(1);
    const again = await callRoute(
      membersRoute.action,
      formPost(
        `${base()}/members`,
        { intent: "revoke-invitation", invitationId: row?.id ?? "" },
        cookieFor(trainerToken),
      ),
      inCohort(),
    );
    expect(again.status).toBe(404);
  });

  it("has her pending invitations deleted when she is erased", async () => {
    const person = await createPerson(db);
    await invite(person.email.toUpperCase());
    expect(await db.cohortInvitation.count({ where: { email: person.email } })).toBe(1);
    await eraseUser(db, person.id, { actorId: await demoAdminId(db) });
    expect(await db.cohortInvitation.count({ where: { email: person.email } })).toBe(0);
  });
});

describe("an oversized roster upload (issue 10, defect 5)", () => {
  /** A multipart upload of `size` bytes of CSV, streamed, counting what the server reads. */
  function streamedUpload(size: number, declareLength: boolean) {
    const boundary = "----peacelearn-test-boundary";
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n` +
        "Content-Type: text/csv\r\n\r\nemail\r\n",
    );
    const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
    const row = new TextEncoder().encode("someone@example.org\r\n");
    const rows = Math.ceil(size / row.byteLength);
    const total = head.byteLength + rows * row.byteLength + tail.byteLength;
    let sent = 0;
    let rowsLeft = rows;
    let stage: "head" | "rows" | "tail" | "done" = "head";
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        let chunk: Uint8Array;
        if (stage === "head") {
          chunk = head;
          stage = "rows";
        } else if (stage === "rows") {
          const count = Math.min(rowsLeft, 1000);
          chunk = new Uint8Array(count * row.byteLength);
          for (let i = 0; i < count; i += 1) chunk.set(row, i * row.byteLength);
          rowsLeft -= count;
          if (rowsLeft === 0) stage = "tail";
        } else if (stage === "tail") {
          chunk = tail;
          stage = "done";
        } else {
          controller.close();
          return;
        }
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request(`http://peacelearn.test${base()}/members/import`, {
      method: "POST",
      headers: {
        Origin: "http://peacelearn.test",
        "Content-Type": `multipart/form-data; boundary=${boundary}`,
        ...(declareLength ? { "Content-Length": String(total) } : {}),
        ...cookieFor(trainerToken),
      },
      body,
      duplex: "half",
    } as RequestInit);
    return { request, total, sent: () => sent };
  }

  it.each([
    ["with a Content-Length", true],
    ["sent chunked", false],
  ])(
    "reads the whole body, then answers 413 with the page's own message (%s)",
    async (_, declare) => {
      // 600 KB: over the 512 KB file limit and the 528 KB body limit, far under the drain budget.
      const upload = streamedUpload(600 * 1024, declare);
      const outcome = await callRoute(importRoute.action, upload.request, inCohort());
      expect(dataOf<{ error: string }>(outcome)).toMatchObject({
        status: 413,
        data: { error: "too-large", report: null },
      });
      // Answered only after the client could send everything: no reset mid-upload.
      expect(upload.sent()).toBe(upload.total);
      expect(await db.cohortInvitation.count({ where: { email: "someone@example.org" } })).toBe(0);
    },
  );

  it("still reads a file just under the limit", async () => {
    const upload = streamedUpload(400 * 1024, true);
    const outcome = await callRoute(importRoute.action, upload.request, inCohort());
    // Thousands of copies of one address: past the row limit, but read and judged as CSV.
    expect(dataOf<{ error: string }>(outcome)).toMatchObject({
      status: 400,
      data: { error: "too-many-rows" },
    });
  });
});

describe("bodies that are not forms (issue 10, defect 5)", () => {
  const json = (path: string, token: string, body: unknown) =>
    new Request(`http://peacelearn.test${path}`, {
      method: "POST",
      headers: {
        Origin: "http://peacelearn.test",
        "Content-Type": "application/json",
        ...cookieFor(token),
      },
      body: JSON.stringify(body),
    });

  it("get 415 from the members, join and my-learning actions, and change nothing", async () => {
    const person = await createPerson(db);
    const token = (await signIn(db, person.id)).token;
    const members = await callRoute(
      membersRoute.action,
      json(`${base()}/members`, trainerToken, { intent: "add-member", email: person.email }),
      inCohort(),
    );
    expect(members.status).toBe(415);
    expect(await db.cohortInvitation.count({ where: { email: person.email } })).toBe(0);

    const link = await createInvite(db, {
      cohortId: cohort.id,
      createdById: cohort.trainerIds[0] ?? "",
      expiresInDays: 7,
      maxUses: undefined,
      now: new Date(),
    });
    const joined = await callRoute(joinRoute.action, json(`/join/${link.token}`, token, {}), {
      params: { token: link.token },
    });
    expect(joined.status).toBe(415);
    expect(await db.cohortMembership.count({ where: { userId: person.id } })).toBe(0);

    const answered = await callRoute(
      dashboardRoute.action,
      json("/learning", token, { intent: "accept-invitation", invitationId: "x" }),
    );
    expect(answered.status).toBe(415);
  });
});
