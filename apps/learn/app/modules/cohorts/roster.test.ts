// The roster grid is added up in SQL (roster-queries.server.ts); these tests pin it to hand-worked
// figures on a small cohort with awkward data, and to the pages that compute the same figures
// their own way: each trainee's detail page and the cohort's attendance page.
import { type Db, seedDemo } from "@peacelearn/db";
import { createTestDb } from "@peacelearn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideTestDatabase } from "~/lib/db.server";
import { loadCohortAttendance } from "~/modules/attendance/attendance.server";
import type { HelpSignal } from "./needs-help";
import { loadCohortRoster, type TraineeProgress } from "./roster.server";
import { loadTraineeDetail } from "./trainee-detail.server";

let db: Db;
let close: () => Promise<void>;
const now = new Date("2026-11-27T12:00:00Z");
const DAY = 86_400_000;
const ago = (days: number) => new Date(now.getTime() - days * DAY);

type Fixture = {
  cohortId: string;
  people: Record<"ada" | "ben" | "cleo" | "dan", string>;
};
let fixture: Fixture;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  provideTestDatabase(db);
  await seedDemo(db, { now });
  fixture = await createFixture(db);
}, 120_000);
afterAll(async () => close());

const lessonText = (key: string) => ({
  slug: `roster-${key}`,
  title: `Lesson ${key}`,
  summary: "",
  body: "",
  estimatedMinutes: 5,
});

/**
 * A course with a retired module (position 0), a module titled in French only, a module without
 * lessons or checks; four members; a workshop with no end, one in the future, one during which
 * someone joined; and data that must be ignored (a non-member's progress, progress in another
 * course, an attendance record for a workshop held before the person joined, an unknown status).
 */
