import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "./create-db";
import {
  coarsenBirthYear,
  ERASED_TEXT,
  eraseUser,
  readHeldText,
  removeHeldMention,
  textDigest,
} from "./erase-user";
import { FREE_TEXT_FIELDS, isCodeByRule, NOT_FREE_TEXT } from "./erasure/free-text";
import { seedDemo } from "./seed/seed-demo";
import { countSearchedColumns, findTextEverywhere } from "./test-support/text-search";
import { createTestDb, type TestDb } from "./testing";

describe("coarsenBirthYear", () => {
  it("keeps the middle of the 5-year period", () => {
    // Hand calculation: 1990–1994 → 1992, 1995–1999 → 1997, 2000–2004 → 2002.
    expect([1990, 1992, 1994, 1995, 1999, 2003].map(coarsenBirthYear)).toEqual([
      1992, 1992, 1992, 1997, 1997, 2002,
    ]);
  });
});

async function aggregates(db: Db) {
  const [
    enrolments,
    completions,
    certificates,
    memberships,
    attempts,
    passed,
    accompaniment,
    progress,
  ] = await Promise.all([
    db.enrolment.count(),
    db.enrolment.count({ where: { completedAt: { not: null } } }),
    db.certificate.count(),
    db.cohortMembership.count(),
    db.knowledgeCheckAttempt.count(),
    db.knowledgeCheckAttempt.count({ where: { passed: true } }),
    db.accompanimentSession.count(),
    db.lessonProgress.count({ where: { completedAt: { not: null } } }),
  ]);
  const attendance = await db.attendanceRecord.groupBy({
    by: ["status"],
    _count: { _all: true },
    orderBy: { status: "asc" },
  });
  const byGenderAndLocation = await db.user.groupBy({
    by: ["gender", "locationCode"],
    _count: { _all: true },
    orderBy: [{ gender: "asc" }, { locationCode: "asc" }],
  });
  return {
    enrolments,
    completions,
    certificates,
    memberships,
    attempts,
    passed,
    accompaniment,
    progress,
    attendance,
    byGenderAndLocation,
  };
}

