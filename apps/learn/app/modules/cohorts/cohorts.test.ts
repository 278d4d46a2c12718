import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { type Db, seedDemo } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideTestDatabase } from "~/lib/db.server";
import { createPerson, demoCohort } from "~/test/cohort-fixtures.server";
import { acceptInvitation, listOpenInvitations, recordInvitations } from "./invitations.server";
import {
  createInvite,
  listInvites,
  lookUpInvite,
  redeemInvite,
  revokeInvite,
} from "./invites.server";
import { inviteMemberByEmail, inviteMembers } from "./members.server";
import { loadCohortRoster } from "./roster.server";
import { readRosterCsv } from "./roster-import";

let db: Db;
let close: () => Promise<void>;
const now = new Date();
const DAY = 86_400_000;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  provideTestDatabase(db);
  await seedDemo(db, { now });
}, 120_000);
afterAll(async () => close());

/**
 * A client that counts database operations — model queries (each a bounded number of SQL
 * statements) and raw SQL statements alike.
 */
function countingDb(base: Db) {
  let count = 0;
  const counted = base.$extends({
    query: {
      async $allOperations({ args, query }) {
        count += 1;
        return query(args);
      },
    },
  }) as unknown as Db;
  return { db: counted, count: () => count };
}

describe("loadCohortRoster", () => {
  it("builds the module × trainee grid of a demo cohort", async () => {
    const cohort = await demoCohort(db, "monrovia");
    const roster = await loadCohortRoster(db, { cohortId: cohort.id, locale: "en", now });
    if (!roster) throw new Error("no roster");
    // The demo course has 2 modules × 2 lessons (packages/db/src/seed/demo-course.ts).
    expect(roster.modules.map((module) => module.key)).toEqual(["participation", "influence"]);
    expect(roster.trainees).toHaveLength(cohort.members.length);
    for (const trainee of roster.trainees) {
      expect(trainee.cells.map((cell) => cell.lessonsTotal)).toEqual([2, 2]);
      expect(trainee.course.total).toBe(4);
      expect(trainee.course.completed).toBe(
        trainee.cells.reduce((sum, cell) => sum + cell.lessonsCompleted, 0),
      );
    }
    // Workshops every two weeks from the start (63 days ago): 5 scheduled.
    expect(roster.workshopCount).toBe(5);
  });

  it("runs the same number of queries for 18 or 48 trainees (no N+1)", async () => {
    const cohort = await demoCohort(db, "kathmandu");
    const before = countingDb(db);
    await loadCohortRoster(before.db, { cohortId: cohort.id, locale: "fr", now });

    const lessons = await db.lesson.findMany({
      where: { module: { courseId: cohort.courseId } },
      select: { id: true },
    });
    for (let i = 0; i < 30; i++) {
      const person = await createPerson(db);
      await db.cohortMembership.create({ data: { cohortId: cohort.id, userId: person.id } });
      await db.lessonProgress.createMany({
        data: lessons.map((lesson) => ({ userId: person.id, lessonId: lesson.id })),
      });
    }
    const after = countingDb(db);
    const roster = await loadCohortRoster(after.db, { cohortId: cohort.id, locale: "fr", now });
    expect(roster?.trainees).toHaveLength(cohort.members.length + 30);
    expect(after.count()).toBe(before.count());
    expect(after.count()).toBeLessThanOrEqual(6);
  });

  it("flags trainees who failed a check twice or went quiet for more than 14 days", async () => {
    const cohort = await demoCohort(db, "gulu");
    const check = await db.knowledgeCheck.findFirstOrThrow({
      where: { module: { courseId: cohort.courseId } },
      select: { id: true },
    });
    const struggling = await createPerson(db);
    const quiet = await createPerson(db);
    const newcomer = await createPerson(db);
    await db.cohortMembership.createMany({
      data: [
        { cohortId: cohort.id, userId: struggling.id, joinedAt: new Date(now.getTime() - 3 * DAY) },
        { cohortId: cohort.id, userId: quiet.id, joinedAt: new Date(now.getTime() - 20 * DAY) },
        { cohortId: cohort.id, userId: newcomer.id, joinedAt: new Date(now.getTime() - 2 * DAY) },
      ],
    });
    await db.knowledgeCheckAttempt.createMany({
      data: [1, 2].map((n) => ({
        knowledgeCheckId: check.id,
        userId: struggling.id,
        idempotencyKey: `fail-${n}`,
        answers: {},
        score: 40,
        passed: false,
        submittedAt: new Date(now.getTime() - n * DAY),
      })),
    });
    const roster = await loadCohortRoster(db, { cohortId: cohort.id, locale: "en", now });
    const signals = (id: string) =>
      roster?.trainees.find((trainee) => trainee.userId === id)?.signals.map((s) => s.reason);
    expect(signals(struggling.id)).toEqual(["failed-check"]);
    expect(signals(quiet.id)).toEqual(["inactive"]);
    expect(signals(newcomer.id)).toEqual([]);
    const cell = roster?.trainees.find((trainee) => trainee.userId === struggling.id)?.cells[0];
    expect(cell).toMatchObject({ check: "failed", attempts: 2, bestScore: 40 });
  });
});

