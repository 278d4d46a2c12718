import { seedDemo } from "@peacelearn/db";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import type { ErasureReportView, ReviewItem } from "~/modules/admin/erasure-review.server";
import { changeRoles } from "~/modules/admin/users.server";
import { recordAudit } from "~/modules/audit/audit.server";
import type { MeasureReport } from "~/modules/reports/report.server";
import { reportMeasures } from "~/modules/reports/schema";
import AuditPage, { loader as auditLoader } from "~/routes/admin/audit";
import UsersPage, { loader as usersLoader } from "~/routes/admin/index";
import ErasePage, {
  action as eraseAction,
  loader as eraseLoader,
} from "~/routes/admin/users/erase";
import UserPage, { action as userAction, loader as userLoader } from "~/routes/admin/users/user";
import { loader as reportsLoader } from "~/routes/reports/index";
import { useTestDatabase } from "~/test/database";
import { renderPage, routePage } from "~/test/render-page";
import { callRoute, formPost, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

const ids: Record<"admin" | "staff" | "trainer" | "trainee", string> = {
  admin: "",
  staff: "",
  trainer: "",
  trainee: "",
};
const tokens = { ...ids };

const getDb = useTestDatabase(async (db) => {
  await seedDemo(db, { now: new Date("2026-06-15T12:00:00Z") });
  for (const role of ["admin", "staff", "trainer", "trainee"] as const) {
    const user = await db.user.findFirstOrThrow({
      where: { roles: { equals: [role] } },
      orderBy: { email: "asc" },
      select: { id: true },
    });
    ids[role] = user.id;
    tokens[role] = (await signIn(db, user.id)).token;
  }
});

const post = (path: string, fields: Record<string, string | string[]>, token: string) =>
  formPost(path, fields, { Cookie: `peacelearn_session=${token}` });

describe("who may use the admin pages", () => {
  it("anonymous → login, trainee, trainer and staff → 403, admin → 200", async () => {
    const pages = [
      ["/admin", usersLoader, {}],
      ["/admin/audit", auditLoader, {}],
      [`/admin/users/${ids.trainee}`, userLoader, { userId: ids.trainee }],
      [`/admin/users/${ids.trainee}/erase`, eraseLoader, { userId: ids.trainee }],
    ] as const;
    for (const [path, loader, params] of pages) {
      const anonymous = await callRoute(loader, pageGet(path), { params });
      expect(anonymous).toRedirectTo(`/login?${new URLSearchParams({ redirectTo: path })}`);
      for (const role of ["trainee", "trainer", "staff"] as const) {
        expect(await callRoute(loader, pageGet(path, tokens[role]), { params })).toMatchObject({
          status: 403,
        });
      }
      expect(await callRoute(loader, pageGet(path, tokens.admin), { params })).toMatchObject({
        status: 200,
      });
    }
    // A role change posted by a non-admin is refused too.
    const forged = await callRoute(
      userAction,
      post(`/admin/users/${ids.staff}`, { roles: ["admin"] }, tokens.staff),
      { params: { userId: ids.staff } },
    );
    expect(forged).toHaveStatus(403);
  });

  it("lists and searches accounts, page by page", async () => {
    const all = await callRoute(usersLoader, pageGet("/admin", tokens.admin));
    // 66 demo accounts (seed), 25 per page.
    expect(all).toMatchObject({ status: 200, data: { total: 66, pageCount: 3 } });
    const found = await callRoute(usersLoader, pageGet("/admin?q=ME.OFFICER", tokens.admin));
    expect(found).toMatchObject({ data: { total: 1, users: [{ id: ids.staff }] } });
  });
});

describe("role changes", () => {
  it("refuse to demote the only admin, whoever asks", async () => {
    const self = await callRoute(
      userAction,
      post(`/admin/users/${ids.admin}`, { roles: ["trainee"] }, tokens.admin),
      { params: { userId: ids.admin } },
    );
    expect(self).toHaveStatus(400);
    expect(JSON.stringify((self as { data: unknown }).data)).toContain("admin:errors.selfDemotion");
    expect(
      await changeRoles(getDb(), { actorId: ids.staff, userId: ids.admin, roles: ["staff"] }),
    ).toEqual({
      ok: false,
      error: "last-admin",
    });
    const admin = await getDb().user.findUniqueOrThrow({ where: { id: ids.admin } });
    expect(admin.roles).toEqual(["admin"]);
    expect(await getDb().auditEvent.count({ where: { action: "user.roles.changed" } })).toBe(0);
  });

  it("refuse an empty role list with a 400, not a 500", async () => {
    const none = await callRoute(
      userAction,
      post(`/admin/users/${ids.trainee}`, {}, tokens.admin),
      {
        params: { userId: ids.trainee },
      },
    );
    expect(none).toHaveStatus(400);
  });

  it("name an invalid role on the roles field the page shows, and refuse roles[999999] at once", async () => {
    const invalid = await callRoute(
      userAction,
      post(`/admin/users/${ids.trainee}`, { roles: ["trainee", "superuser"] }, tokens.admin),
      { params: { userId: ids.trainee } },
    );
    // The error used to sit on `roles[1]`, which no control is named after: no message at all.
    expect(invalid).toMatchObject({
      status: 400,
      data: { result: { error: { roles: ["admin:errors.rolesInvalid"] } } },
    });
    const huge = await callRoute(
      userAction,
      post(`/admin/users/${ids.trainee}`, { "roles[999999]": "admin" }, tokens.admin),
      { params: { userId: ids.trainee } },
    );
    expect(huge).toMatchObject({
      status: 400,
      data: { formRejection: { field: "roles[999999]" } },
    });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: ids.trainee } })).roles).toEqual([
      "trainee",
    ]);
  });

  it("promote with checkboxes, audited; then an admin may step down", async () => {
    const promoted = await callRoute(
      userAction,
      post(`/admin/users/${ids.trainer}`, { roles: ["trainer", "admin"] }, tokens.admin),
      { params: { userId: ids.trainer } },
    );
    expect(promoted).toMatchObject({ status: 200, data: { saved: true } });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: ids.trainer } })).roles).toEqual([
      "admin",
      "trainer",
    ]);
    const event = await getDb().auditEvent.findFirstOrThrow({
      where: { action: "user.roles.changed" },
    });
    expect(event).toMatchObject({
      actorId: ids.admin,
      subjectType: "user",
      subjectId: ids.trainer,
      metadata: { from: ["trainer"], to: ["admin", "trainer"] },
    });

    // With a second admin, the first may give the role up.
    const stepDown = await callRoute(
      userAction,
      post(`/admin/users/${ids.admin}`, { roles: ["staff"] }, tokens.admin),
      { params: { userId: ids.admin } },
    );
    expect(stepDown).toHaveStatus(200);
    // …and the new admin, now alone, cannot.
    expect(
      await changeRoles(getDb(), { actorId: ids.trainer, userId: ids.trainer, roles: ["trainer"] }),
    ).toEqual({
      ok: false,
      error: "self-demotion",
    });
    // Restore the first admin for the tests below.
    await changeRoles(getDb(), { actorId: ids.trainer, userId: ids.admin, roles: ["admin"] });
  });
});

