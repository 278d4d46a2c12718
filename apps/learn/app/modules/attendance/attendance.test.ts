import { type Db, seedDemo } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideTestDatabase } from "~/lib/db.server";
import { createPerson, demoCohort } from "~/test/cohort-fixtures.server";
import {
  createWorkshop,
  loadAttendanceSheet,
  loadCohortAttendance,
  recordAttendance,
} from "./attendance.server";
import { SessionFormSchema } from "./schema";

let db: Db;
let close: () => Promise<void>;
const now = new Date("2026-11-27T12:00:00Z");
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  provideTestDatabase(db);
  await seedDemo(db, { now });
}, 120_000);
afterAll(async () => close());

describe("workshop form", () => {
  it("reads date and time as typed, with no server time zone in between", () => {
    const parsed = SessionFormSchema.parse({ title: " Review ", startsAt: "2026-12-01T09:30" });
    expect(parsed.startsAt.toISOString()).toBe("2026-12-01T09:30:00.000Z");
    expect(parsed.title).toBe("Review");
  });

  it("rejects impossible dates and an end before the start", () => {
    expect(SessionFormSchema.safeParse({ title: "x", startsAt: "2026-02-30T09:00" }).success).toBe(
      false,
    );
    const backwards = SessionFormSchema.safeParse({
      title: "x",
      startsAt: "2026-12-01T09:00",
      endsAt: "2026-12-01T08:00",
    });
    expect(backwards.error?.issues.map((issue) => issue.path.join("."))).toEqual(["endsAt"]);
  });
});

describe("recording attendance", () => {
  it("records everyone in one form, ignores late joiners, and computes rates since joining", async () => {
    const cohort = await demoCohort(db, "monrovia");
    // A fresh cohort keeps the arithmetic readable: two members, one of them joining late.
    const fresh = await db.cohort.create({
      data: {
        courseId: cohort.courseId,
        name: "Attendance test",
        programmeRegion: "west-africa",
        locationCode: "LR",
        startsOn: at("2026-10-01"),
        activityType: "capacity-building-training",
        dacSectorCode: "15220",
        dacGenderMarker: 2,
      },
    });
    const early = await createPerson(db);
    const late = await createPerson(db);
    await db.cohortMembership.createMany({
      data: [
        { cohortId: fresh.id, userId: early.id, joinedAt: at("2026-09-20T00:00:00Z") },
        { cohortId: fresh.id, userId: late.id, joinedAt: at("2026-11-10T00:00:00Z") },
      ],
    });
    const workshops = [];
    for (const [title, startsAt] of [
      ["One", "2026-10-01T09:00"],
      ["Two", "2026-10-15T09:00"],
      ["Three", "2026-11-12T09:00"],
      ["Four", "2026-11-26T09:00"],
      ["Five", "2026-12-10T09:00"],
    ] as const) {
      workshops.push(
        await createWorkshop(db, fresh.id, SessionFormSchema.parse({ title, startsAt })),
      );
    }
    const [one, two, three, four] = workshops.map((workshop) => workshop.id);
    const record = (sessionId: string | undefined, statuses: Record<string, string>) =>
      recordAttendance(db, {
        cohortId: fresh.id,
        sessionId: sessionId ?? "",
        recorderId: cohort.trainerIds[0] ?? "",
        statuses: statuses as Record<string, "present">,
        now,
      });

    // The late joiner is on the form of workshop one, but not as a member: their answer is ignored.
    const sheet = await loadAttendanceSheet(db, {
      cohortId: fresh.id,
      sessionId: one ?? "",
      locale: "en",
    });
    expect(sheet?.rows.map((row) => [row.userId, row.wasMember])).toEqual(
      expect.arrayContaining([
        [early.id, true],
        [late.id, false],
      ]),
    );
    expect(await record(one, { [early.id]: "present", [late.id]: "absent" })).toEqual({
      saved: 1,
      ignored: [late.id],
    });
    await record(two, { [early.id]: "absent" });
    await record(three, { [early.id]: "late", [late.id]: "present" });
    await record(four, { [early.id]: "excused", [late.id]: "absent" });
    // Correcting an answer updates the row rather than adding one.
    await record(two, { [early.id]: "late" });
    expect(await db.attendanceRecord.count({ where: { userId: early.id } })).toBe(4);

    const attendance = await loadCohortAttendance(db, { cohortId: fresh.id, locale: "en", now });
    const byId = new Map(attendance.members.map((member) => [member.userId, member]));
    // Early joiner: present, late (corrected), late, excused, upcoming →
    // (1 present + 2 late) / (3 + 0 absent) = 100 %. Held = 4.
    expect(byId.get(early.id)?.states).toEqual(["present", "late", "late", "excused", "upcoming"]);
    expect(byId.get(early.id)?.summary).toMatchObject({ held: 4, ratePercent: 100 });
    // Late joiner: not yet a member for one and two (not absent), then present, absent →
    // 1 / (1 + 1) = 50 %. Held = 2.
    expect(byId.get(late.id)?.states).toEqual([
      "not-yet-member",
      "not-yet-member",
      "present",
      "absent",
      "upcoming",
    ]);
    expect(byId.get(late.id)?.summary).toMatchObject({ absent: 1, held: 2, ratePercent: 50 });
    expect(attendance.sessions[0]?.counts).toMatchObject({ present: 1, "not-yet-member": 1 });
  });

  it("refuses a workshop of another cohort", async () => {
    const monrovia = await demoCohort(db, "monrovia");
    const gulu = await demoCohort(db, "gulu");
    const guluWorkshop = await db.cohortSession.findFirstOrThrow({
      where: { cohortId: gulu.id },
      select: { id: true },
    });
    const result = await recordAttendance(db, {
      cohortId: monrovia.id,
      sessionId: guluWorkshop.id,
      recorderId: monrovia.trainerIds[0] ?? "",
      statuses: {},
      now,
    });
    expect(result).toBeNull();
    expect(
      await loadAttendanceSheet(db, {
        cohortId: monrovia.id,
        sessionId: guluWorkshop.id,
        locale: "en",
      }),
    ).toBeNull();
  });
});
