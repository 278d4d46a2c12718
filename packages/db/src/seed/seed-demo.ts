import { hash } from "@node-rs/argon2";
import {
  ActivityTypeSchema,
  DacGenderMarkerSchema,
  DacSectorCodeSchema,
  LocationCodeSchema,
  ProgrammeRegionSchema,
} from "@peacelearn/domain";
import type { Db } from "../create-db";
import type { Prisma } from "../generated/prisma/client";
import { advisoryTransactionLock } from "../locks.sql";
import { PASSWORD_HASH_OPTIONS } from "../password-options";
import { UserInputSchema, type UserRole } from "../schemas";
import { DEMO_COURSE_KEY, demoCourseCreate } from "./demo-course";
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  DEMO_STAFF,
  DEMO_TRAINERS,
  type DemoPerson,
} from "./demo-people";
import { buildDemoPeople } from "./demo-roster";
import { demoTestsCreate, seedEvaluation } from "./demo-tests";
import { addDays, startOfUtcDay } from "./seed-dates";
import { seedLearning } from "./seed-learning";
import { seedWorkshopsAndAccompaniment } from "./seed-workshops";

export type SeedDemoOptions = {
  /** Dates are laid out around this day (default today), so some follow-ups are always overdue. */
  now?: Date;
};

export type SeedDemoResult =
  | { status: "seeded"; users: number; trainees: number; cohorts: number }
  | { status: "skipped"; reason: "demo-data-present" | "database-not-empty" };

/** Demo accounts worth printing at start-up (all share {@link DEMO_PASSWORD}). */
export const demoLogins: ReadonlyArray<{
  email: string;
  role: UserRole;
  displayName: string;
  password: string;
}> = (() => {
  const roster = buildDemoPeople();
  const login = (person: DemoPerson, role: UserRole) => ({
    email: person.email,
    role,
    displayName: person.displayName,
    password: DEMO_PASSWORD,
  });
  return [
    login(DEMO_ADMIN, "admin"),
    login(DEMO_STAFF, "staff"),
    ...Object.values(DEMO_TRAINERS).map((trainer) => login(trainer, "trainer")),
    ...[roster.trainees.monrovia[0], roster.trainees.gulu[0]]
      .filter((person): person is DemoPerson => person !== undefined)
      .map((person) => login(person, "trainee")),
  ];
})();

export const DEMO_COHORTS = [
  {
    key: "monrovia",
    name: "Monrovia 2026 — Advocacy for inclusive peace",
    programmeRegion: "west-africa",
    locationCode: "LR",
    place: "Monrovia",
    startOffsetDays: -63,
    endOffsetDays: 28,
    activityType: "capacity-building-training",
    // OECD DAC 15220: civilian peace-building, conflict prevention and resolution.
    dacSectorCode: "15220",
    dacGenderMarker: 2,
    trainers: ["monrovia"],
  },
  {
    key: "kathmandu",
    name: "Kathmandu 2026 — Women in local peace committees",
    programmeRegion: "south-asia",
    locationCode: "NP",
    place: "Kathmandu",
    startOffsetDays: -98,
    endOffsetDays: -7,
    activityType: "advocacy-bridging",
    // OECD DAC 15170: women's rights organisations and movements, and government institutions.
    dacSectorCode: "15170",
    dacGenderMarker: 2,
    trainers: ["kathmandu"],
  },
  {
    key: "gulu",
    name: "Gulu 2026 — Transitional justice accompaniment",
    programmeRegion: "great-lakes",
    locationCode: "UG",
    place: "Gulu",
    startOffsetDays: -35,
    endOffsetDays: 56,
    activityType: "accompaniment",
    dacSectorCode: "15220",
    dacGenderMarker: 1,
    trainers: ["gulu", "guluCo"],
  },
] as const;

/**
 * Fills an empty database with deterministic demo people and work: an admin, four trainers,
 * ~60 trainees, three cohorts with workshops, attendance, progress, knowledge-check attempts,
 * certificates and accompaniment with follow-ups. Idempotent and safe to call at every start:
 * does nothing when the demo data is already there or when the database holds any other users
 * (demo data never mixes with real records). Runs in one transaction under an advisory lock, so
 * two starting processes cannot both seed.
 */