async function totals(by = "gender") {
  const figures: Record<string, unknown> = {};
  // Both tiers: the exploration tier's perturbed figures stay put too, as erasure keeps the
  // person's cell key (ADR 024).
  for (const tier of ["formal", "exploration"]) {
    for (const measure of reportMeasures) {
      const outcome = await callRoute(
        reportsLoader,
        pageGet(`/reports?tier=${tier}&measure=${measure}&by=${by}`, tokens.admin),
      );
      const { report } = (outcome as { data: { report: MeasureReport } }).data;
      figures[`${tier}-${measure}`] = { total: report.result.total, cells: report.result.cells };
    }
  }
  return figures;
}

describe("erasure on request", () => {
  it("asks for the e-mail, erases, audits, and leaves the reports' figures unchanged", async () => {
    // A trainee with an enrolment, attendance and accompaniment (Gulu cohort, seed).
    const trainee = await getDb().user.findFirstOrThrow({
      where: { accompanimentReceived: { some: {} }, attendance: { some: {} } },
      select: { id: true, email: true, displayName: true },
    });
    const before = await totals();
    const path = `/admin/users/${trainee.id}/erase`;

    const wrong = await callRoute(
      eraseAction,
      post(path, { confirmEmail: "someone@else.example" }, tokens.admin),
      {
        params: { userId: trainee.id },
      },
    );
    expect(wrong).toHaveStatus(400);
    expect(
      (await getDb().user.findUniqueOrThrow({ where: { id: trainee.id } })).erasedAt,
    ).toBeNull();

    const done = await callRoute(
      eraseAction,
      post(path, { confirmEmail: trainee.email.toUpperCase() }, tokens.admin),
      { params: { userId: trainee.id } },
    );
    // The page becomes the erasure's report.
    expect(done).toRedirectTo(path);
    const erased = await getDb().user.findUniqueOrThrow({ where: { id: trainee.id } });
    expect(erased.erasedAt).not.toBeNull();
    expect(erased.displayName).not.toBe(trainee.displayName);
    expect(
      await getDb().auditEvent.count({
        where: { action: "user.erased", subjectId: trainee.id, actorId: ids.admin },
      }),
    ).toBe(1);

    // Gender and location are kept, so every figure by gender is the same as before.
    expect(await totals()).toEqual(before);
  });

  it("scrubs her from other trainees' records, lists the uncertain mentions, and lets an admin decide", async () => {
    const [subject, other] = await getDb().user.findMany({
      where: { roles: { equals: ["trainee"] }, erasedAt: null },
      orderBy: { email: "desc" },
      take: 2,
      select: { id: true },
    });
    if (!subject || !other) throw new Error("two trainees expected");
    await getDb().user.update({
      where: { id: subject.id },
      data: { email: "fatu.zr5@example.org", displayName: "Fatu Zr5-Kamara" },
    });
    const sensitive = await getDb().accompanimentSession.create({
      data: {
        trainerId: ids.trainer,
        traineeId: other.id,
        occurredOn: new Date("2026-05-04"),
        mode: "phone",
        activityType: "accompaniment",
        isSensitive: true,
        notes: "Said FATU ZR5-KAMARA had been threatened. Fatu may call back.",
      },
    });
    const plain = await getDb().accompanimentSession.create({
      data: {
        trainerId: ids.trainer,
        traineeId: other.id,
        occurredOn: new Date("2026-05-05"),
        mode: "phone",
        activityType: "accompaniment",
        notes: "Asked about Kamara, the district officer.",
      },
    });
    const path = `/admin/users/${subject.id}/erase`;
    const done = await callRoute(
      eraseAction,
      post(path, { intent: "erase", confirmEmail: "fatu.zr5@example.org" }, tokens.admin),
      { params: { userId: subject.id } },
    );
    expect(done).toRedirectTo(path);
    const note = async (id: string) =>
      (await getDb().accompanimentSession.findUniqueOrThrow({ where: { id } })).notes;
    expect(await note(sensitive.id)).toBe("Said [erased] had been threatened. Fatu may call back.");

    const reads = () =>
      getDb().auditEvent.count({
        where: { action: "accompaniment.sensitive-note.read", subjectId: sensitive.id },
      });
    const readsBefore = await reads();
    const page = await callRoute(eraseLoader, pageGet(path, tokens.admin), {
      params: { userId: subject.id },
    });
    const report = (page as { data: { report: ErasureReportView } }).data.report;
    expect(report.freeTextScrubbed).toBe(1);
    expect(report.pending.map((item) => [item.href, item.state])).toEqual([
      [`/trainer/accompaniment/${sensitive.id}`, "current"],
      [`/trainer/accompaniment/${plain.id}`, "current"],
    ]);
    const marked = (item: ReviewItem | undefined) =>
      item?.excerpt.filter((part) => part.mention).map((part) => part.text);
    expect(marked(report.pending[0])).toEqual(["Fatu"]);
    expect(marked(report.pending[1])).toEqual(["Kamara"]);
    // Showing an excerpt of a sensitive note is a read, audited as on the note's page.
    expect(await reads()).toBe(readsBefore + 1);

    const decide = (item: number, decision: string) =>
      callRoute(
        eraseAction,
        post(path, { intent: "review", item: String(item), decision }, tokens.admin),
        { params: { userId: subject.id } },
      );
    const [first, second] = report.pending;
    expect(await decide(first?.index ?? -1, "remove")).toHaveStatus(302);
    expect(await note(sensitive.id)).toBe(
      "Said [erased] had been threatened. [erased] may call back.",
    );
    // The district officer is someone else: kept, and the list empties.
    expect(await decide(second?.index ?? -1, "keep")).toHaveStatus(302);
    expect(await note(plain.id)).toBe("Asked about Kamara, the district officer.");
    const after = await callRoute(eraseLoader, pageGet(path, tokens.admin), {
      params: { userId: subject.id },
    });
    expect((after as { data: { report: ErasureReportView } }).data.report.pending).toEqual([]);
    // Deciding twice, or on an item that does not exist, is a 404; a bad decision names its field.
    expect(await decide(first?.index ?? -1, "remove")).toHaveStatus(404);
    expect(await decide(99, "keep")).toHaveStatus(404);
    const bad = await decide(0, "maybe");
    expect(bad).toHaveStatus(400);
    expect(JSON.stringify((bad as { data: unknown }).data)).toContain("decision");
    expect(
      await getDb().auditEvent.count({
        where: { action: "user.erasure-review.resolved", subjectId: subject.id },
      }),
    ).toBe(2);

    for (const locale of ["en", "fr"]) {
      const html = renderPage(
        routePage(ErasePage, (page as { data: unknown }).data, undefined, { userId: subject.id }),
        locale,
        path,
      );
      expect(html).toContain("<mark>Fatu</mark>");
      expect(html).toContain(locale === "fr" ? "Note d’accompagnement" : "Accompaniment note");
      expect(html).toContain('name="decision"');
      expect(html).toContain(locale === "fr" ? "ne peut pas atteindre" : "cannot reach");
      expect(html).not.toContain("Zr5");
    }
  });

  it("refuses to let an admin erase themself", async () => {
    const me = await getDb().user.findUniqueOrThrow({ where: { id: ids.admin } });
    const outcome = await callRoute(
      eraseAction,
      post(`/admin/users/${ids.admin}/erase`, { confirmEmail: me.email }, tokens.admin),
      { params: { userId: ids.admin } },
    );
    expect(outcome).toHaveStatus(400);
  });
});

