import { verify } from "@node-rs/argon2";
import {
  ActivityTypeSchema,
  GenderSchema,
  LocationCodeSchema,
  ProgrammeRegionSchema,
  programmeRegionCodes,
  regionOf,
  ThemeSchema,
} from "@peacelearn/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../testing";
import { DEMO_PASSWORD } from "./demo-people";
import { buildDemoPeople } from "./demo-roster";
import { demoLogins, seedDemo } from "./seed-demo";

const now = new Date("2026-11-27T10:00:00Z");
let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test?.close());

async function tableCounts() {
  const { db } = test;
  return Promise.all([
    db.user.count(),
    db.enrolment.count(),
    db.lessonProgress.count(),
    db.attendanceRecord.count(),
    db.accompanimentSession.count(),
    db.followUpAction.count(),
    db.knowledgeCheckAttempt.count(),
    db.certificate.count(),
    db.course.count(),
    db.cohort.count(),
  ]);
}

describe("seedDemo", () => {
  it("creates the demo people and work on an empty database", async () => {
    const result = await seedDemo(test.db, { now });
    // 1 admin + 1 programme staff + 4 trainers + 60 trainees.
    expect(result).toEqual({ status: "seeded", users: 66, trainees: 60, cohorts: 3 });
  });

  it("does nothing the second time", async () => {
    const before = await tableCounts();
    expect(await seedDemo(test.db, { now })).toEqual({
      status: "skipped",
      reason: "demo-data-present",
    });
    expect(await tableCounts()).toEqual(before);
  });

  it("has about 60 trainees of varied gender, age and place, including Abkhazia", async () => {
    const trainees = await test.db.user.findMany({ where: { roles: { has: "trainee" } } });
    expect(trainees).toHaveLength(60);
    const byGender = Object.fromEntries(
      GenderSchema.options.map((gender) => [
        gender,
        trainees.filter((t) => t.gender === gender).length,
      ]),
    );
    expect(byGender.woman).toBeGreaterThan(byGender.man ?? 0);
    expect(byGender.man).toBeGreaterThan(0);
    expect(byGender["prefer-not-to-say"]).toBeGreaterThanOrEqual(2);
    expect(byGender["not-recorded"]).toBeGreaterThanOrEqual(1);
    expect(trainees.every((t) => LocationCodeSchema.safeParse(t.locationCode).success)).toBe(true);
    expect(new Set(trainees.map((t) => t.locationCode)).size).toBeGreaterThanOrEqual(8);
    expect(trainees.some((t) => t.locationCode === "GE-AB")).toBe(true);
    const years = trainees.flatMap((t) => (t.birthYear === null ? [] : [t.birthYear]));
    expect(years.length).toBeLessThan(60); // some chose not to give one
    expect(Math.max(...years) - Math.min(...years)).toBeGreaterThanOrEqual(20);
    // Deterministic: the database holds exactly the roster the seeded PRNG describes.
    expect(trainees.map((t) => t.email).sort()).toEqual(
      buildDemoPeople()
        .all.map((p) => p.email)
        .sort(),
    );
  });

  it("has three cohorts in three programme regions, each with trainers, attendance and accompaniment", async () => {
    const cohorts = await test.db.cohort.findMany({
      include: {
        _count: { select: { trainers: true, memberships: true, accompaniment: true } },
        sessions: { include: { _count: { select: { attendance: true } } } },
      },
    });
    expect(cohorts.map((c) => c.programmeRegion).sort()).toEqual([
      "great-lakes",
      "south-asia",
      "west-africa",
    ]);
    for (const cohort of cohorts) {
      expect(regionOf(LocationCodeSchema.parse(cohort.locationCode))).toBe(cohort.programmeRegion);
      expect(cohort._count.trainers).toBeGreaterThan(0);
      expect(cohort._count.memberships).toBe(18);
      expect(cohort._count.accompaniment).toBeGreaterThan(0);
      expect(cohort.sessions.some((session) => session._count.attendance > 0)).toBe(true);
    }
  });

  it("has overdue follow-ups, sensitive notes, completions and certificates", async () => {
    const { db } = test;
    expect(
      await db.followUpAction.count({ where: { status: "open", dueOn: { lt: now } } }),
    ).toBeGreaterThan(0);
    expect(await db.accompanimentSession.count({ where: { isSensitive: true } })).toBeGreaterThan(
      0,
    );
    const completed = await db.enrolment.count({ where: { completedAt: { not: null } } });
    expect(completed).toBeGreaterThan(0);
    expect(await db.certificate.count()).toBe(completed);
    expect(await db.knowledgeCheckAttempt.count({ where: { passed: false } })).toBeGreaterThan(0);
    const course = await db.course.findFirstOrThrow({ include: { translations: true } });
    expect(course.translations.map((t) => t.locale).sort()).toEqual(["en", "fr"]);
  });

  it("declares the course's regions, themes and activity type in the domain's vocabularies", async () => {
    const course = await test.db.course.findFirstOrThrow({
      select: { regions: true, themes: true, activityType: true, cohorts: true },
    });
    expect(course.regions.map((code) => ProgrammeRegionSchema.parse(code))).toEqual(
      // Stored in the vocabulary's order, as the curriculum importer stores them.
      programmeRegionCodes.filter((code) => course.regions.includes(code)),
    );
    expect(course.themes.length).toBeGreaterThan(0);
    for (const theme of course.themes) ThemeSchema.parse(theme);
    ActivityTypeSchema.parse(course.activityType);
    // The demo cohorts run the course only where it is meant for.
    expect(course.cohorts).toHaveLength(3);
    for (const cohort of course.cohorts) expect(course.regions).toContain(cohort.programmeRegion);
  });

  it("lets every printed demo login sign in with the documented password", async () => {
    for (const login of demoLogins) {
      const user = await test.db.user.findUniqueOrThrow({ where: { email: login.email } });
      expect(user.roles).toContain(login.role);
      expect(await verify(user.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
    }
    expect(await verify((await test.db.user.findFirstOrThrow()).passwordHash ?? "", "wrong")).toBe(
      false,
    );
  });
});

describe("seedDemo on a database with real people", () => {
  it("adds nothing", async () => {
    const other = await createTestDb();
    try {
      await other.db.user.create({
        data: { email: "real@example.org", displayName: "Real Person" },
      });
      expect(await seedDemo(other.db, { now })).toEqual({
        status: "skipped",
        reason: "database-not-empty",
      });
      expect(await other.db.user.count()).toBe(1);
    } finally {
      await other.close();
    }
  });
});
