// Admin-created accounts and deactivation (issue 14, ADR 027), through the routes with real
// Requests: /admin/users/new creates, /admin/users/:userId deactivates and reactivates.
import { seedDemo } from "@peacelearn/db";
import { describe, expect, it } from "vitest";
import { setAccountActive } from "~/modules/admin/accounts.server";
import { changeRoles, eraseUserOnRequest } from "~/modules/admin/users.server";
import { logIn } from "~/modules/auth/auth.server";
import { hashPassword } from "~/modules/auth/password.server";
import { issueRecoveryCode, redeemRecoveryCode } from "~/modules/auth/recovery.server";
import { validateSessionToken } from "~/modules/auth/session.server";
import { action as newAction, loader as newLoader } from "~/routes/admin/users/new";
import { action as userAction, loader as userLoader } from "~/routes/admin/users/user";
import { useTestDatabase } from "~/test/database";
import { callRoute, formPost, pageGet } from "~/test/route-call";
import { type SignedIn, signIn } from "~/test/sign-in.server";

let admin: SignedIn;
let cohortId = "";

const getDb = useTestDatabase(async (db) => {
  await seedDemo(db, { now: new Date("2026-06-15T12:00:00Z") });
  admin = await signIn(db, { name: "Admin", roles: ["admin"] });
  cohortId = (await db.cohort.findFirstOrThrow({ orderBy: { name: "asc" }, select: { id: true } }))
    .id;
});

const create = (fields: Record<string, string>, cookie = admin.cookie) =>
  callRoute(newAction, formPost("/admin/users/new", fields, cookie));

const access = (userId: string, intent: string, cookie = admin.cookie) =>
  callRoute(userAction, formPost(`/admin/users/${userId}`, { intent }, cookie), {
    params: { userId },
  });

const PASSWORD = "a long passphrase for tests";

/** A trainee with a password and a live session. */
async function traineeWithPassword(email: string) {
  const person = await signIn(getDb(), { email });
  await getDb().user.update({
    where: { id: person.id },
    data: { passwordHash: await hashPassword(PASSWORD) },
  });
  return person;
}

const attempt = (email: string, password: string) =>
  logIn(getDb(), {
    email,
    password,
    clientAddress: "198.51.100.9",
    userAgent: null,
    deviceTokens: [],
  });