describe("inviting trainees", () => {
  it("invites every valid row alike, skips members, and changes nobody's profile yet", async () => {
    const cohort = await demoCohort(db, "monrovia");
    const trainerId = cohort.trainerIds[0] ?? "";
    const blank = await createPerson(db, ["trainee"], { gender: "not-recorded" });
    const private_ = await createPerson(db, ["trainee"], {
      gender: "prefer-not-to-say",
      birthYear: 1985,
      locationCode: "SL",
    });
    const member = await db.user.findUniqueOrThrow({
      where: { id: cohort.members[0]?.userId ?? "" },
      select: { email: true },
    });
    const trainer = await db.user.findUniqueOrThrow({
      where: { id: trainerId },
      select: { email: true },
    });
    const csv = [
      "email,name,gender,birth_year,location",
      `${blank.email.toUpperCase()},,woman,1992,GE-AB`,
      `${private_.email},,woman,1990,LR`,
      `${member.email},,,,`,
      `${trainer.email},,,,`,
      "nobody@nowhere.example,Nobody,,,",
      `${blank.email},,,,`,
    ].join("\r\n");
    const read = readRosterCsv(csv);
    if (!read.ok) throw new Error(read.error);
    const before = await db.auditEvent.count({ where: { action: "cohort.invitation.created" } });
    const report = await inviteMembers(db, {
      cohortId: cohort.id,
      invitedById: trainerId,
      rows: read.rows,
      now,
    });
    expect(
      report.map((row) => [row.line, row.status, "reason" in row ? row.reason : null]),
    ).toEqual([
      [2, "invited", null],
      [3, "invited", null],
      [4, "skipped", "already-member"],
      // A trainer of the cohort, and an address without an account: the same as anyone else.
      [5, "invited", null],
      [6, "invited", null],
      [7, "rejected", "duplicate-row"],
    ]);
    const invitations = await db.cohortInvitation.findMany({
      where: { cohortId: cohort.id },
      orderBy: { email: "asc" },
      select: { email: true, gender: true, birthYear: true, locationCode: true },
    });
    const byEmail = (a: { email: string }, b: { email: string }) => (a.email < b.email ? -1 : 1);
    expect([...invitations].sort(byEmail)).toEqual(
      [
        { email: blank.email, gender: "woman", birthYear: 1992, locationCode: "GE-AB" },
        { email: private_.email, gender: "woman", birthYear: 1990, locationCode: "LR" },
        { email: trainer.email, gender: null, birthYear: null, locationCode: null },
        { email: "nobody@nowhere.example", gender: null, birthYear: null, locationCode: null },
      ].sort(byEmail),
    );
    // Nobody joined, nobody's profile changed, no account was created.
    const untouched = await db.user.findUniqueOrThrow({ where: { id: blank.id } });
    expect([untouched.gender, untouched.birthYear, untouched.locationCode]).toEqual([
      "not-recorded",
      null,
      null,
    ]);
    expect(
      await db.cohortMembership.count({
        where: { cohortId: cohort.id, userId: { in: [blank.id, private_.id] } },
      }),
    ).toBe(0);
    expect(await db.user.count({ where: { email: "nobody@nowhere.example" } })).toBe(0);
    // One audit entry per invitation, carrying ids only.
    const audits = await db.auditEvent.findMany({
      where: { action: "cohort.invitation.created", subjectId: cohort.id },
      select: { actorId: true, metadata: true },
    });
    expect(audits.length - before).toBe(4);
    expect(audits.every((audit) => audit.actorId === trainerId)).toBe(true);
    expect(JSON.stringify(audits)).not.toContain("@");
  });

  it("fills only blanks on acceptance, and never offers the cohort to its own trainer", async () => {
    const cohort = await demoCohort(db, "kathmandu");
    const trainerId = cohort.trainerIds[0] ?? "";
    const blank = await createPerson(db, ["trainee"], { gender: "not-recorded" });
    const private_ = await createPerson(db, ["trainee"], {
      gender: "prefer-not-to-say",
      birthYear: 1985,
      locationCode: "SL",
    });
    const trainer = await db.user.findUniqueOrThrow({
      where: { id: trainerId },
      select: { email: true },
    });
    const hints = { gender: "woman", birthYear: 1992, locationCode: "GE-AB" };
    await recordInvitations(db, {
      cohortId: cohort.id,
      invitedById: trainerId,
      requests: [
        { email: blank.email, ...hints },
        { email: private_.email, ...hints },
        { email: trainer.email, ...hints },
      ],
      now,
    });
    const [offered] = await listOpenInvitations(db, { userId: blank.id, locale: "en", now });
    expect(offered?.fills).toEqual(["gender", "birthYear", "locationCode"]);
    expect(offered?.cohortName).toBe(cohort.name);
    const [offeredToPrivate] = await listOpenInvitations(db, {
      userId: private_.id,
      locale: "en",
      now,
    });
    expect(offeredToPrivate?.fills).toEqual([]);
    expect(await listOpenInvitations(db, { userId: trainerId, locale: "en", now })).toEqual([]);

    for (const person of [blank, private_]) {
      const [invitation] = await listOpenInvitations(db, { userId: person.id, locale: "en", now });
      expect(
        await acceptInvitation(db, { userId: person.id, invitationId: invitation?.id ?? "", now }),
      ).toMatchObject({ status: "accepted", cohortId: cohort.id });
    }
    const [filled, kept] = await Promise.all([
      db.user.findUniqueOrThrow({ where: { id: blank.id } }),
      db.user.findUniqueOrThrow({ where: { id: private_.id } }),
    ]);
    expect([filled.gender, filled.birthYear, filled.locationCode]).toEqual([
      "woman",
      1992,
      "GE-AB",
    ]);
    // What a person said about themselves — "prefer not to say" included — stays.
    expect([kept.gender, kept.birthYear, kept.locationCode]).toEqual([
      "prefer-not-to-say",
      1985,
      "SL",
    ]);
    const enrolment = await db.enrolment.findUnique({
      where: { userId_courseId: { userId: blank.id, courseId: cohort.courseId } },
    });
    expect(enrolment?.source).toBe("cohort");
    const trainerInvitation = await db.cohortInvitation.findFirstOrThrow({
      where: { cohortId: cohort.id, email: trainer.email },
      select: { id: true },
    });
    expect(
      await acceptInvitation(db, { userId: trainerId, invitationId: trainerInvitation.id, now }),
    ).toEqual({ status: "not-open" });
    expect(
      await db.cohortMembership.count({ where: { cohortId: cohort.id, userId: trainerId } }),
    ).toBe(0);
  });

  it("matches addresses in any case, keeps a live invitation and renews an expired one", async () => {
    const cohort = await demoCohort(db, "gulu");
    const trainerId = cohort.trainerIds[0] ?? "";
    const person = await db.user.create({
      data: { email: `Mixed.Case-${Date.now()}@Test.example`, displayName: "Mixed Case" },
      select: { id: true, email: true },
    });
    const invite = (email: string, at: Date) =>
      inviteMemberByEmail(db, { cohortId: cohort.id, invitedById: trainerId, email, now: at });
    expect(await invite(`  ${person.email.toUpperCase()} `, now)).toMatchObject({
      status: "invited",
    });
    expect(await invite(person.email, now)).toMatchObject({ status: "invited" });
    const rows = await db.cohortInvitation.findMany({
      where: { cohortId: cohort.id, email: person.email.toLowerCase() },
      select: { id: true, expiresAt: true },
    });
    expect(rows).toHaveLength(1);
    // 30 days (INVITATION_DAYS) after it was sent.
    expect(rows[0]?.expiresAt.getTime()).toBe(now.getTime() + 30 * DAY);
    const [offered] = await listOpenInvitations(db, { userId: person.id, locale: "en", now });
    expect(offered?.id).toBe(rows[0]?.id);
    const later = new Date(now.getTime() + 31 * DAY);
    expect(await listOpenInvitations(db, { userId: person.id, locale: "en", now: later })).toEqual(
      [],
    );
    expect(await invite(person.email, later)).toMatchObject({ status: "invited" });
    const renewed = await db.cohortInvitation.findUniqueOrThrow({
      where: { id: rows[0]?.id ?? "" },
      select: { expiresAt: true },
    });
    expect(renewed.expiresAt.getTime()).toBe(later.getTime() + 30 * DAY);
    expect(
      await db.auditEvent.count({
        where: {
          action: "cohort.invitation.renewed",
          metadata: { equals: { invitationId: rows[0]?.id ?? "" } },
        },
      }),
    ).toBe(1);
  });
});