export async function seedDemo(
  db: Db,
  { now = new Date() }: SeedDemoOptions = {},
): Promise<SeedDemoResult> {
  const roster = buildDemoPeople();
  const people = [DEMO_ADMIN, DEMO_STAFF, ...Object.values(DEMO_TRAINERS), ...roster.all];
  for (const person of people) UserInputSchema.parse(person);
  for (const cohort of DEMO_COHORTS) {
    ProgrammeRegionSchema.parse(cohort.programmeRegion);
    LocationCodeSchema.parse(cohort.locationCode);
    ActivityTypeSchema.parse(cohort.activityType);
    DacSectorCodeSchema.parse(cohort.dacSectorCode);
    DacGenderMarkerSchema.parse(cohort.dacGenderMarker);
  }
  // One hash for all demo accounts: they share a published password anyway, and 64 argon2id
  // hashes would add ~4 s to every first start.
  const passwordHash = await hash(DEMO_PASSWORD, PASSWORD_HASH_OPTIONS);
  const today = startOfUtcDay(now);

  return db.$transaction(
    async (tx) => {
      await advisoryTransactionLock.run(tx, "peacelearn-seed-demo");
      if (await tx.course.findUnique({ where: { key: DEMO_COURSE_KEY }, select: { id: true } })) {
        return { status: "skipped", reason: "demo-data-present" } as const;
      }
      if ((await tx.user.count()) > 0)
        return { status: "skipped", reason: "database-not-empty" } as const;

      const users = await tx.user.createManyAndReturn({
        data: people.map((person) => ({
          ...person,
          passwordHash,
          createdAt: addDays(today, -120),
        })),
        select: { id: true, email: true },
      });
      const idOf = new Map(users.map((user) => [user.email, user.id]));
      const userId = (person: DemoPerson) => {
        const id = idOf.get(person.email);
        if (!id) throw new Error(`seed: ${person.email} was not created`);
        return id;
      };

      const course = await tx.course.create({
        data: demoCourseCreate(addDays(today, -150)),
        select: {
          id: true,
          modules: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              lessons: { orderBy: { position: "asc" }, select: { id: true } },
              knowledgeChecks: { select: { id: true, passMark: true } },
            },
          },
        },
      });
      const lessonIds = course.modules.flatMap((module) =>
        module.lessons.map((lesson) => lesson.id),
      );
      const check = course.modules[0]?.knowledgeChecks[0];
      if (!check) throw new Error("seed: the demo course has no knowledge check");

      const cohorts = [];
      for (const cohort of DEMO_COHORTS) {
        const created = await tx.cohort.create({
          data: {
            courseId: course.id,
            name: cohort.name,
            programmeRegion: cohort.programmeRegion,
            locationCode: cohort.locationCode,
            place: cohort.place,
            startsOn: addDays(today, cohort.startOffsetDays),
            endsOn: addDays(today, cohort.endOffsetDays),
            activityType: cohort.activityType,
            dacSectorCode: cohort.dacSectorCode,
            dacGenderMarker: cohort.dacGenderMarker,
            trainers: {
              create: cohort.trainers.map((key) => ({ userId: userId(DEMO_TRAINERS[key]) })),
            },
          },
          select: { id: true },
        });
        cohorts.push({
          ...cohort,
          id: created.id,
          startsOn: addDays(today, cohort.startOffsetDays),
          trainerIds: cohort.trainers.map((key) => userId(DEMO_TRAINERS[key])),
          memberIds: roster.trainees[cohort.key].map(userId),
        });
      }

      await seedLearning(tx, {
        today,
        courseId: course.id,
        lessonIds,
        check,
        cohorts,
        selfEnrolledIds: roster.trainees.caucasus.map(userId),
      });
      await seedWorkshopsAndAccompaniment(tx, { today, cohorts, adminId: userId(DEMO_ADMIN) });
      await tx.course.update({
        where: { id: course.id },
        data: { prePostTests: { create: demoTestsCreate() } },
      });
      await seedEvaluation(tx, {
        today,
        courseId: course.id,
        moduleIds: course.modules.map((module) => module.id),
        cohorts,
        selfEnrolledIds: roster.trainees.caucasus.map(userId),
      });
      await tx.auditEvent.create({
        data: {
          actorId: null,
          action: "demo.seeded",
          subjectType: "database",
          subjectId: "demo",
          metadata: { users: users.length } satisfies Prisma.InputJsonValue,
          at: now,
        },
      });
      return {
        status: "seeded",
        users: users.length,
        trainees: roster.all.length,
        cohorts: cohorts.length,
      } as const;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
