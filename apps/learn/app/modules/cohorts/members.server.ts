import type { Db, Prisma } from "@peacelearn/db";
import type { ImportRow, RowProblem } from "./roster-import";

// Decision (docs/decisions/008-cohort-roster-and-attendance.md): trainers add people who already have an
// account. An unknown e-mail is rejected with "no account with this email; send them the invite
// link" — creating password-less accounts would block those people from signing up themselves.

export type ProfileField = "gender" | "birthYear" | "locationCode";

export type RowOutcome = {
  line: number;
  email: string;
  /** The name in the file, else the account's (shown in the report). */
  name: string;
} & (
  | { status: "added"; filled: ProfileField[] }
  | { status: "skipped"; reason: "already-member" }
  | {
      status: "rejected";
      reason: RowProblem["reason"] | "no-account" | "trainer-of-cohort";
      problem?: RowProblem;
    }
);

/**
 * Adds the people of checked rows to a cohort (and enrols them in its course), reporting each
 * row: added, skipped (already a member) or rejected (a problem in the row, no account, or a
 * trainer of this cohort). Profile fields given in the file fill only blanks — never overwrite
 * what the person said themselves ("prefer not to say" included). One read, one transaction.
 */
export async function addMembers(
  db: Db,
  input: { cohortId: string; rows: readonly ImportRow[]; now: Date },
): Promise<RowOutcome[]> {
  const cohort = await db.cohort.findUniqueOrThrow({
    where: { id: input.cohortId },
    select: { courseId: true },
  });
  const emails = input.rows.filter((row) => !row.problem).map((row) => row.email);
  const users =
    emails.length === 0
      ? []
      : await db.user.findMany({
          where: { email: { in: emails }, erasedAt: null },
          select: {
            id: true,
            email: true,
            displayName: true,
            gender: true,
            birthYear: true,
            locationCode: true,
            cohortMemberships: { where: { cohortId: input.cohortId }, select: { userId: true } },
            cohortsTrained: { where: { cohortId: input.cohortId }, select: { userId: true } },
          },
        });
  const byEmail = new Map(users.map((user) => [user.email.toLowerCase(), user]));

  const outcomes: RowOutcome[] = [];
  const newMembers: string[] = [];
  const updates: Array<{ id: string; data: Prisma.UserUpdateInput }> = [];
  for (const row of input.rows) {
    const base = { line: row.line, email: row.email, name: row.name };
    if (row.problem) {
      outcomes.push({
        ...base,
        status: "rejected",
        reason: row.problem.reason,
        problem: row.problem,
      });
      continue;
    }
    const user = byEmail.get(row.email);
    if (!user) {
      outcomes.push({ ...base, status: "rejected", reason: "no-account" });
      continue;
    }
    const named = { ...base, name: row.name || user.displayName };
    if (user.cohortsTrained.length > 0) {
      outcomes.push({ ...named, status: "rejected", reason: "trainer-of-cohort" });
    } else if (user.cohortMemberships.length > 0) {
      outcomes.push({ ...named, status: "skipped", reason: "already-member" });
    } else {
      const data: Prisma.UserUpdateInput = {};
      const filled: ProfileField[] = [];
      if (row.gender && user.gender === "not-recorded") {
        data.gender = row.gender;
        filled.push("gender");
      }
      if (row.birthYear && user.birthYear === null) {
        data.birthYear = row.birthYear;
        filled.push("birthYear");
      }
      if (row.locationCode && user.locationCode === null) {
        data.locationCode = row.locationCode;
        filled.push("locationCode");
      }
      if (filled.length > 0) updates.push({ id: user.id, data });
      newMembers.push(user.id);
      outcomes.push({ ...named, status: "added", filled });
    }
  }

  if (newMembers.length > 0) {
    await db.$transaction(async (tx) => {
      await tx.cohortMembership.createMany({
        data: newMembers.map((userId) => ({
          cohortId: input.cohortId,
          userId,
          joinedAt: input.now,
        })),
        skipDuplicates: true,
      });
      await tx.enrolment.createMany({
        data: newMembers.map((userId) => ({
          userId,
          courseId: cohort.courseId,
          source: "cohort",
          enrolledAt: input.now,
        })),
        // Someone already enrolled on their own keeps that enrolment (and its date).
        skipDuplicates: true,
      });
      for (const update of updates) {
        await tx.user.update({ where: { id: update.id }, data: update.data, select: { id: true } });
      }
    });
  }
  return outcomes;
}

/** Adds one person by e-mail (the same rules as a one-row import). */
export async function addMemberByEmail(
  db: Db,
  input: { cohortId: string; email: string; now: Date },
): Promise<RowOutcome> {
  const [outcome] = await addMembers(db, {
    cohortId: input.cohortId,
    now: input.now,
    rows: [
      {
        line: 0,
        email: input.email.trim().toLowerCase(),
        name: "",
        gender: undefined,
        birthYear: undefined,
        locationCode: undefined,
        problem: undefined,
      },
    ],
  });
  if (!outcome) throw new Error("addMembers returned no outcome for one row");
  return outcome;
}

/** Totals of an import report, for its summary line. */
export function countOutcomes(outcomes: readonly RowOutcome[]) {
  return {
    added: outcomes.filter((outcome) => outcome.status === "added").length,
    skipped: outcomes.filter((outcome) => outcome.status === "skipped").length,
    rejected: outcomes.filter((outcome) => outcome.status === "rejected").length,
  };
}