describe("an admin creates an account", () => {
  it("opens it without a password and hands over a one-time code, shown once and stored hashed", async () => {
    const page = await callRoute(newLoader, pageGet("/admin/users/new", admin.token));
    expect(page).toMatchObject({ status: 200 });
    expect((page as { data: { cohorts: { id: string }[] } }).data.cohorts).toContainEqual(
      expect.objectContaining({ id: cohortId }),
    );

    const created = await create({
      displayName: "Awa Koné",
      email: "Awa.Kone@example.org",
      role: "trainee",
      preferredLocale: "fr",
      cohortId,
    });
    expect(created).toMatchObject({ status: 200, data: { created: { name: "Awa Koné" } } });
    const { userId, code } = (created as { data: { created: { userId: string; code: string } } })
      .data.created;
    const user = await getDb().user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({
      email: "awa.kone@example.org",
      roles: ["trainee"],
      preferredLocale: "fr",
      passwordHash: null,
    });
    expect(await getDb().cohortMembership.count({ where: { cohortId, userId } })).toBe(1);
    // Only the code's hash is kept, and the audit entry names neither her nor her address.
    const stored = await getDb().recoveryCode.findMany({ where: { userId } });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(code.replaceAll("-", ""));
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { action: "user.created", subjectId: userId },
    });
    expect(audit).toMatchObject({ actorId: admin.id });
    expect(JSON.stringify(audit.metadata)).not.toMatch(/awa|kone|example/i);
    expect(JSON.stringify(audit.metadata)).not.toContain(code);

    // She sets her own password with the code, then logs in with it.
    const redeemed = await redeemRecoveryCode(getDb(), {
      email: "awa.kone@example.org",
      code,
      newPassword: PASSWORD,
      clientAddress: "198.51.100.9",
      userAgent: null,
      deviceTokens: [],
    });
    expect(redeemed.ok).toBe(true);
    expect((await attempt("awa.kone@example.org", PASSWORD)).ok).toBe(true);
  });

  it("a trainer with a cohort becomes one of its trainers; staff cannot be given a cohort", async () => {
    const trainer = await create({
      displayName: "Nino Beridze",
      email: "nino.created@example.org",
      role: "trainer",
      preferredLocale: "en",
      cohortId,
    });
    const { userId } = (trainer as { data: { created: { userId: string } } }).data.created;
    expect(await getDb().cohortTrainer.count({ where: { cohortId, userId } })).toBe(1);

    const staff = await create({
      displayName: "Staff",
      email: "staff.created@example.org",
      role: "staff",
      preferredLocale: "en",
      cohortId,
    });
    expect(staff).toMatchObject({
      status: 400,
      data: { result: { error: { cohortId: ["admin:errors.cohortRole"] } } },
    });
    expect(await getDb().user.count({ where: { email: "staff.created@example.org" } })).toBe(0);
  });

  it.each([
    [{ email: "x@example.org", role: "trainee", preferredLocale: "en" }, "displayName"],
    [
      { displayName: "X", email: "not an address", role: "trainee", preferredLocale: "en" },
      "email",
    ],
    [
      { displayName: "X", email: "x@example.org", role: "superuser", preferredLocale: "en" },
      "role",
    ],
    [
      { displayName: "X", email: "x@example.org", role: "trainee", preferredLocale: "xx" },
      "preferredLocale",
    ],
    [
      {
        displayName: "X",
        email: "x@example.org",
        role: "trainee",
        preferredLocale: "en",
        cohortId: "nope",
      },
      "cohortId",
    ],
    [
      {
        displayName: "X",
        email: "x@example.org",
        role: "trainee",
        preferredLocale: "en",
        cohortId: "c".repeat(65),
      },
      "cohortId",
    ],
  ])("refuses %j with a 400 naming %s, and creates nothing", async (fields, field) => {
    const answer = await create(fields);
    expect(answer).toMatchObject({ status: 400 });
    expect(
      Object.keys((answer as { data: { result: { error: object } } }).data.result.error),
    ).toContain(field);
    expect(await getDb().user.count({ where: { email: "x@example.org" } })).toBe(0);
  });

  it("refuses an e-mail already in use, whatever its case", async () => {
    await create({
      displayName: "A",
      email: "taken@example.org",
      role: "trainee",
      preferredLocale: "en",
    });
    const again = await create({
      displayName: "B",
      email: "TAKEN@example.org",
      role: "trainee",
      preferredLocale: "en",
    });
    expect(again).toMatchObject({
      status: 400,
      data: { result: { error: { email: ["admin:errors.emailTaken"] } } },
    });
  });

  it("is an admin's: anyone else gets 403 and nothing is created", async () => {
    const trainer = await signIn(getDb(), { name: "T", roles: ["trainer"] });
    const answer = await create(
      { displayName: "X", email: "x@example.org", role: "admin", preferredLocale: "en" },
      trainer.cookie,
    );
    expect(answer).toHaveStatus(403);
    expect(await getDb().user.count({ where: { email: "x@example.org" } })).toBe(0);
  });
});