describe("invite links", () => {
  it("stores only the SHA-256 of a 160-bit base32 token", async () => {
    const cohort = await demoCohort(db, "gulu");
    const { token } = await createInvite(db, {
      cohortId: cohort.id,
      createdById: cohort.trainerIds[0] ?? "",
      expiresInDays: 14,
      maxUses: undefined,
      now,
    });
    // 20 bytes = 160 bits = 32 base32 characters.
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    const hash = encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
    const stored = await db.cohortInvite.findUnique({ where: { tokenHash: hash } });
    expect(stored?.expiresAt.getTime()).toBe(now.getTime() + 14 * DAY);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("joins once per person, counts uses, and stops at the limit, expiry or revocation", async () => {
    const cohort = await demoCohort(db, "gulu");
    const trainerId = cohort.trainerIds[0] ?? "";
    const { token } = await createInvite(db, {
      cohortId: cohort.id,
      createdById: trainerId,
      expiresInDays: 7,
      maxUses: 1,
      now,
    });
    const [first, second] = [await createPerson(db), await createPerson(db)];
    expect(await redeemInvite(db, { token, userId: first.id, now })).toMatchObject({
      status: "joined",
      cohortId: cohort.id,
    });
    // Following the link again uses nothing; a second person finds it used up.
    expect(await redeemInvite(db, { token, userId: first.id, now })).toMatchObject({
      status: "already-member",
    });
    expect(await redeemInvite(db, { token, userId: second.id, now })).toEqual({
      status: "used-up",
    });
    expect(await redeemInvite(db, { token, userId: trainerId, now })).toMatchObject({
      status: "trainer",
    });
    const membership = await db.cohortMembership.findUnique({
      where: { cohortId_userId: { cohortId: cohort.id, userId: first.id } },
    });
    expect(membership?.joinedAt).toEqual(now);

    const open = await createInvite(db, {
      cohortId: cohort.id,
      createdById: trainerId,
      expiresInDays: 7,
      maxUses: undefined,
      now,
    });
    const later = new Date(now.getTime() + 8 * DAY);
    expect(await redeemInvite(db, { token: open.token, userId: second.id, now: later })).toEqual({
      status: "expired",
    });
    const invite = (await listInvites(db, cohort.id, now)).find((row) => row.id === open.id);
    expect(invite?.state).toBe("active");
    expect(await revokeInvite(db, { cohortId: cohort.id, inviteId: open.id, now })).toBe(true);
    expect((await lookUpInvite(db, open.token, now)).state).toBe("revoked");
    expect(await redeemInvite(db, { token: open.token, userId: second.id, now })).toEqual({
      status: "revoked",
    });
    expect(await redeemInvite(db, { token: "not-a-token", userId: second.id, now })).toEqual({
      status: "unknown",
    });
    const used = await db.cohortInvite.findFirstOrThrow({
      where: { tokenHash: encodeHexLowerCase(sha256(new TextEncoder().encode(token))) },
    });
    expect(used.useCount).toBe(1);
  });

  it("lets only one of two people racing for the last use in", async () => {
    const cohort = await demoCohort(db, "kathmandu");
    const { token } = await createInvite(db, {
      cohortId: cohort.id,
      createdById: cohort.trainerIds[0] ?? "",
      expiresInDays: 7,
      maxUses: 1,
      now,
    });
    const people = [await createPerson(db), await createPerson(db)];
    const results = await Promise.all(
      people.map((person) => redeemInvite(db, { token, userId: person.id, now })),
    );
    expect(results.map((result) => result.status).sort()).toEqual(["joined", "used-up"]);
  });

  it("does not let a cohort's links be revoked from another cohort", async () => {
    const gulu = await demoCohort(db, "gulu");
    const monrovia = await demoCohort(db, "monrovia");
    const invite = await createInvite(db, {
      cohortId: gulu.id,
      createdById: gulu.trainerIds[0] ?? "",
      expiresInDays: 7,
      maxUses: undefined,
      now,
    });
    expect(await revokeInvite(db, { cohortId: monrovia.id, inviteId: invite.id, now })).toBe(false);
    expect((await lookUpInvite(db, invite.token, now)).state).toBe("active");
  });
});
