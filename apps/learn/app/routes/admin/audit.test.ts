import { describe, expect, it } from "vitest";
import type { AuditPerson } from "~/modules/admin/audit-log.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { hashPassword } from "~/modules/auth/password.server";
import { createCohort, createCourse } from "~/modules/courses/test-fixtures";
import { loader as auditLoader } from "~/routes/admin/audit";
import { action as loginAction } from "~/routes/login";
import { loader as reportCsvLoader } from "~/routes/reports/export-csv";
import { loader as iatiLoader } from "~/routes/reports/iati-json";
import { loader as cohortExportLoader } from "~/routes/trainer/cohorts/export-csv";
import { useTestDatabase } from "~/test/database";
import { callRoute, formPost, pageGet } from "~/test/route-call";
import { signIn } from "~/test/sign-in.server";

// Issue 12: the audit log answers "who did what to whom" — sign-ins with their address, people
// by name and e-mail (namesakes apart), erased people by pseudonym, filters by who and whom.

const getDb = useTestDatabase();
const PASSWORD = "a long and fine password";

type Page = {
  total: number;
  events: Array<{
    action: string;
    actor: AuditPerson;
    subject: { kind: string; person?: AuditPerson };
    details: { address?: string; roles?: { from: string[]; to: string[] } };
  }>;
};

async function auditPage(token: string, query = "") {
  const outcome = await callRoute(auditLoader, pageGet(`/admin/audit${query}`, token));
  expect(outcome).toHaveStatus(200);
  return (outcome as { data: Page }).data;
}

async function personWithPassword(name: string, email: string) {
  return getDb().user.create({
    data: { email, displayName: name, passwordHash: await hashPassword(PASSWORD) },
    select: { id: true },
  });
}

describe("the audit log", () => {
  it("records sign-ins and failed ones with their address, and names people with their e-mail", async () => {
    const db = getDb();
    const admin = await signIn(db, { name: "Admin", roles: ["trainee", "admin"] });
    const first = await personWithPassword("Mariama Diallo", "mariama.d@example.org");
    const second = await personWithPassword("Mariama Diallo", "m.diallo@example.org");
    const login = (email: string, password: string, address: string) =>
      callRoute(loginAction, formPost("/login", { email, password }), {
        context: { clientAddress: address },
      });
    expect(await login("mariama.d@example.org", PASSWORD, "198.51.100.20")).toHaveStatus(303);
    expect(await login("m.diallo@example.org", "wrong password!", "203.0.113.5")).toHaveStatus(401);
    expect(await login("nobody@example.org", "whatever it is", "203.0.113.6")).toHaveStatus(401);

    const page = await auditPage(admin.token, "?action=user.signed-in");
    expect(page.events[0]).toMatchObject({
      actor: { kind: "user", id: first.id, name: "Mariama Diallo", email: "mariama.d@example.org" },
      details: { address: "198.51.100.20" },
    });
    const failed = await auditPage(admin.token, "?action=user.sign-in-failed");
    expect(failed.events.map((event) => [event.subject.kind, event.details.address])).toEqual([
      ["other", "203.0.113.6"],
      ["person", "203.0.113.5"],
    ]);
    expect(failed.events[1]?.subject.person).toMatchObject({
      id: second.id,
      email: "m.diallo@example.org",
    });
    // The address typed without an account is not stored anywhere in the log.
    expect(JSON.stringify(failed)).not.toContain("nobody@example.org");
  });

  it("filters by who did it and whom it was about, by name or e-mail", async () => {
    const db = getDb();
    const admin = await signIn(db, { name: "Filtering admin", roles: ["trainee", "admin"] });
    const trainer = await signIn(db, { name: "Grace Trainer", roles: ["trainee", "trainer"] });
    const trainee = await signIn(db, { name: "Nino Beridze" });
    const other = await signIn(db, { name: "Someone Else" });
    for (const subject of [trainee, other]) {
      await recordAudit(db, {
        actorId: trainer.id,
        action: "user.recovery-code.issued",
        subjectType: "user",
        subjectId: subject.id,
      });
    }
    const byActor = await auditPage(admin.token, "?actor=grace");
    expect(byActor.total).toBe(2);
    const byTarget = await auditPage(
      admin.token,
      "?target=beridze&action=user.recovery-code.issued",
    );
    expect(byTarget.total).toBe(1);
    expect(byTarget.events[0]?.subject.person).toMatchObject({
      id: trainee.id,
      name: "Nino Beridze",
    });
    expect((await auditPage(admin.token, "?target=no-such-person")).total).toBe(0);
  });

  it("shows an erased person by a stable pseudonym, and a role change keeps its roles", async () => {
    const db = getDb();
    const admin = await signIn(db, { name: "Pseudonym admin", roles: ["trainee", "admin"] });
    const gone = await signIn(db, { name: "Gone Person" });
    await recordAudit(db, {
      actorId: admin.id,
      action: "user.roles.changed",
      subjectType: "user",
      subjectId: gone.id,
      metadata: { from: ["trainee"], to: ["trainee", "trainer"] },
    });
    await db.user.update({
      where: { id: gone.id },
      data: { erasedAt: new Date(), displayName: "Erased user" },
    });
    const page = await auditPage(admin.token, "?action=user.roles.changed");
    const event = page.events.find((row) => row.subject.person?.kind === "erased");
    expect(event?.subject.person).toEqual({
      kind: "erased",
      pseudonym: expect.stringMatching(/^[0-9a-f]{6}$/),
    });
    expect(event?.details.roles).toEqual({ from: ["trainee"], to: ["trainee", "trainer"] });
    expect(JSON.stringify(page)).not.toContain("Gone Person");
  });

  it("records who exported a cohort's roster and the programme reports", async () => {
    const db = getDb();
    const admin = await signIn(db, { name: "Export admin", roles: ["trainee", "admin"] });
    const staff = await signIn(db, { name: "Programme officer", roles: ["trainee", "staff"] });
    const trainer = await signIn(db, { name: "Roster trainer", roles: ["trainee", "trainer"] });
    const course = await createCourse(db, { key: "audit-export", modules: [] });
    const cohort = await createCohort(db, { courseId: course.id, region: "west-africa" });
    await db.cohortTrainer.create({ data: { cohortId: cohort.id, userId: trainer.id } });

    const path = `/trainer/cohorts/${cohort.id}/export.csv?kind=roster`;
    expect(
      await callRoute(cohortExportLoader, pageGet(path, trainer.token), {
        params: { cohortId: cohort.id },
      }),
    ).toHaveStatus(200);
    expect(
      await callRoute(reportCsvLoader, pageGet("/reports/export.csv", staff.token)),
    ).toHaveStatus(200);
    expect(await callRoute(iatiLoader, pageGet("/reports/iati.json", staff.token))).toHaveStatus(
      200,
    );

    const roster = await auditPage(admin.token, "?action=cohort.roster.exported");
    expect(roster.events[0]).toMatchObject({
      actor: { kind: "user", id: trainer.id },
      subject: { kind: "cohort" },
      details: { format: "csv" },
    });
    const reports = await auditPage(admin.token, "?action=report.exported");
    expect(
      reports.events.map((event) => [event.actor.kind === "user" && event.actor.id, event.details]),
    ).toEqual([
      [staff.id, { format: "iati-json" }],
      [staff.id, { format: "csv" }],
    ]);
  });
});