async function createFixture(db: Db): Promise<Fixture> {
  const course = await db.course.create({
    data: {
      key: "roster-test",
      publishedAt: ago(90),
      translations: {
        create: [
          { locale: "en", slug: "roster-test", title: "Roster test", summary: "" },
          { locale: "fr", slug: "test-du-groupe", title: "Test du groupe", summary: "" },
        ],
      },
    },
    select: { id: true },
  });
  const module = (key: string, position: number, data: object = {}) =>
    db.module.create({
      data: { courseId: course.id, key, position, ...data },
      select: {
        lessons: { select: { id: true, key: true } },
        knowledgeChecks: { select: { id: true, key: true } },
      },
    });
  const basics = await module("basics", 1, {
    translations: {
      create: [
        { locale: "en", title: "Basics", summary: "" },
        { locale: "fr", title: "Bases", summary: "" },
      ],
    },
    lessons: {
      create: [
        {
          key: "b1",
          position: 1,
          translations: { create: [{ locale: "en", ...lessonText("b1") }] },
        },
        { key: "b2", position: 2 },
      ],
    },
    knowledgeChecks: { create: [{ key: "kc-basics", passMark: 70 }] },
  });
  const practice = await module("practice", 2, {
    translations: { create: [{ locale: "fr", title: "Pratique", summary: "" }] },
    lessons: { create: [{ key: "p1", position: 1 }] },
    knowledgeChecks: { create: [{ key: "kc-b" }, { key: "kc-a" }] },
  });
  const old = await module("old", 0, { lessons: { create: [{ key: "o1", position: 0 }] } });
  await module("later", 3);
  const other = await db.course.create({
    data: {
      key: "roster-other",
      modules: {
        create: [{ key: "x", position: 1, lessons: { create: [{ key: "x1", position: 1 }] } }],
      },
    },
    select: { modules: { select: { lessons: { select: { id: true } } } } },
  });

  const lesson = (key: string) => {
    const found = [...basics.lessons, ...practice.lessons, ...old.lessons].find(
      (l) => l.key === key,
    );
    if (!found) throw new Error(key);
    return found.id;
  };
  const check = (key: string) => {
    const found = [...basics.knowledgeChecks, ...practice.knowledgeChecks].find(
      (k) => k.key === key,
    );
    if (!found) throw new Error(key);
    return found.id;
  };

  const cohort = await db.cohort.create({
    data: {
      courseId: course.id,
      name: "Roster test cohort",
      programmeRegion: "west-africa",
      locationCode: "LR",
      startsOn: ago(60),
      activityType: "capacity-building-training",
      dacSectorCode: "15220",
      dacGenderMarker: 2,
    },
    select: { id: true },
  });
  const person = async (displayName: string, joinedDaysAgo: number | null) => {
    const user = await db.user.create({
      data: { email: `${displayName.toLowerCase()}@roster.example`, displayName },
      select: { id: true },
    });
    if (joinedDaysAgo !== null) {
      await db.cohortMembership.create({
        data: { cohortId: cohort.id, userId: user.id, joinedAt: ago(joinedDaysAgo) },
      });
    }
    return user.id;
  };
  // Names sort without case or accents: Ada, ben, Cléo, Dan.
  const dan = await person("Dan", 1);
  const cleo = await person("Cléo", 20);
  const ben = await person("ben", 50);
  const ada = await person("Ada", 50);
  const eve = await person("Eve", null);

  const otherLesson = other.modules[0]?.lessons[0]?.id ?? "";
  await db.lessonProgress.createMany({
    data: [
      {
        userId: ada,
        lessonId: lesson("b1"),
        startedAt: ago(45),
        lastViewedAt: ago(40),
        completedAt: ago(40),
      },
      {
        userId: ada,
        lessonId: lesson("b2"),
        startedAt: ago(40),
        lastViewedAt: ago(39),
        completedAt: ago(39),
      },
      { userId: ada, lessonId: lesson("p1"), startedAt: ago(4), lastViewedAt: ago(3) },
      // Another course: not this cohort's activity.
      { userId: ada, lessonId: otherLesson, startedAt: ago(0.5), lastViewedAt: ago(0.5) },
      ...["b1", "b2", "p1", "o1"].map((key) => ({
        userId: ben,
        lessonId: lesson(key),
        startedAt: ago(35),
        lastViewedAt: ago(31),
        completedAt: ago(30),
      })),
      // Not a member.
      { userId: eve, lessonId: lesson("b1"), completedAt: ago(1) },
    ],
  });
  const attempt = (userId: string, key: string, n: number, score: number, daysAgo: number) => ({
    userId,
    knowledgeCheckId: check(key),
    idempotencyKey: `${key}-${n}`,
    answers: {},
    score,
    passed: score >= 70,
    submittedAt: ago(daysAgo),
  });
  await db.knowledgeCheckAttempt.createMany({
    data: [
      attempt(ada, "kc-basics", 1, 80, 38),
      attempt(ada, "kc-a", 2, 40, 10),
      attempt(ada, "kc-a", 3, 50, 9),
      attempt(ada, "kc-b", 4, 30, 8),
      attempt(ada, "kc-b", 5, 90, 2),
      attempt(ben, "kc-basics", 6, 10, 34),
      attempt(ben, "kc-basics", 7, 20, 33),
      attempt(ben, "kc-basics", 8, 60, 32),
      attempt(eve, "kc-a", 9, 10, 1),
    ],
  });

  const workshop = (title: string, startsAt: Date, endsAt: Date | null) =>
    db.cohortSession.create({
      data: { cohortId: cohort.id, title, startsAt, endsAt },
      select: { id: true },
    });
  const w1 = await workshop("Held long ago", ago(40), new Date(ago(40).getTime() + 7_200_000));
  const w2 = await workshop("No end", ago(10), null);
  const w3 = await workshop("Next week", new Date(now.getTime() + 3 * DAY), null);
  // Cléo joined 20 days ago, while this one was running: it counts for her.
  await workshop("Cléo joined during it", ago(21), ago(19));
  await db.attendanceRecord.createMany({
    data: [
      { cohortSessionId: w1.id, userId: ada, status: "present" },
      { cohortSessionId: w1.id, userId: ben, status: "absent" },
      // Before Cléo joined: ignored.
      { cohortSessionId: w1.id, userId: cleo, status: "present" },
      { cohortSessionId: w2.id, userId: ada, status: "late" },
      { cohortSessionId: w2.id, userId: ben, status: "unknown-status" },
      { cohortSessionId: w3.id, userId: ada, status: "excused" },
    ],
  });
  return { cohortId: cohort.id, people: { ada, ben, cleo, dan } };
}

