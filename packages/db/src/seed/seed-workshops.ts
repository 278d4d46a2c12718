import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import type { AttendanceStatus } from "../schemas";
import {
  ACCOMPANIMENT_ACTIVITY_TYPES,
  ACCOMPANIMENT_TOPICS,
  FOLLOW_UP_TEXTS,
  ORDINARY_NOTES,
  SENSITIVE_NOTES,
} from "./demo-work";
import { createPrng } from "./prng";
import { addDays, type SeedCohort } from "./seed-dates";

const ATTENDANCE_WEIGHTS: ReadonlyArray<readonly [AttendanceStatus, number]> = [
  ["present", 72],
  ["late", 10],
  ["excused", 9],
  ["absent", 9],
];

const WORKSHOP_TITLES = [
  "Opening workshop: why participation",
  "Power mapping in practice",
  "Writing the one-page ask",
  "Rehearsing the public hearing",
  "Review and next steps",
];

/** Workshops (weekly, from the cohort's start) with attendance, accompaniment and follow-ups. */
export async function seedWorkshopsAndAccompaniment(
  tx: Prisma.TransactionClient,
  input: { today: Date; cohorts: SeedCohort[]; adminId: string },
): Promise<void> {
  const prng = createPrng(1820);
  const attendance: Prisma.AttendanceRecordCreateManyInput[] = [];

  for (const cohort of input.cohorts) {
    for (const [index, title] of WORKSHOP_TITLES.entries()) {
      // Two-week rhythm, 09:00 UTC.
      const startsAt = new Date(addDays(cohort.startsOn, 14 * index).getTime() + 9 * 3_600_000);
      const session = await tx.cohortSession.create({
        data: {
          cohortId: cohort.id,
          title,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
          place: cohort.place,
        },
        select: { id: true },
      });
      if (startsAt >= input.today) continue; // future workshops have no attendance yet
      for (const userId of cohort.memberIds) {
        const status = prng.weighted(ATTENDANCE_WEIGHTS);
        attendance.push({
          cohortSessionId: session.id,
          userId,
          status,
          note: status === "excused" ? "Travelling for a community meeting" : null,
          recordedById: cohort.trainerIds[0] ?? null,
          recordedAt: new Date(startsAt.getTime() + 4 * 3_600_000),
        });
      }
    }

    // Invite link for late joiners; the token is not kept anywhere (only its hash).
    await tx.cohortInvite.create({
      data: {
        cohortId: cohort.id,
        tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
        createdById: cohort.trainerIds[0] ?? null,
        expiresAt: addDays(input.today, 30),
      },
    });

    // Accompaniment: about one session for every two trainees, since the cohort began.
    const elapsed = Math.max(
      2,
      Math.round((input.today.getTime() - cohort.startsOn.getTime()) / 86_400_000),
    );
    const sessions = Math.ceil(cohort.memberIds.length / 2);
    for (let n = 0; n < sessions; n++) {
      const sensitive = prng.chance(0.15);
      const occurredOn = addDays(cohort.startsOn, prng.int(1, elapsed - 1));
      const trainerId = prng.pick(cohort.trainerIds);
      const traineeId = prng.pick(cohort.memberIds);
      const followUpCount = prng.weighted([
        [0, 3],
        [1, 5],
        [2, 2],
      ] as const);
      await tx.accompanimentSession.create({
        data: {
          trainerId,
          traineeId,
          cohortId: cohort.id,
          occurredOn,
          mode: prng.weighted([
            ["in-person", 5],
            ["phone", 3],
            ["online", 2],
          ] as const),
          durationMinutes: prng.pick([30, 45, 60, 90]),
          topics: sensitive
            ? ["safety planning", prng.pick(ACCOMPANIMENT_TOPICS)]
            : [prng.pick(ACCOMPANIMENT_TOPICS), prng.pick(ACCOMPANIMENT_TOPICS)].filter(
                (topic, i, all) => all.indexOf(topic) === i,
              ),
          activityType: prng.weighted(ACCOMPANIMENT_ACTIVITY_TYPES),
          notes: sensitive ? prng.pick(SENSITIVE_NOTES) : prng.pick(ORDINARY_NOTES),
          isSensitive: sensitive,
          followUps: {
            create: Array.from({ length: followUpCount }, (_, i) => {
              const dueOn = addDays(occurredOn, prng.int(5, 21));
              // Past-due actions are mostly done; some stay open, so the overdue list is never empty.
              const status =
                dueOn < input.today
                  ? prng.weighted([
                      ["done", 6],
                      ["open", 3],
                      ["cancelled", 1],
                    ] as const)
                  : "open";
              return {
                ownerId: i === 0 ? traineeId : trainerId,
                description: prng.pick(FOLLOW_UP_TEXTS),
                dueOn,
                status,
                closedAt: status === "open" ? null : dueOn,
              };
            }),
          },
        },
      });
    }
  }
  await tx.attendanceRecord.createMany({ data: attendance });
}