describe("an admin deactivates an account", () => {
  it("ends her sessions at once; she gets the wrong password's answer; she stays in her cohort", async () => {
    const trainee = await traineeWithPassword("deactivated@example.org");
    await getDb().cohortMembership.create({ data: { cohortId, userId: trainee.id } });
    const unused = await issueRecoveryCode(getDb(), { userId: trainee.id, issuerId: admin.id });
    expect(await validateSessionToken(getDb(), trainee.token)).not.toBeNull();

    expect(await access(trainee.id, "deactivate")).toMatchObject({
      status: 200,
      data: { access: "deactivate" },
    });
    expect(await validateSessionToken(getDb(), trainee.token)).toBeNull();
    expect(await getDb().session.count({ where: { userId: trainee.id } })).toBe(0);

    // The right password and a wrong one: the same answer, so the page tells nobody.
    const right = await attempt("deactivated@example.org", PASSWORD);
    const wrong = await attempt("deactivated@example.org", "not her password at all");
    expect(right).toEqual({ ok: false, reason: "invalid-credentials" });
    expect(wrong).toEqual(right);
    // A code issued before cannot reopen the account.
    const redeemed = await redeemRecoveryCode(getDb(), {
      email: "deactivated@example.org",
      code: unused.code,
      newPassword: PASSWORD,
      clientAddress: "198.51.100.10",
      userAgent: null,
      deviceTokens: [],
    });
    expect(redeemed).toEqual({ ok: false, reason: "invalid-code" });
    // Nor can an admin issue a new one while it is closed.
    expect(await access(trainee.id, "recovery-code")).toHaveStatus(409);

    // Kept whole: membership, name, e-mail; the page says since when.
    expect(await getDb().cohortMembership.count({ where: { userId: trainee.id } })).toBe(1);
    const page = await callRoute(userLoader, pageGet(`/admin/users/${trainee.id}`, admin.token), {
      params: { userId: trainee.id },
    });
    expect(page).toMatchObject({
      status: 200,
      data: { user: { email: "deactivated@example.org", deactivatedAt: expect.any(Date) } },
    });
    const events = await getDb().auditEvent.findMany({
      where: { subjectId: trainee.id, action: { in: ["user.deactivated", "user.sign-in-failed"] } },
      orderBy: { at: "asc" },
    });
    expect(events.map((event) => event.action)).toEqual([
      "user.deactivated",
      "user.sign-in-failed",
      "user.sign-in-failed",
    ]);
    expect(events[0]).toMatchObject({ actorId: admin.id, metadata: { sessionsEnded: 1 } });

    // Reactivated, her password works again.
    expect(await access(trainee.id, "reactivate")).toMatchObject({
      status: 200,
      data: { access: "reactivate" },
    });
    expect((await attempt("deactivated@example.org", PASSWORD)).ok).toBe(true);
    expect(
      await getDb().auditEvent.count({
        where: { subjectId: trainee.id, action: "user.reactivated", actorId: admin.id },
      }),
    ).toBe(1);
  });

  it("an admin cannot deactivate herself, and the last active admin stays", async () => {
    expect(await access(admin.id, "deactivate")).toMatchObject({
      status: 400,
      data: { result: { error: { intent: ["admin:errors.deactivateSelf"] } } },
    });
    const other = await signIn(getDb(), { name: "Other admin", roles: ["admin"] });
    // Every other admin is deactivated first, so `other` is the last active one.
    const admins = await getDb().user.findMany({
      where: { roles: { has: "admin" }, id: { not: other.id } },
      select: { id: true },
    });
    for (const { id } of admins) {
      await getDb().user.update({ where: { id }, data: { deactivatedAt: new Date() } });
    }
    expect(
      await setAccountActive(getDb(), {
        actorId: admins[0]?.id ?? "",
        userId: other.id,
        active: false,
      }),
    ).toEqual({ ok: false, error: "last-admin" });
    // Nor can the last active admin be demoted or erased.
    expect(
      await changeRoles(getDb(), {
        actorId: admins[0]?.id ?? "",
        userId: other.id,
        roles: ["trainee"],
      }),
    ).toEqual({ ok: false, error: "last-admin" });
    const otherEmail = (await getDb().user.findUniqueOrThrow({ where: { id: other.id } })).email;
    expect(
      await eraseUserOnRequest(getDb(), {
        actorId: admins[0]?.id ?? "",
        userId: other.id,
        confirmEmail: otherEmail,
      }),
    ).toEqual({ ok: false, error: "last-admin" });
    await getDb().user.updateMany({
      where: { id: { in: admins.map((a) => a.id) } },
      data: { deactivatedAt: null },
    });
  });

  it("refuses an unknown intent with a 400, and an unknown account with a 404", async () => {
    const trainee = await signIn(getDb(), { name: "Someone" });
    expect(await access(trainee.id, "delete-everything")).toMatchObject({ status: 400 });
    expect(await access("no-such-user", "deactivate")).toHaveStatus(404);
    expect(
      (await getDb().user.findUniqueOrThrow({ where: { id: trainee.id } })).deactivatedAt,
    ).toBeNull();
  });
});
