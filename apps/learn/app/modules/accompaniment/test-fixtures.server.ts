import { type Db, DEMO_COHORTS, seedDemo } from "@peacelearn/db";
import { useTestDatabase } from "~/test/database";
import { signIn } from "~/test/sign-in.server";
import { addDays, utcToday } from "./dates";

/** A signed-in person for route tests: their id and a session token for the cookie. */
type Person = { id: string; token: string };

export type AccompanimentWorld = {
  now: Date;
  today: Date;
  gulu: { id: string };
  monrovia: { id: string };
  admin: Person;
  /** Trainer of Gulu who wrote the fixture sessions. */
  author: Person;
  /** The other trainer of Gulu (same cohort, not the author). */
  coTrainer: Person;
  /** Trains Monrovia only. */
  otherTrainer: Person;
  /** Gulu trainee the fixture sessions are about. */
  trainee: Person;
  /** Another Gulu trainee (same cohort, not the sessions' subject). */
  cohortPeer: Person;
  /** A Monrovia trainee. */
  otherTrainee: Person;
  sensitive: {
    id: string;
    notes: string;
    followUps: { overdue: string; future: string; done: string };
  };
  ordinary: { id: string; notes: string };
};

const SENSITIVE_TEXT = "Fixture: threatened after the hearing; safety plan agreed.";
const ORDINARY_TEXT = "Fixture: rehearsed the two-minute pitch.";

/**
 * The demo data plus two sessions written for the tests (so they do not hang on the demo seed's
 * random draws): a sensitive one with an overdue, a future and a done action, and an ordinary one,
 * both by the first Gulu trainer with the same Gulu trainee.
 */
export async function seedAccompanimentWorld(
  db: Db,
  now = new Date(),
): Promise<AccompanimentWorld> {
  await seedDemo(db, { now });
  const today = utcToday(now);
  const cohortByName = async (key: "gulu" | "monrovia") => {
    const name = DEMO_COHORTS.find((cohort) => cohort.key === key)?.name ?? "";
    return db.cohort.findFirstOrThrow({
      where: { name },
      select: {
        id: true,
        trainers: { select: { userId: true }, orderBy: { createdAt: "asc" } },
        memberships: { select: { userId: true }, orderBy: { userId: "asc" } },
      },
    });
  };
  const gulu = await cohortByName("gulu");
  const monrovia = await cohortByName("monrovia");
  const admin = await db.user.findFirstOrThrow({
    where: { roles: { has: "admin" } },
    select: { id: true },
  });
  const pick = (ids: Array<{ userId: string }>, index: number) => {
    const id = ids[index]?.userId;
    if (!id) throw new Error("fixture: the demo cohorts are smaller than expected");
    return id;
  };
  // Sorted by the user's name so the two Gulu trainers are told apart deterministically.
  const guluTrainers = await db.user.findMany({
    where: { id: { in: gulu.trainers.map((row) => row.userId) } },
    select: { id: true },
    orderBy: { displayName: "asc" },
  });
  if (guluTrainers.length < 2) throw new Error("fixture: Gulu needs two trainers");
  const authorId = guluTrainers[0]?.id ?? "";
  const coTrainerId = guluTrainers[1]?.id ?? "";
  const traineeId = pick(gulu.memberships, 0);

  const sensitive = await db.accompanimentSession.create({
    data: {
      trainerId: authorId,
      traineeId,
      cohortId: gulu.id,
      occurredOn: addDays(today, -20),
      mode: "phone",
      durationMinutes: 45,
      topics: ["safety planning"],
      activityType: "accompaniment",
      notes: SENSITIVE_TEXT,
      isSensitive: true,
    },
    select: { id: true },
  });
  const action = (description: string, dueOn: Date, status: string, ownerId: string) =>
    db.followUpAction.create({
      data: {
        accompanimentSessionId: sensitive.id,
        description,
        dueOn,
        status,
        ownerId,
        closedAt: status === "open" ? null : dueOn,
      },
      select: { id: true },
    });
  const overdue = await action("Fixture overdue action", addDays(today, -3), "open", traineeId);
  const future = await action("Fixture future action", addDays(today, 10), "open", authorId);
  const done = await action("Fixture done action", addDays(today, -10), "done", traineeId);
  const ordinary = await db.accompanimentSession.create({
    data: {
      trainerId: authorId,
      traineeId,
      cohortId: gulu.id,
      occurredOn: addDays(today, -5),
      mode: "in-person",
      topics: ["advocacy plan"],
      activityType: "accompaniment",
      notes: ORDINARY_TEXT,
      isSensitive: false,
    },
    select: { id: true },
  });

  return {
    now,
    today,
    gulu: { id: gulu.id },
    monrovia: { id: monrovia.id },
    admin: await signIn(db, admin.id),
    author: await signIn(db, authorId),
    coTrainer: await signIn(db, coTrainerId),
    otherTrainer: await signIn(db, pick(monrovia.trainers, 0)),
    trainee: await signIn(db, traineeId),
    cohortPeer: await signIn(db, pick(gulu.memberships, 1)),
    otherTrainee: await signIn(db, pick(monrovia.memberships, 0)),
    sensitive: {
      id: sensitive.id,
      notes: SENSITIVE_TEXT,
      followUps: { overdue: overdue.id, future: future.id, done: done.id },
    },
    ordinary: { id: ordinary.id, notes: ORDINARY_TEXT },
  };
}

/**
 * For a route test file: before its tests, a fresh database seeded with the accompaniment world
 * and handed to the routes; afterwards, closed. `receive` gets the database and the world.
 */
export function useAccompanimentWorld(
  receive: (fixture: { db: Db; world: AccompanimentWorld }) => void,
): void {
  useTestDatabase(async (db) => receive({ db, world: await seedAccompanimentWorld(db) }));
}