describe("eraseUser", () => {
  let test: TestDb;
  beforeAll(async () => {
    test = await createTestDb();
    await seedDemo(test.db);
  });
  afterAll(() => test?.close());

  it("removes every trace of the person's personal data and keeps every count", async () => {
    const { db } = test;
    // A trainee with the richest record: completed course, attendance, accompaniment.
    const subject = await db.user.findFirstOrThrow({
      where: {
        roles: { has: "trainee" },
        enrolments: { some: { completedAt: { not: null } } },
        accompanimentReceived: { some: {} },
        attendance: { some: {} },
      },
      include: { accompanimentReceived: { select: { trainerId: true, cohortId: true } } },
    });
    const trainerId = subject.accompanimentReceived[0]?.trainerId ?? null;
    // Distinctive personal text in every place a person can leave some.
    const secretNote = "Zq7 disclosed the name of her cousin in the militia";
    const secretTopic = "zq7-private-topic";
    const email = "Zanele.Qx7@demo.peacelearn.example";
    const name = "Zanele Qx7-Okonkwo";
    const organisation = "Qx7 Widows Association";
    await db.user.update({
      where: { id: subject.id },
      data: { email, displayName: name, organisation },
    });
    const accompaniment = await db.accompanimentSession.create({
      data: {
        trainerId,
        traineeId: subject.id,
        cohortId: subject.accompanimentReceived[0]?.cohortId ?? null,
        occurredOn: new Date("2026-10-01"),
        mode: "phone",
        topics: [secretTopic, "safety planning"],
        activityType: "accompaniment",
        notes: secretNote,
        isSensitive: true,
        followUps: {
          create: {
            ownerId: subject.id,
            description: `Call ${name} back`,
            dueOn: new Date("2026-10-08"),
          },
        },
      },
    });
    await db.session.create({
      data: {
        id: "a".repeat(64),
        userId: subject.id,
        expiresAt: new Date("2030-01-01"),
        userAgent: "Firefox",
      },
    });
    await db.attendanceRecord.updateMany({
      where: { userId: subject.id },
      data: { note: `${name} was ill` },
    });
    await db.rateLimitBucket.create({
      data: { key: `login:account:${email.toLowerCase()}`, windowStartsAt: new Date(), count: 2 },
    });
    await db.auditEvent.createMany({
      data: [
        {
          actorId: subject.id,
          action: "user.login",
          subjectType: "user",
          subjectId: subject.id,
          metadata: { email },
        },
        {
          actorId: trainerId,
          action: "user.roles.changed",
          subjectType: "user",
          subjectId: subject.id,
          metadata: { from: ["trainee"], to: ["trainee", "trainer"] },
        },
        {
          actorId: subject.id,
          action: "user.signed-in",
          subjectType: "user",
          subjectId: subject.id,
          metadata: { address: "198.51.100.44", knownDevice: true },
        },
        {
          actorId: trainerId,
          action: "accompaniment.sensitive-note.read",
          subjectType: "accompaniment-session",
          subjectId: accompaniment.id,
          metadata: { trainee: name, reason: `follow-up with ${organisation}` },
        },
      ],
    });
    for (const needle of [email, name, organisation, secretNote, secretTopic]) {
      expect((await findTextEverywhere(db, needle)).length, needle).toBeGreaterThan(0);
    }
    const before = await aggregates(db);

    const report = await eraseUser(db, subject.id, { actorId: null });

    expect(report.erased).toBe(true);
    expect(await countSearchedColumns(db)).toBeGreaterThan(40);
    for (const needle of [email, name, organisation, secretNote, secretTopic]) {
      expect(await findTextEverywhere(db, needle), needle).toEqual([]);
    }
    expect(await aggregates(db)).toEqual(before);
    const erased = await db.user.findUniqueOrThrow({ where: { id: subject.id } });
    expect(erased).toMatchObject({
      displayName: "Erased user",
      organisation: null,
      passwordHash: null,
      gender: subject.gender,
      locationCode: subject.locationCode,
      birthYear: subject.birthYear === null ? null : coarsenBirthYear(subject.birthYear),
      // Her report cell key stays (ADR 024): perturbed figures that count her do not move.
      cellKey: subject.cellKey,
    });
    expect(erased.erasedAt).toBeInstanceOf(Date);
    // Her events keep their codes, so the log still reads "trainee → trainee, trainer"; the
    // address she signed in from is gone.
    const events = await db.auditEvent.findMany({
      where: { subjectId: subject.id, action: { in: ["user.roles.changed", "user.signed-in"] } },
      orderBy: { action: "asc" },
      select: { metadata: true },
    });
    expect(events.map((event) => event.metadata)).toEqual([
      { from: ["trainee"], to: ["trainee", "trainer"], erased: true },
      { knownDevice: true, erased: true },
    ]);
    expect(await db.session.count({ where: { userId: subject.id } })).toBe(0);
    expect(
      await db.auditEvent.count({ where: { action: "user.erased", subjectId: subject.id } }),
    ).toBe(1);
  });

  it("gives every person a permanent cell key in [0, 2^32), drawn at random", async () => {
    const users = await test.db.user.findMany({ select: { cellKey: true } });
    const keys = users.map((user) => Number(user.cellKey));
    expect(keys.length).toBeGreaterThan(50);
    for (const key of keys) {
      expect(Number.isInteger(key)).toBe(true);
      expect(key).toBeGreaterThanOrEqual(0);
      expect(key).toBeLessThan(2 ** 32);
    }
    // 32 random bits each: two equal among ~80 people has a chance below 1e-6.
    expect(new Set(keys).size).toBe(keys.length);
    // Above 2^31 about half the time (a signed 32-bit draw would never be).
    expect(keys.some((key) => key >= 2 ** 31)).toBe(true);
  });

  it("is a no-op the second time", async () => {
    const user = await test.db.user.create({
      data: { email: "twice@demo.peacelearn.example", displayName: "Twice", birthYear: 1996 },
    });
    expect((await eraseUser(test.db, user.id, { actorId: null })).erased).toBe(true);
    const second = await eraseUser(test.db, user.id, { actorId: null });
    expect(second.erased).toBe(false);
    // 1996 lies in 1995–1999 → 1997.
    expect((await test.db.user.findUniqueOrThrow({ where: { id: user.id } })).birthYear).toBe(1997);
    expect(
      await test.db.auditEvent.count({ where: { action: "user.erased", subjectId: user.id } }),
    ).toBe(1);
  });

  it("erases a trainer without losing the trainees' accompaniment records", async () => {
    const { db } = test;
    const trainer = await db.user.findFirstOrThrow({
      where: { roles: { has: "trainer" }, accompanimentGiven: { some: {} } },
    });
    const sessions = await db.accompanimentSession.count({ where: { trainerId: trainer.id } });
    await eraseUser(db, trainer.id, { actorId: null });
    expect(await db.accompanimentSession.count({ where: { trainerId: trainer.id } })).toBe(
      sessions,
    );
    expect(
      await db.accompanimentSession.count({ where: { trainerId: trainer.id, notes: { not: "" } } }),
    ).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: trainer.id } })).roles).toEqual([
      "trainer",
    ]);
  });

  it("scrubs her from other people's free text and holds the uncertain mentions for review", async () => {
    const { db } = test;
    const subject = await db.user.findFirstOrThrow({
      where: { roles: { has: "trainee" }, erasedAt: null, cohortMemberships: { some: {} } },
      include: { cohortMemberships: { select: { cohortId: true } } },
    });
    const cohortId = subject.cohortMemberships[0]?.cohortId ?? "";
    await db.user.update({
      where: { id: subject.id },
      data: {
        email: "Bintu.Kx9@demo.peacelearn.example",
        displayName: "Bintu Kx9-Sesay",
        organisation: "Kx9 Market Women",
      },
    });
    const other = await db.user.findFirstOrThrow({
      where: { roles: { has: "trainee" }, erasedAt: null, id: { not: subject.id } },
    });
    // Another trainee's record, written by a trainer, mentioning her in every way.
    const note = await db.accompanimentSession.create({
      data: {
        traineeId: other.id,
        occurredOn: new Date("2026-11-02"),
        mode: "in-person",
        activityType: "accompaniment",
        topics: ["safety", "met BINTU kx9-sesay"],
        notes: "Came with Bintú  Kx9-Sesay (bintu.kx9@demo.peacelearn.example). Bintu will help.",
        followUps: {
          create: {
            description: "Ask bintu kx9-sesay about the radio",
            dueOn: new Date("2026-11-09"),
          },
        },
      },
      include: { followUps: true },
    });
    const workshop = await db.cohortSession.create({
      data: {
        cohortId,
        title: "Debrief at Bintu Kx9-Sesay's house",
        startsAt: new Date("2026-11-03T10:00:00Z"),
        place: "Near the Kx9 Market Women office",
      },
    });
    const untouched = "Bintumani hotel, Freetown";
    const elsewhere = await db.cohortSession.create({
      data: {
        cohortId,
        title: "Workshop",
        startsAt: new Date("2026-11-04T10:00:00Z"),
        place: untouched,
      },
    });

    const report = await eraseUser(db, subject.id, { actorId: null });

    for (const needle of [
      "Bintu Kx9-Sesay",
      "Bintú  Kx9-Sesay",
      "bintu.kx9@demo.peacelearn.example",
    ]) {
      expect(await findTextEverywhere(db, needle), needle).toEqual([]);
    }
    const after = await db.accompanimentSession.findUniqueOrThrow({
      where: { id: note.id },
      include: { followUps: true },
    });
    expect(after.notes).toBe(`Came with ${ERASED_TEXT} (${ERASED_TEXT}). Bintu will help.`);
    expect(after.topics).toEqual(["safety", `met ${ERASED_TEXT}`]);
    expect(after.followUps[0]?.description).toBe(`Ask ${ERASED_TEXT} about the radio`);
    const workshopAfter = await db.cohortSession.findUniqueOrThrow({ where: { id: workshop.id } });
    expect(workshopAfter.title).toBe(`Debrief at ${ERASED_TEXT}'s house`);
    // Her organisation is shared with colleagues: held, not replaced; "Bintumani" is not "Bintu".
    expect(workshopAfter.place).toBe("Near the Kx9 Market Women office");
    expect((await db.cohortSession.findUniqueOrThrow({ where: { id: elsewhere.id } })).place).toBe(
      untouched,
    );
    expect(report.freeTextScrubbed).toBe(4);
    expect(report.heldForReview).toEqual(
      expect.arrayContaining([
        {
          table: "AccompanimentSession",
          column: "notes",
          id: note.id,
          element: null,
          spans: [{ start: after.notes.indexOf("Bintu will"), end: after.notes.indexOf(" will") }],
          digest: textDigest(after.notes),
        },
        {
          table: "CohortSession",
          column: "place",
          id: workshop.id,
          element: null,
          spans: [{ start: 9, end: 25 }],
          digest: textDigest("Near the Kx9 Market Women office"),
        },
      ]),
    );
    expect(report.heldForReview).toHaveLength(2);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "user.erased", subjectId: subject.id },
    });
    expect(event.metadata).toEqual({ freeTextScrubbed: 4, review: report.heldForReview });
    // The record of the review holds places, never the words.
    expect(JSON.stringify(event.metadata)).not.toMatch(/bintu|kx9/i);

    // An admin confirms the first: it goes. The second's text was edited since: refused.
    const [first, second] = [...report.heldForReview].sort((a, b) =>
      a.table.localeCompare(b.table),
    );
    if (!first || !second) throw new Error("two held mentions expected");
    expect(await db.$transaction((tx) => removeHeldMention(tx, first))).toBe("removed");
    expect(
      (await db.accompanimentSession.findUniqueOrThrow({ where: { id: note.id } })).notes,
    ).toBe(`Came with ${ERASED_TEXT} (${ERASED_TEXT}). ${ERASED_TEXT} will help.`);
    await db.cohortSession.update({
      where: { id: workshop.id },
      data: { place: "Kx9 Market Women" },
    });
    expect(await db.$transaction((tx) => removeHeldMention(tx, second))).toBe("changed");
    expect(await db.$transaction((tx) => readHeldText(tx, second))).toBe("Kx9 Market Women");
    await db.cohortSession.delete({ where: { id: workshop.id } });
    expect(await db.$transaction((tx) => removeHeldMention(tx, second))).toBe("gone");
  });

  it("classifies every text column of the schema: searched as free text, or why not", async () => {
    const columns = await test.db.$queryRaw<Array<{ table_name: string; column_name: string }>>`
      SELECT table_name::text AS table_name, column_name::text AS column_name
      FROM information_schema.columns
      WHERE table_schema = current_schema()
        AND (data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'character')
             OR udt_name = 'citext')`;
    const searched = new Set(FREE_TEXT_FIELDS.map(({ table, column }) => `${table}.${column}`));
    const unclassified = columns
      .filter(({ table_name: table, column_name: column }) => !isCodeByRule(table, column))
      .map(({ table_name: table, column_name: column }) => `${table}.${column}`)
      .filter((key) => !searched.has(key) && !(key in NOT_FREE_TEXT));
    expect(unclassified).toEqual([]);
    for (const key of searched) expect(NOT_FREE_TEXT[key], key).toBeUndefined();
    expect(columns.length).toBeGreaterThan(40);
  });
});