async function roster(cohortId: string, locale: string) {
  const loaded = await loadCohortRoster(db, { cohortId, locale, now });
  if (!loaded) throw new Error("no roster");
  return loaded;
}

describe("the roster grid", () => {
  it("shows the hand-worked figures of a small cohort", async () => {
    const grid = await roster(fixture.cohortId, "en");
    expect(grid.workshopCount).toBe(4);
    expect(grid.cohort.course.title).toEqual({ text: "Roster test", lang: "en" });
    // By position; a title only in French is not shown to an English reader: the key is. The
    // retired module "old" (position 0) is not in the course any more, so not on the grid.
    expect(grid.modules.map((m) => [m.key, m.title.text, m.title.lang])).toEqual([
      ["basics", "Basics", "en"],
      ["practice", "practice", "en"],
      ["later", "later", "en"],
    ]);
    expect(grid.modules.map((m) => m.checks.map((c) => c.key))).toEqual([
      ["kc-basics"],
      ["kc-a", "kc-b"],
      [],
    ]);
    const { ada, ben, cleo, dan } = fixture.people;
    expect(grid.trainees.map((t) => t.userId)).toEqual([ada, ben, cleo, dan]);
    const row = (id: string) => grid.trainees.find((t) => t.userId === id) as TraineeProgress;
    const cells = (id: string) =>
      row(id).cells.map((c) => [
        c.lessonsCompleted,
        c.lessonsTotal,
        c.check,
        c.attempts,
        c.bestScore,
      ]);

    // Ada: both basics lessons and their check; kc-a failed twice, kc-b failed then passed.
    expect(cells(ada)).toEqual([
      [2, 2, "passed", 1, 80],
      [0, 1, "failed", 4, 90],
      [0, 0, "none", 0, null],
    ]);
    expect(row(ada).course).toEqual({ completed: 2, total: 3, percent: 66 });
    // Her latest activity in this course is the kc-b pass 2 days ago (not the other course).
    expect(row(ada).lastActivityAt).toEqual(ago(2));
    expect(row(ada).signals).toEqual([
      {
        reason: "failed-check",
        knowledgeCheckId: grid.modules[1]?.checks[0]?.id,
        failedAttempts: 2,
      },
    ]);
    // Present, late, excused (recorded ahead), and nothing recorded for the one she attended
    // while Cléo joined: (1 + 1) ÷ (1 + 1 + 0) = 100 %.
    expect(row(ada).attendance).toEqual({
      present: 1,
      late: 1,
      excused: 1,
      absent: 0,
      notRecorded: 1,
      held: 4,
      ratePercent: 100,
    });

    // Ben finished every lesson 30 days ago (and the retired o1, which no longer counts): never
    // "inactive", but three failures are flagged.
    expect(row(ben).course).toEqual({ completed: 3, total: 3, percent: 100 });
    expect(cells(ben)[0]).toEqual([2, 2, "failed", 3, 60]);
    expect(row(ben).signals.map((s) => s.reason)).toEqual(["failed-check"]);
    // Absent once, an unknown status counts as not recorded, next week's is not held yet.
    expect(row(ben).attendance).toMatchObject({
      absent: 1,
      notRecorded: 2,
      held: 3,
      ratePercent: 0,
    });

    // Cléo: nothing since joining 20 days ago. Nobody recorded her at the workshop she joined
    // during nor at the one without an end; the one before she joined does not count despite
    // its record.
    expect(row(cleo).signals).toEqual([{ reason: "inactive", lastActiveAt: null, days: 20 }]);
    expect(row(cleo).attendance).toMatchObject({
      present: 0,
      notRecorded: 2,
      held: 2,
      ratePercent: null,
    });
    expect(cells(cleo).map((c) => c[2])).toEqual(["not-attempted", "not-attempted", "none"]);

    // Dan joined yesterday: nothing held since, nothing to flag.
    expect(row(dan).signals).toEqual([]);
    expect(row(dan).attendance).toEqual({
      present: 0,
      late: 0,
      excused: 0,
      absent: 0,
      notRecorded: 0,
      held: 0,
      ratePercent: null,
    });
  });

  it("titles modules in French for a French reader, falling back to English", async () => {
    const grid = await roster(fixture.cohortId, "fr");
    expect(grid.cohort.course.title).toEqual({ text: "Test du groupe", lang: "fr" });
    expect(grid.modules.map((m) => [m.title.text, m.title.lang])).toEqual([
      ["Bases", "fr"],
      ["Pratique", "fr"],
      ["later", "en"],
    ]);
    expect(grid.modules[0]?.lessons.map((l) => l.title)).toEqual([
      { text: "Lesson b1", lang: "en" },
      { text: "b2", lang: "en" },
    ]);
  });

  it("keeps a deactivated member on the grid, marked inactive, with her figures (ADR 027)", async () => {
    const { ben } = fixture.people;
    const before = (await roster(fixture.cohortId, "en")).trainees;
    expect(before.map((t) => t.inactive)).toEqual([false, false, false, false]);
    await db.user.update({ where: { id: ben }, data: { deactivatedAt: now } });
    try {
      const after = (await roster(fixture.cohortId, "en")).trainees;
      expect(after.map((t) => [t.userId, t.inactive])).toEqual(
        before.map((t) => [t.userId, t.userId === ben]),
      );
      const { inactive: _was, ...figures } = before.find((t) => t.userId === ben) ?? {};
      expect(after.find((t) => t.userId === ben)).toMatchObject(figures);
    } finally {
      await db.user.update({ where: { id: ben }, data: { deactivatedAt: null } });
    }
  });

  it("is null for an unknown cohort", async () => {
    expect(
      await loadCohortRoster(db, { cohortId: "no-such-cohort", locale: "en", now }),
    ).toBeNull();
  });
});