describe("audit log", () => {
  it("names erased actors 'erased user' and never shows metadata such as note text", async () => {
    const actor = await getDb().user.findFirstOrThrow({
      where: { roles: { equals: ["trainee"] }, erasedAt: null },
      select: { id: true, email: true },
    });
    // Other tests read sensitive notes too (the erasure review's excerpts): this one is the newest.
    const earlier = await getDb().auditEvent.count({
      where: { action: "accompaniment.sensitive-note.read" },
    });
    await recordAudit(getDb(), {
      actorId: actor.id,
      action: "accompaniment.sensitive-note.read",
      subjectType: "accompaniment-session",
      subjectId: "s-1",
      metadata: { note: "SECRET-NOTE-TEXT about a safety plan" },
    });
    await getDb().user.update({
      where: { id: actor.id },
      data: { erasedAt: new Date(), displayName: "Erased user" },
    });

    const outcome = await callRoute(
      auditLoader,
      pageGet("/admin/audit?action=accompaniment.sensitive-note.read", tokens.admin),
    );
    const page = (
      outcome as { data: { events: Array<{ actor: unknown; action: string }>; total: number } }
    ).data;
    expect(page.total).toBe(earlier + 1);
    // An erased reader is a pseudonym, never her former name.
    expect(page.events[0]?.actor).toMatchObject({ kind: "erased", pseudonym: /^[0-9a-f]{6}$/ });
    expect(JSON.stringify(page)).not.toContain("SECRET-NOTE-TEXT");

    // Filters by action and date: nothing in 2020.
    const old = await callRoute(
      auditLoader,
      pageGet("/admin/audit?from=2020-01-01&to=2020-12-31", tokens.admin),
    );
    expect(old).toMatchObject({ data: { total: 0 } });
    const roleChanges = await callRoute(
      auditLoader,
      pageGet("/admin/audit?action=user.roles.changed", tokens.admin),
    );
    expect((roleChanges as { data: { total: number } }).data.total).toBeGreaterThanOrEqual(3);
  });
});

describe("admin pages", () => {
  // Server-renders each page from its real loader data, as a browser without JavaScript gets it.
  async function html(
    Page: unknown,
    loader: (args: never) => unknown,
    path: string,
    locale: string,
    params: Record<string, string> = {},
  ) {
    const outcome = await callRoute(loader, pageGet(path, tokens.admin), { params });
    const props = { loaderData: (outcome as { data: unknown }).data, params, matches: [] };
    // Route components are typed for their own loader; here they get that loader's real data.
    const Component = Page as (props: Record<string, unknown>) => ReactNode;
    return renderPage(<Component {...props} />, locale, path);
  }

  it.each(["en", "fr"])("render without JavaScript (%s)", async (locale) => {
    expect(await html(UsersPage, usersLoader, "/admin", locale)).toContain('name="q"');
    const user = await html(UserPage, userLoader, `/admin/users/${ids.staff}`, locale, {
      userId: ids.staff,
    });
    expect(user).toContain('name="roles"');
    const erase = await html(ErasePage, eraseLoader, `/admin/users/${ids.staff}/erase`, locale, {
      userId: ids.staff,
    });
    expect(erase).toContain('name="confirmEmail"');
    const audit = await html(AuditPage, auditLoader, "/admin/audit", locale);
    expect(audit).toContain(locale === "fr" ? "Compte effacé" : "Erased account");
    expect(audit).not.toContain("SECRET-NOTE-TEXT");
  });
});