const byCheck = (signals: readonly HelpSignal[]) =>
  [...signals].sort((a, b) =>
    `${a.reason}:${"knowledgeCheckId" in a ? a.knowledgeCheckId : ""}`.localeCompare(
      `${b.reason}:${"knowledgeCheckId" in b ? b.knowledgeCheckId : ""}`,
    ),
  );

describe("the roster agrees with the pages that compute the same figures their own way", () => {
  it.each(["en", "fr"])("trainee detail and attendance pages (%s)", async (locale) => {
    const cohorts = await db.cohort.findMany({ select: { id: true } });
    expect(cohorts.length).toBeGreaterThanOrEqual(4);
    for (const { id: cohortId } of cohorts) {
      const grid = await roster(cohortId, locale);
      const attendance = await loadCohortAttendance(db, { cohortId, locale, now });
      // Same people, same order as the attendance page.
      expect(grid.trainees.map((t) => t.userId)).toEqual(attendance.members.map((m) => m.userId));
      for (const [index, trainee] of grid.trainees.entries()) {
        expect(trainee.attendance).toEqual(attendance.members[index]?.summary);
        const detail = await loadTraineeDetail(db, {
          cohortId,
          userId: trainee.userId,
          locale,
          now,
        });
        if (!detail) throw new Error("no detail");
        expect(trainee.email).toBe(detail.trainee.email);
        expect(trainee.joinedAt).toEqual(detail.trainee.joinedAt);
        expect(trainee.course).toEqual(detail.course);
        expect(trainee.lastActivityAt).toEqual(detail.lastActivityAt);
        expect(byCheck(trainee.signals)).toEqual(byCheck(detail.signals));
        expect(trainee.attendance).toEqual(detail.attendance);
        for (const [m, module] of detail.modules.entries()) {
          const cell = trainee.cells[m];
          const attempts = module.checks.flatMap((check) => check.attempts);
          expect(cell?.moduleKey).toBe(module.key);
          expect([cell?.lessonsCompleted, cell?.lessonsTotal, cell?.percent]).toEqual([
            module.progress.completed,
            module.progress.total,
            module.progress.percent,
          ]);
          expect(cell?.attempts).toBe(attempts.length);
          expect(cell?.bestScore).toBe(
            attempts.length === 0 ? null : Math.max(...attempts.map((a) => a.score)),
          );
          const passedAll =
            module.checks.length > 0 &&
            module.checks.every((check) => check.attempts.some((a) => a.passed));
          expect(cell?.check).toBe(
            module.checks.length === 0
              ? "none"
              : passedAll
                ? "passed"
                : attempts.length === 0
                  ? "not-attempted"
                  : "failed",
          );
        }
      }
    }
  });
});
